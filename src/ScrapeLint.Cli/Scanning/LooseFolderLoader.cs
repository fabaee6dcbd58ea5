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
    /// apply as they would in a build.
    /// </summary>
    internal static class LooseFolderLoader
    {
        private const long MaxFileBytes = 4 * 1024 * 1024;

        private static readonly CSharpParseOptions ParseOptions = new(
            LanguageVersion.Preview,
            DocumentationMode.None,
            preprocessorSymbols: new[] { "NET", "NETCOREAPP", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER" });

        public static Solution Load(string folder, List<string> warnings, CancellationToken cancellationToken)
        {
            var groups = new List<FileGroup>();
            var editorConfigs = new List<string>(AncestorEditorConfigs(folder));
            Collect(folder, new FileGroup(folder, projectFile: null), groups, editorConfigs, cancellationToken);

            var packageCache = new PackageCache();
            var workspace = new AdhocWorkspace();
            var solution = workspace.CurrentSolution;
            var configDocuments = editorConfigs.Select(ReadText).ToList();
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var group in groups.Where(g => g.Files.Count > 0))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var settings = ProjectFileFacts.Read(group.ProjectFile, warnings);
                var packages = packageCache.Resolve(settings.PackageReferences, group.ProjectFile, warnings);
                var name = UniqueName(names, group.ProjectFile is null ? Path.GetFileName(Path.TrimEndingDirectorySeparator(group.Directory)) : Path.GetFileNameWithoutExtension(group.ProjectFile));
                var id = ProjectId.CreateNewId(name);
                var documents = group.Files
                    .Select(ReadText)
                    .Select(d => DocumentInfo.Create(DocumentId.CreateNewId(id, d.FilePath), Path.GetFileName(d.FilePath), loader: d.Loader, filePath: d.FilePath))
                    .ToList();
                if (settings.GlobalUsings.Count > 0)
                {
                    var path = Path.Combine(group.Directory, "obj", name + ".GlobalUsings.g.cs");
                    var text = string.Concat(settings.GlobalUsings.Select(u => $"global using global::{u};\n"));
                    documents.Add(DocumentInfo.Create(DocumentId.CreateNewId(id, path), Path.GetFileName(path), loader: Loader(SourceText.From(text, Encoding.UTF8), path), filePath: path));
                }

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
                        metadataReferences: FrameworkReferences.References.AddRange(packages))
                    .WithAnalyzerConfigDocuments(configDocuments.Select(c => DocumentInfo.Create(DocumentId.CreateNewId(id, c.FilePath), ".editorconfig", loader: c.Loader, filePath: c.FilePath)));
                solution = solution.AddProject(project);
            }

            return solution;
        }

        private static void Collect(string directory, FileGroup current, List<FileGroup> groups, List<string> editorConfigs, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var projectFile = Directory.EnumerateFiles(directory, "*.csproj").OrderBy(f => f, StringComparer.Ordinal).FirstOrDefault();
            if (projectFile is not null || groups.Count == 0)
            {
                current = new FileGroup(directory, projectFile);
                groups.Add(current);
            }

            if (File.Exists(Path.Combine(directory, ".editorconfig")))
            {
                editorConfigs.Add(Path.Combine(directory, ".editorconfig"));
            }

            foreach (var file in Directory.EnumerateFiles(directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
            {
                if (new FileInfo(file).Length <= MaxFileBytes)
                {
                    current.Files.Add(file);
                }
            }

            foreach (var child in Directory.EnumerateDirectories(directory).OrderBy(d => d, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(child);
                if (name.StartsWith('.') || name is "bin" or "obj" or "node_modules" or "packages" or "TestResults"
                    || (File.GetAttributes(child) & FileAttributes.ReparsePoint) != 0)
                {
                    continue;
                }

                Collect(child, current, groups, editorConfigs, cancellationToken);
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
                if (File.ReadLines(path).Any(l => l.Replace(" ", string.Empty).Equals("root=true", StringComparison.OrdinalIgnoreCase)))
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

        private static (string FilePath, TextLoader Loader) ReadText(string path)
        {
            using var stream = File.OpenRead(path);
            return (path, Loader(SourceText.From(stream, Encoding.UTF8), path));
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
