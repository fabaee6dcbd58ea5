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
    /// items, package references, packages.config and HintPath references, whose assemblies are taken from
    /// the folder or the local NuGet cache when they are there, simple conditions on them, and project
    /// references, which become Roslyn project references to the folder's other projects); nothing is
    /// evaluated, restored or generated. .editorconfig files in the folder and above it
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
            var plans = new List<ProjectPlan>();
            foreach (var group in groups.Where(g => g.Files.Count > 0))
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    plans.Add(Prepare(group, realRoot, names, seen, frameworkNames, packageCache, ledger));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One project that cannot be put together never stops the others.
                    ledger.NotAnalysed(group.ProjectFile ?? group.Directory, $"project not analysed ({ex.GetType().Name}: {ex.Message})");
                }
            }

            LinkProjectReferences(plans, groups, ledger);
            var added = new HashSet<ProjectPlan>();
            foreach (var plan in DependenciesFirst(plans))
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    solution = AddProject(solution, plan, added, configDocuments);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    ledger.NotAnalysed(plan.Group.ProjectFile ?? plan.Group.Directory, $"project not analysed ({ex.GetType().Name}: {ex.Message})");
                }
            }

            return solution;
        }

        /// <summary>A project's documents and its own references, before project references are linked.</summary>
        private sealed class ProjectPlan
        {
            public ProjectPlan(FileGroup group, ProjectId id, string name, ProjectFileFacts facts, List<DocumentInfo> documents, List<MetadataReference> references)
            {
                Group = group;
                Id = id;
                Name = name;
                Facts = facts;
                Documents = documents;
                References = references;
            }

            public FileGroup Group { get; }

            public ProjectId Id { get; }

            public string Name { get; }

            public ProjectFileFacts Facts { get; }

            public List<DocumentInfo> Documents { get; }

            /// <summary>Its packages and HintPath assemblies (not the framework's).</summary>
            public List<MetadataReference> References { get; }

            /// <summary>The projects its ProjectReferences name, cycles cut.</summary>
            public List<ProjectPlan> Dependencies { get; } = new();
        }

        private static ProjectPlan Prepare(
            FileGroup group,
            string realRoot,
            HashSet<string> names,
            Dictionary<string, string> seen,
            HashSet<string> frameworkNames,
            PackageCache packageCache,
            ScanLedger ledger)
        {
            ProjectFileFacts settings;
            if (group.ProjectFile is null)
            {
                settings = ProjectFileFacts.Read(null, null, ledger.Warnings);
            }
            else if (Admit(group.ProjectFile, realRoot, requireInside: true, ledger) is { } projectText)
            {
                settings = ProjectFileFacts.Read(group.ProjectFile, projectText.ToString(), ledger.Warnings, FrameworkReferences.Framework);
            }
            else
            {
                // The project file itself is not readable: its files are still analysed, without its usings and packages.
                settings = ProjectFileFacts.Read(null, null, ledger.Warnings);
                ledger.Warn($"{group.ProjectFile}: its files are analysed without its global usings and packages");
            }

            var (direct, requests) = group.ProjectFile is null ? (new List<MetadataReference>(), new List<PackageReference>()) : LegacyReferences(group.ProjectFile, settings, realRoot, ledger);
            var packages = direct.Concat(packageCache.Resolve(settings.PackageReferences.Concat(requests).ToList(), group.ProjectFile, ledger.Warnings))
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

            if (documents.Count > 0 && settings.GlobalUsings.Count > 0)
            {
                var path = Path.Combine(group.Directory, "obj", name + ".GlobalUsings.g.cs");
                var text = string.Concat(settings.GlobalUsings.Select(u => $"global using global::{u};\n"));
                documents.Add(DocumentInfo.Create(DocumentId.CreateNewId(id, path), Path.GetFileName(path), loader: Loader(SourceText.From(text, Encoding.UTF8), path), filePath: path));
            }

            return new ProjectPlan(group, id, name, settings, documents, packages);
        }

        /// <summary>
        /// The packages.config era: <c>&lt;Reference&gt;</c> HintPaths to assemblies inside the folder are referenced as they are;
        /// those into a missing packages\Id.Version\lib folder become requests for the package in the NuGet cache, as do the
        /// entries of a packages.config next to the project. A HintPath that is neither is a warning, like a missing package.
        /// Assemblies the framework supplies are never taken from a HintPath.
        /// </summary>
        private static (List<MetadataReference> Direct, List<PackageReference> Requests) LegacyReferences(string projectFile, ProjectFileFacts settings, string realRoot, ScanLedger ledger)
        {
            var directory = Path.GetDirectoryName(projectFile)!;
            var direct = new List<MetadataReference>();
            var requests = new List<PackageReference>();
            var satisfied = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var unresolved = new List<string>();
            foreach (var hint in settings.HintPathReferences)
            {
                var package = PackageCache.FromPackagesFolder(hint.HintPath);
                if (FrameworkReferences.AssemblyNames.Contains(hint.AssemblyName) || (package is not null && PackageCache.IsFrameworkSupplied(package.Id)))
                {
                    continue;
                }

                var path = Path.GetFullPath(Path.Combine(directory, hint.HintPath.Replace('\\', '/').Trim()));
                if (!hint.HintPath.Contains("$(", StringComparison.Ordinal) && SourceFileGate.RegularFileInside(path, realRoot) is { } real)
                {
                    try
                    {
                        direct.Add(MetadataReference.CreateFromFile(PackageCache.CheckedAssembly(real)));
                        if (package is not null)
                        {
                            satisfied.Add(package.Id);
                        }

                        continue;
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
                    {
                        ledger.Warn($"{projectFile}: {hint.HintPath} cannot be read ({ex.Message}); {(package is null ? "its types are unresolved" : "the package is taken from the local NuGet cache")}");
                    }
                }

                if (package is not null)
                {
                    requests.Add(package);
                }
                else
                {
                    unresolved.Add($"{hint.AssemblyName} (HintPath {hint.HintPath})");
                }
            }

            foreach (var config in new[] { "packages.config", $"packages.{Path.GetFileNameWithoutExtension(projectFile)}.config" }.Select(c => Path.Combine(directory, c)))
            {
                if (File.Exists(config) && Admit(config, realRoot, requireInside: true, ledger) is { } text)
                {
                    requests.AddRange(ProjectFileFacts.ReadPackagesConfig(config, text.ToString(), ledger.Warnings).Where(p => !satisfied.Contains(p.Id)));
                }
            }

            if (unresolved.Count > 0)
            {
                ledger.Warn($"{projectFile}: {string.Join(", ", unresolved)} not found; their types are unresolved and findings that depend on them may be missing (restore the project once, or scan with --build)");
            }

            return (direct, requests.Where(r => !satisfied.Contains(r.Id)).ToList());
        }

        /// <summary>
        /// Links each plan to the projects its ProjectReferences name (found by path, else by folder); a reference to a project
        /// that is not in the scanned folder, and one that closes a cycle, is a warning and is left out.
        /// </summary>
        private static void LinkProjectReferences(List<ProjectPlan> plans, List<FileGroup> groups, ScanLedger ledger)
        {
            var comparer = StringComparer.OrdinalIgnoreCase;
            var byFile = plans.Where(p => p.Group.ProjectFile is not null).GroupBy(p => Path.GetFullPath(p.Group.ProjectFile!), comparer).ToDictionary(g => g.Key, g => g.First(), comparer);
            var byFolder = plans.GroupBy(p => Path.TrimEndingDirectorySeparator(Path.GetFullPath(p.Group.Directory)), comparer).ToDictionary(g => g.Key, g => g.First(), comparer);
            var knownProjects = new HashSet<string>(groups.Where(g => g.ProjectFile is not null).Select(g => Path.TrimEndingDirectorySeparator(Path.GetFullPath(g.Directory))), comparer);
            foreach (var plan in plans.Where(p => p.Group.ProjectFile is not null))
            {
                var directory = Path.GetDirectoryName(plan.Group.ProjectFile!)!;
                foreach (var include in plan.Facts.ProjectReferences)
                {
                    var missing = include.Contains("$(", StringComparison.Ordinal);
                    var path = missing ? string.Empty : Path.GetFullPath(Path.Combine(directory, include.Replace('\\', '/')));
                    var folder = missing ? string.Empty : Path.TrimEndingDirectorySeparator(Path.GetDirectoryName(path) ?? string.Empty);
                    if (!missing && (byFile.TryGetValue(path, out var target) || byFolder.TryGetValue(folder, out target)))
                    {
                        if (target != plan && !plan.Dependencies.Contains(target))
                        {
                            plan.Dependencies.Add(target);
                        }
                    }
                    else if (missing || !knownProjects.Contains(folder))
                    {
                        // A project folder without source files has no types to miss: only a project that is not there is worth a word.
                        var where = missing ? "cannot be located without evaluating the project"
                            : !File.Exists(path) ? "does not exist"
                            : !path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ? "is not a C# project"
                            : "is not in the scanned folder";
                        ledger.Warn($"{plan.Group.ProjectFile}: referenced project {include} {where}; its types are unresolved and findings that depend on them may be missing (scan the folder that holds both projects, or scan with --build)");
                    }
                }
            }

            // Cut cycles: depth first, a reference back to a project still being visited is left out.
            var state = new Dictionary<ProjectPlan, int>();
            void Visit(ProjectPlan plan)
            {
                state[plan] = 1;
                foreach (var dependency in plan.Dependencies.ToList())
                {
                    if (state.TryGetValue(dependency, out var s) && s == 1)
                    {
                        plan.Dependencies.Remove(dependency);
                        ledger.Warn($"{plan.Group.ProjectFile}: its reference to {dependency.Group.ProjectFile} closes a cycle of project references and is left out");
                    }
                    else if (s == 0)
                    {
                        Visit(dependency);
                    }
                }

                state[plan] = 2;
            }

            foreach (var plan in plans)
            {
                if (!state.ContainsKey(plan))
                {
                    Visit(plan);
                }
            }
        }

        /// <summary>The plans in an order where every project comes after the projects it references (the graph has no cycles by now).</summary>
        private static IEnumerable<ProjectPlan> DependenciesFirst(List<ProjectPlan> plans)
        {
            var done = new HashSet<ProjectPlan>();
            var order = new List<ProjectPlan>();
            void Visit(ProjectPlan plan)
            {
                if (!done.Add(plan))
                {
                    return;
                }

                foreach (var dependency in plan.Dependencies)
                {
                    Visit(dependency);
                }

                order.Add(plan);
            }

            plans.ForEach(Visit);
            return order;
        }

        /// <summary>Every project it references, directly or through others.</summary>
        private static List<ProjectPlan> Closure(ProjectPlan plan)
        {
            var found = new List<ProjectPlan>();
            var stack = new Stack<ProjectPlan>(plan.Dependencies);
            while (stack.Count > 0)
            {
                var next = stack.Pop();
                if (next != plan && !found.Contains(next))
                {
                    found.Add(next);
                    next.Dependencies.ForEach(stack.Push);
                }
            }

            return found;
        }

        private static Solution AddProject(Solution solution, ProjectPlan plan, HashSet<ProjectPlan> added, List<(string FilePath, TextLoader Loader)> configDocuments)
        {
            if (plan.Documents.Count == 0)
            {
                return solution;
            }

            // The referenced projects' sources come in as compilations (their findings are reported once, for the project
            // that owns the file); their packages flow on, as PackageReferences do in a build. One reference per assembly
            // file, and per assembly name: the project's own copy wins over a referenced project's.
            var referenced = Closure(plan);
            var references = FrameworkReferences.References
                .Concat(plan.References)
                .Concat(referenced.SelectMany(r => r.References))
                .GroupBy(r => r is PortableExecutableReference { FilePath: { } file } ? Path.GetFileName(file) : r.Display ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .ToList();
            var projectReferences = referenced.Where(added.Contains).Select(r => new Microsoft.CodeAnalysis.ProjectReference(r.Id)).ToList();
            var project = ProjectInfo.Create(
                    plan.Id,
                    VersionStamp.Default,
                    plan.Name,
                    plan.Name,
                    LanguageNames.CSharp,
                    filePath: plan.Group.ProjectFile,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false),
                    parseOptions: ParseOptions,
                    documents: plan.Documents,
                    projectReferences: projectReferences,
                    metadataReferences: references)
                .WithAnalyzerConfigDocuments(configDocuments.Select(c => DocumentInfo.Create(DocumentId.CreateNewId(plan.Id, c.FilePath), ".editorconfig", loader: c.Loader, filePath: c.FilePath)));
            solution = solution.AddProject(project);
            added.Add(plan);
            return solution;
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
