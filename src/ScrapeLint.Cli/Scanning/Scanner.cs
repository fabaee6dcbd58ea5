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
            // MSBuild workspaces each hold a build host process: ended once the analysis no longer needs them.
            var workspaces = new List<IDisposable>();
            try
            {
                return await ScanCoreAsync(settings, progressWriter, workspaces, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                foreach (var workspace in workspaces)
                {
                    workspace.Dispose();
                }
            }
        }

        private static async Task<ScanResult> ScanCoreAsync(ScanSettings settings, TextWriter? progressWriter, List<IDisposable> workspaces, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var path = Path.GetFullPath(settings.Path);
            var ledger = new ScanLedger();
            string root;
            string mode;
            using var progress = new ScanProgress(progressWriter, clock);

            IReadOnlyList<Project> loaded;
            if (Directory.Exists(path))
            {
                root = path;
                if (settings.Build)
                {
                    mode = "msbuild";
                    loaded = await MSBuildLoader.LoadAsync(MSBuildLoader.FindEntryPoint(path), ledger, settings.AllowPartial, workspaces, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    mode = "loose-files";
                    loaded = LooseFolderLoader.Load(path, ledger, cancellationToken).Projects.ToList();
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
                loaded = await MSBuildLoader.LoadAsync(path, ledger, settings.AllowPartial, workspaces, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                throw new LoadException($"'{settings.Path}' does not exist");
            }

            var projects = loaded.Where(p => p.Language == LanguageNames.CSharp).ToList();
            progress.Analysing(projects.Count, projects.Sum(p => p.DocumentIds.Count));

            var catalog = AnalyzerCatalog.Instance;
            var ruleIds = catalog.Rules.Select(r => r.Id).ToImmutableHashSet(StringComparer.Ordinal);
            var findings = new ConcurrentBag<Finding>();
            var analyzerFailures = new ConcurrentBag<(string Project, string Message)>();
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken };
            var analysedFiles = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            await Parallel.ForEachAsync(projects, options, async (project, ct) =>
            {
                try
                {
                    var compilation = await project.GetCompilationAsync(ct).ConfigureAwait(false);
                    if (compilation is null)
                    {
                        ledger.NotAnalysed(project.FilePath ?? project.Name, "project not analysed (no compilation)");
                        return;
                    }

                    var analysisOptions = new CompilationWithAnalyzersOptions(
                        project.AnalyzerOptions,
                        onAnalyzerException: (ex, analyzer, diagnostic) => analyzerFailures.Add((project.FilePath ?? project.Name, $"{analyzer.GetType().Name} failed: {FirstLine(ex.Message)}")),
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

                    foreach (var document in project.Documents)
                    {
                        // Source files on disk: the global usings a loose-files project is given are not counted.
                        if (document.FilePath is { } file && File.Exists(file))
                        {
                            analysedFiles.TryAdd(file, true);
                        }
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One project that fails never stops the others; the scan is incomplete.
                    ledger.NotAnalysed(project.FilePath ?? project.Name, $"project not analysed ({ex.GetType().Name}: {FirstLine(ex.Message)})");
                }
                finally
                {
                    progress.ProjectDone(project.DocumentIds.Count);
                }
            }).ConfigureAwait(false);

            foreach (var failure in analyzerFailures.Distinct())
            {
                // An analyzer that threw may have missed findings: the scan is incomplete, as for an unreadable file.
                ledger.NotAnalysed(failure.Project, failure.Message);
            }

            var ordered = findings
                .GroupBy(f => (f.RuleId, f.FilePath, f.Line, f.Column, f.EndLine, f.EndColumn, f.Message))
                .Select(g => g.OrderBy(f => f.Project, StringComparer.Ordinal).First())
                .OrderBy(f => f.RuleId, StringComparer.Ordinal)
                .ThenBy(f => f.RelativePath, StringComparer.Ordinal)
                .ThenBy(f => f.Line)
                .ThenBy(f => f.Column)
                .ToImmutableArray();
            return new ScanResult(root, mode, ordered, projects.Count, analysedFiles.Count, clock.Elapsed, ledger.AllWarnings, ledger.SkippedEntries, ledger.NotAnalysedEntries);
        }

        private static string FirstLine(string message)
        {
            var line = message.Split('\n')[0].Trim();
            return line.Length == 0 ? message : line;
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
