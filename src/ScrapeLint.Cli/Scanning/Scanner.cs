using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeLint.Cli.Commands;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>Loads the path, runs the ScrapeLint analyzers on every C# project in parallel, collects findings.</summary>
    internal static class Scanner
    {
        public static async Task<ScanResult> ScanAsync(ScanSettings settings, TextWriter? progressWriter, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var path = Path.GetFullPath(settings.Path);
            var warnings = new List<string>();
            string root;
            string mode;
            using var progress = new ScanProgress(progressWriter, clock);

            Solution solution;
            if (Directory.Exists(path))
            {
                root = path;
                if (settings.Build)
                {
                    mode = "msbuild";
                    solution = await MSBuildLoader.LoadAsync(MSBuildLoader.FindEntryPoint(path), warnings, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    mode = "loose-files";
                    solution = LooseFolderLoader.Load(path, warnings, cancellationToken);
                }
            }
            else if (File.Exists(path))
            {
                if (!MSBuildLoader.IsLoadable(path))
                {
                    throw new LoadException($"'{settings.Path}' is not a folder, .sln, .slnx or .csproj file");
                }

                root = Path.GetDirectoryName(path)!;
                mode = "msbuild";
                solution = await MSBuildLoader.LoadAsync(path, warnings, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                throw new LoadException($"'{settings.Path}' does not exist");
            }

            var projects = solution.Projects.Where(p => p.Language == LanguageNames.CSharp).ToList();
            progress.Analysing(projects.Count, projects.Sum(p => p.DocumentIds.Count));

            var catalog = AnalyzerCatalog.Instance;
            var ruleIds = catalog.Rules.Select(r => r.Id).ToImmutableHashSet(StringComparer.Ordinal);
            var findings = new ConcurrentBag<Finding>();
            var analyzerFailures = new ConcurrentBag<string>();
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(projects, options, async (project, ct) =>
            {
                var compilation = await project.GetCompilationAsync(ct).ConfigureAwait(false);
                if (compilation is not null)
                {
                    var analysisOptions = new CompilationWithAnalyzersOptions(
                        project.AnalyzerOptions,
                        onAnalyzerException: (ex, analyzer, diagnostic) => analyzerFailures.Add($"{analyzer.GetType().Name} failed in {project.Name}: {ex.Message}"),
                        concurrentAnalysis: true,
                        logAnalyzerExecutionTime: false,
                        reportSuppressedDiagnostics: false);
                    var diagnostics = await compilation.WithAnalyzers(catalog.Analyzers, analysisOptions).GetAnalyzerDiagnosticsAsync(ct).ConfigureAwait(false);
                    foreach (var diagnostic in diagnostics)
                    {
                        if (ruleIds.Contains(diagnostic.Id) && diagnostic.Severity != DiagnosticSeverity.Hidden && ToFinding(diagnostic, root, project.Name) is { } finding)
                        {
                            findings.Add(finding);
                        }
                    }
                }

                progress.ProjectDone(project.DocumentIds.Count);
            }).ConfigureAwait(false);

            warnings.AddRange(analyzerFailures.Distinct());
            var ordered = findings
                .GroupBy(f => (f.RuleId, f.FilePath, f.Line, f.Column, f.EndLine, f.EndColumn, f.Message))
                .Select(g => g.OrderBy(f => f.Project, StringComparer.Ordinal).First())
                .OrderBy(f => f.RuleId, StringComparer.Ordinal)
                .ThenBy(f => f.RelativePath, StringComparer.Ordinal)
                .ThenBy(f => f.Line)
                .ThenBy(f => f.Column)
                .ToImmutableArray();
            // Source files on disk: the global usings a loose-files project is given are not counted.
            var files = projects.SelectMany(p => p.Documents).Select(d => d.FilePath).OfType<string>().Distinct(StringComparer.Ordinal).Count(File.Exists);
            return new ScanResult(root, mode, ordered, projects.Count, files, clock.Elapsed, warnings.Distinct().ToImmutableArray());
        }

        private static Finding? ToFinding(Diagnostic diagnostic, string root, string project)
        {
            var location = diagnostic.Location;
            if (!location.IsInSource || location.SourceTree is not { } tree)
            {
                return null;
            }

            var span = location.GetLineSpan();
            var lines = tree.GetText().Lines;
            var sourceLine = span.StartLinePosition.Line < lines.Count ? lines[span.StartLinePosition.Line].ToString() : string.Empty;
            var filePath = span.Path;
            return new Finding(
                diagnostic.Id,
                diagnostic.Severity,
                diagnostic.Descriptor.Title.ToString(),
                diagnostic.GetMessage(),
                string.IsNullOrEmpty(diagnostic.Descriptor.HelpLinkUri) ? null : diagnostic.Descriptor.HelpLinkUri,
                filePath,
                Path.GetRelativePath(root, filePath),
                span.StartLinePosition.Line + 1,
                span.StartLinePosition.Character + 1,
                span.EndLinePosition.Line + 1,
                span.EndLinePosition.Character + 1,
                sourceLine,
                project);
        }
    }
}
