using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>
    /// Turns a folder into projects of loose C# files without MSBuild: each folder that holds a .csproj
    /// starts a project of the .cs files below it (nested project folders excepted), files outside every
    /// project folder form one more project. Project files are only read as XML (implicit usings, Using
    /// items, package references, whose assemblies are taken from the local NuGet cache when they are
    /// there); nothing is evaluated, restored or generated. .editorconfig files in the folder and above it
    /// apply as they would in a build. Every file is admitted by <see cref="SourceFileGate"/>: only regular
    /// files inside the folder are opened, and a file or project that cannot be read is recorded in the
    /// ledger without stopping the others.
    /// </summary>
    internal static class LooseFolderLoader
    {
        private static readonly CSharpParseOptions ParseOptions = new(
            LanguageVersion.Preview,
            DocumentationMode.None,
            preprocessorSymbols: new[] { "NET", "NETCOREAPP", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER" });

        public static Solution Load(string folder, ScanLedger ledger, CancellationToken cancellationToken)
        {
            var realRoot = SourceFileGate.RealFolder(folder);
            var groups = new List<FileGroup>();
            var editorConfigs = new List<(string Path, bool Inside)>(AncestorEditorConfigs(folder).Select(p => (p, false)));
            Collect(folder, new FileGroup(folder, projectFile: null), groups, editorConfigs, ledger, cancellationToken);

            var packageCache = new PackageCache();
            var workspace = new AdhocWorkspace();
            var solution = workspace.CurrentSolution;
            var configDocuments = new List<(string FilePath, TextLoader Loader)>();
            foreach (var (path, inside) in editorConfigs)
            {
                if (Admit(path, realRoot, requireInside: inside, ledger) is { } text)
                {
                    configDocuments.Add((path, Loader(text, path)));
                }
            }

            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            var frameworkNames = new HashSet<string>(
                FrameworkReferences.References.OfType<PortableExecutableReference>().Select(r => Path.GetFileName(r.FilePath)).OfType<string>(),
                StringComparer.OrdinalIgnoreCase);
            foreach (var group in groups.Where(g => g.Files.Count > 0))
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    solution = AddProject(solution, group, realRoot, names, seen, frameworkNames, packageCache, configDocuments, ledger);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One project that cannot be put together never stops the others.
                    ledger.NotAnalysed(group.ProjectFile ?? group.Directory, $"project not analysed ({ex.GetType().Name}: {ex.Message})");
                }
            }

            return solution;
        }

        private static Solution AddProject(
            Solution solution,
            FileGroup group,
            string realRoot,
            HashSet<string> names,
            Dictionary<string, string> seen,
            HashSet<string> frameworkNames,
            PackageCache packageCache,
            List<(string FilePath, TextLoader Loader)> configDocuments,
            ScanLedger ledger)
        {
            ProjectFileFacts settings;
            if (group.ProjectFile is null)
            {
                settings = ProjectFileFacts.Read(null, null, ledger.Warnings);
            }
            else if (Admit(group.ProjectFile, realRoot, requireInside: true, ledger) is { } projectText)
            {
                settings = ProjectFileFacts.Read(group.ProjectFile, projectText.ToString(), ledger.Warnings);
            }
            else
            {
                // The project file itself is not readable: its files are still analysed, without its usings and packages.
                settings = ProjectFileFacts.Read(null, null, ledger.Warnings);
                ledger.Warn($"{group.ProjectFile}: its files are analysed without its global usings and packages");
            }

            var packages = packageCache.Resolve(settings.PackageReferences, group.ProjectFile, ledger.Warnings)
                .Where(r => r is not PortableExecutableReference { FilePath: { } file } || !frameworkNames.Contains(Path.GetFileName(file)))
                .ToList();
            var name = UniqueName(names, group.ProjectFile is null ? Path.GetFileName(Path.TrimEndingDirectorySeparator(group.Directory)) : Path.GetFileNameWithoutExtension(group.ProjectFile));
            var id = ProjectId.CreateNewId(name);
            var documents = new List<DocumentInfo>();
            // A file reached by its own name goes before links to it, so that a link never takes its place.
            var gatedFiles = group.Files
                .Select(file => SourceFileGate.Read(file, realRoot))
                .OrderBy(g => g.RealPath == g.Path ? 0 : 1)
                .ThenBy(g => g.Path, StringComparer.Ordinal);
            foreach (var gated in gatedFiles)
            {
                var file = gated.Path;
                switch (gated.Outcome)
                {
                    case FileOutcome.Skipped:
                        ledger.Skip(file, gated.Reason!);
                        continue;
                    case FileOutcome.NotAnalysed:
                        ledger.NotAnalysed(file, gated.Reason!);
                        continue;
                }

                if (seen.TryGetValue(gated.RealPath!, out var first))
                {
                    ledger.Skip(file, $"a link to '{first}', which is analysed under that name");
                    continue;
                }

                seen[gated.RealPath!] = file;
                documents.Add(DocumentInfo.Create(DocumentId.CreateNewId(id, file), Path.GetFileName(file), loader: Loader(gated.Text!, file), filePath: file));
            }

            if (documents.Count == 0)
            {
                return solution;
            }

            if (settings.GlobalUsings.Count > 0)
            {
                var path = Path.Combine(group.Directory, "obj", name + ".GlobalUsings.g.cs");
                var text = string.Concat(settings.GlobalUsings.Select(u => $"global using global::{u};\n"));
                documents.Add(DocumentInfo.Create(DocumentId.CreateNewId(id, path), Path.GetFileName(path), loader: Loader(SourceText.From(text, Encoding.UTF8), path), filePath: path));
            }

            // One reference per assembly file: a package named twice (unconditionally and under a condition, or by two
            // items) must not reach the workspace twice, which rejects duplicate metadata references.
            var references = FrameworkReferences.References.Concat(packages)
                .GroupBy(r => r is PortableExecutableReference { FilePath: { } file } ? file : r.Display ?? string.Empty, StringComparer.Ordinal)
                .Select(g => g.First())
                .ToList();
            var project = ProjectInfo.Create(
                    id,
                    VersionStamp.Default,
                    name,
                    name,
                    LanguageNames.CSharp,
                    filePath: group.ProjectFile,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false),
                    parseOptions: ParseOptions,
                    documents: documents,
                    metadataReferences: references)
                .WithAnalyzerConfigDocuments(configDocuments.Select(c => DocumentInfo.Create(DocumentId.CreateNewId(id, c.FilePath), ".editorconfig", loader: c.Loader, filePath: c.FilePath)));
            return solution.AddProject(project);
        }

        private static void Collect(string directory, FileGroup current, List<FileGroup> groups, List<(string Path, bool Inside)> editorConfigs, ScanLedger ledger, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<string> files;
            List<string> children;
            string? projectFile;
            try
            {
                projectFile = Directory.EnumerateFiles(directory, "*.csproj").OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault();
                files = Directory.EnumerateFiles(directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToList();
                children = Directory.EnumerateDirectories(directory).OrderBy(d => d, StringComparer.Ordinal).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A folder that cannot be listed may hold source files: the scan is incomplete, but goes on.
                ledger.NotAnalysed(directory, $"folder cannot be listed ({ex.Message})");
                return;
            }

            if (projectFile is not null || groups.Count == 0)
            {
                current = new FileGroup(directory, projectFile);
                groups.Add(current);
            }

            var editorConfig = Path.Combine(directory, ".editorconfig");
            if (File.Exists(editorConfig) || new FileInfo(editorConfig).LinkTarget is not null)
            {
                editorConfigs.Add((editorConfig, true));
            }

            current.Files.AddRange(files);

            foreach (var child in children)
            {
                var name = Path.GetFileName(child);
                if (name.StartsWith('.') || name is "bin" or "obj" or "node_modules" or "packages" or "TestResults")
                {
                    continue;
                }

                FileAttributes attributes;
                try
                {
                    attributes = File.GetAttributes(child);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    ledger.NotAnalysed(child, $"folder cannot be examined ({ex.Message})");
                    continue;
                }

                if ((attributes & FileAttributes.ReparsePoint) != 0)
                {
                    ledger.Skip(child, "a link to a folder; not followed");
                    continue;
                }

                Collect(child, current, groups, editorConfigs, ledger, cancellationToken);
            }
        }

        /// <summary>The text of a configuration file through the gate, or null (recorded in the ledger) when it is not admitted.</summary>
        private static SourceText? Admit(string path, string realRoot, bool requireInside, ScanLedger ledger)
        {
            var gated = SourceFileGate.Read(path, requireInside ? realRoot : null);
            switch (gated.Outcome)
            {
                case FileOutcome.Read:
                    return gated.Text;
                case FileOutcome.Skipped:
                    ledger.Skip(path, gated.Reason!);
                    return null;
                default:
                    ledger.NotAnalysed(path, gated.Reason!);
                    return null;
            }
        }

        /// <summary>.editorconfig files above the folder, up to the first one marked root = true.</summary>
        private static IEnumerable<string> AncestorEditorConfigs(string folder)
        {
            var found = new List<string>();
            for (var dir = Directory.GetParent(folder); dir is not null; dir = dir.Parent)
            {
                var path = Path.Combine(dir.FullName, ".editorconfig");
                if (!File.Exists(path))
                {
                    continue;
                }

                found.Add(path);
                var text = SourceFileGate.Read(path, realRoot: null);
                if (text.Text is { } config && config.Lines.Any(l => l.ToString().Replace(" ", string.Empty).Equals("root=true", StringComparison.OrdinalIgnoreCase)))
                {
                    break;
                }
            }

            found.Reverse();
            return found;
        }

        private static string UniqueName(HashSet<string> names, string name)
        {
            var unique = name;
            for (var i = 2; !names.Add(unique); i++)
            {
                unique = name + "-" + i;
            }

            return unique;
        }

        private static TextLoader Loader(SourceText text, string path)
            => TextLoader.From(TextAndVersion.Create(text, VersionStamp.Default, path));

        private sealed class FileGroup
        {
            public FileGroup(string directory, string? projectFile)
            {
                Directory = directory;
                ProjectFile = projectFile;
            }

            public string Directory { get; }

            public string? ProjectFile { get; }

            public List<string> Files { get; } = new();
        }
    }
}
