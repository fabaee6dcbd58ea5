using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>
    /// Loads a solution or project with MSBuildWorkspace (a design-time build with the installed .NET SDK,
    /// found by Microsoft.Build.Locator), the way an IDE sees it. Whether a project loaded is judged by what
    /// came out (a project whose framework references resolved), not by MSBuild's messages: the workspace
    /// reports every message of the design-time build, NuGet's warnings (NU1603, NU1510) included, as a
    /// "failure", so those messages become warnings of a project that loaded and reasons of one that did not.
    /// Every project that loads is analysed; each one that does not is named with its reasons. An unrestored
    /// project stops the scan with the command that restores it.
    /// </summary>
    internal static class MSBuildLoader
    {
        private static readonly object LocatorGate = new();

        // "Msbuild failed when processing the file '<path>' with message: <message>" (the workspace's wording).
        private static readonly Regex ProjectMessage = new(@"^Msbuild failed when processing the file '(?<path>[^']+)' with message: (?<message>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

        // NETSDK1013, raised for each entry of a TargetFrameworks list the workspace split on ';' without trimming.
        private static readonly Regex UnrecognisedFramework = new(@"The TargetFramework value '(?<value>[^']*)' was not recognized", RegexOptions.CultureInvariant);

        private const string DuplicateProject = "Found project with the same file path and output path as another project:";

        private static readonly string[] CoreLibraries = { "System.Runtime.dll", "mscorlib.dll", "netstandard.dll", "System.Private.CoreLib.dll" };

        public static bool IsLoadable(string path)
            => Path.GetExtension(path).ToLowerInvariant() is ".sln" or ".slnx" or ".csproj";

        /// <param name="workspaces">Receives every workspace opened (each holds a build host process): the caller disposes them after the analysis.</param>
        public static async Task<IReadOnlyList<Project>> LoadAsync(string path, ScanLedger ledger, bool allowPartial, List<IDisposable> workspaces, CancellationToken cancellationToken)
        {
            EnsureMSBuildLocated();

            var messages = new List<(string? Project, string Message)>();
            var solution = await OpenAsync(path, globalProperties: null, messages, workspaces, cancellationToken).ConfigureAwait(false);

            var byFile = messages.Where(m => m.Project is not null).GroupBy(m => Normalise(m.Project!), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(m => m.Message).Distinct().ToList(), StringComparer.Ordinal);
            var loaded = solution.Projects.Where(p => p.Language == LanguageNames.CSharp).ToList();
            var healthy = loaded.Where(IsHealthy).ToList();
            var projectFiles = loaded.Select(p => p.FilePath).OfType<string>().Select(Normalise).Concat(byFile.Keys).Distinct(StringComparer.Ordinal).ToList();

            var retried = new HashSet<string>(StringComparer.Ordinal);

            // TargetFrameworks written with spaces (" net8.0; net10.0 "): the workspace splits the list on ';' without
            // trimming, and the SDK rejects " net10.0 " (its message shows the value trimmed). Each framework it
            // rejected is loaded once more on its own, trimmed; a framework that is really unknown fails again.
            foreach (var file in projectFiles)
            {
                var frameworks = byFile.TryGetValue(file, out var list)
                    ? list.SelectMany(m => UnrecognisedFramework.Matches(m)).Select(m => m.Groups["value"].Value).Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
                    : new List<string>();
                foreach (var framework in frameworks)
                {
                    retried.Add(file);
                    var retryMessages = new List<(string? Project, string Message)>();
                    Solution retry;
                    try
                    {
                        retry = await OpenAsync(file, new Dictionary<string, string> { ["TargetFramework"] = framework }, retryMessages, workspaces, cancellationToken).ConfigureAwait(false);
                    }
                    catch (LoadException ex)
                    {
                        list!.Add($"{framework}: {ex.Message}");
                        continue;
                    }

                    var project = retry.Projects.FirstOrDefault(p => p.FilePath is { } f && Normalise(f) == file && IsHealthy(p));
                    if (project is null)
                    {
                        continue; // Really not a framework the SDK knows: its message stays the reason.
                    }

                    if (!healthy.Any(h => h.FilePath is { } f && Normalise(f) == file && h.ParseOptions?.PreprocessorSymbolNames.SequenceEqual(project.ParseOptions?.PreprocessorSymbolNames ?? Array.Empty<string>()) == true))
                    {
                        healthy.Add(project);
                    }

                    // The framework is loaded now: its "not recognized" messages are history.
                    list!.RemoveAll(m => UnrecognisedFramework.Match(m) is { Success: true } match && match.Groups["value"].Value.Trim() == framework);
                }

                // Empty entries (a trailing ';') name no framework: nothing to load, nothing lost.
                list?.RemoveAll(m => UnrecognisedFramework.Match(m) is { Success: true } match && match.Groups["value"].Value.Trim().Length == 0);
            }

            var failed = new List<string>();
            foreach (var file in projectFiles)
            {
                var reasons = byFile.TryGetValue(file, out var list) ? list : new List<string>();
                if (healthy.Any(p => p.FilePath is { } f && Normalise(f) == file))
                {
                    foreach (var reason in reasons.Where(r => !r.StartsWith(DuplicateProject, StringComparison.Ordinal)))
                    {
                        ledger.Warn($"{file}: {reason}");
                    }
                }
                else
                {
                    var why = reasons.Count > 0 ? string.Join("; ", reasons) : "the design-time build resolved no framework references";
                    ledger.NotAnalysed(file, $"project did not load: {why}");
                    failed.Add($"{file}: {why}");
                }
            }

            foreach (var (_, message) in messages.Where(m => m.Project is null).Distinct())
            {
                // The rejected frameworks of a project loaded again above left a duplicate the workspace complained about.
                if (message.StartsWith(DuplicateProject, StringComparison.Ordinal) && retried.Contains(Normalise(message.Substring(DuplicateProject.Length).Trim())))
                {
                    continue;
                }

                ledger.Warn(message);
            }

            if (healthy.Count == 0)
            {
                throw new LoadException($"could not load '{path}':" + (failed.Count > 0 ? string.Concat(failed.Select(f => Environment.NewLine + "  " + f)) : " it holds no C# project"));
            }

            var unrestored = healthy.Select(p => p.FilePath).OfType<string>().Distinct(StringComparer.Ordinal).Where(f => NeedsRestore(f) && AssetsFile(f, healthy) is null).ToList();

            // A restore that ran and failed (NU1101: a package not found, NU1102, ...) leaves an assets file that
            // records the errors: the project loads, but the types of the packages it could not resolve are missing.
            foreach (var file in healthy.Select(p => p.FilePath).OfType<string>().Distinct(StringComparer.Ordinal).Except(unrestored))
            {
                if (AssetsFile(file, healthy) is { } assets && RestoreErrors(assets) is { Count: > 0 } errors)
                {
                    ledger.NotAnalysed(file, $"analysed without the packages its restore could not resolve, so findings may be missing ({string.Join("; ", errors)}); fix the restore (`dotnet restore \"{path}\"` shows why)");
                }
            }

            if (unrestored.Count > 0)
            {
                var command = $"dotnet restore \"{path}\"";
                if (!allowPartial)
                {
                    throw new LoadException(
                        $"'{path}' is not restored: {unrestored.Count} project(s) have no project.assets.json, so the types of their packages would be unresolved and findings missed:"
                        + string.Concat(unrestored.Select(f => Environment.NewLine + "  " + f))
                        + Environment.NewLine + $"Run `{command}` (it evaluates the repository's MSBuild code, as this mode does), then scan again; or scan the folder without --build, or pass --allow-partial.");
                }

                foreach (var file in unrestored)
                {
                    ledger.Warn($"{file}: not restored (run `{command}`); types from its packages are unresolved");
                }
            }

            return healthy;
        }

        /// <summary>The solution or project to load for <c>scan &lt;folder&gt; --build</c>.</summary>
        public static string FindEntryPoint(string folder)
        {
            foreach (var pattern in new[] { "*.slnx", "*.sln", "*.csproj" })
            {
                var candidates = Directory.GetFiles(folder, pattern);
                if (candidates.Length == 1)
                {
                    return candidates[0];
                }

                if (candidates.Length > 1)
                {
                    throw new LoadException($"'{folder}' holds {candidates.Length} {pattern.Substring(1)} files ({string.Join(", ", candidates.Select(Path.GetFileName))}); scan one of them");
                }
            }

            throw new LoadException($"--build: '{folder}' holds no .sln, .slnx or .csproj file; scan it without --build to read its loose files");
        }

        private static async Task<Solution> OpenAsync(string path, Dictionary<string, string>? globalProperties, List<(string? Project, string Message)> messages, List<IDisposable> workspaces, CancellationToken cancellationToken)
        {
            var workspace = globalProperties is null ? MSBuildWorkspace.Create() : MSBuildWorkspace.Create(globalProperties);
            workspaces.Add(workspace);
            workspace.SkipUnrecognizedProjects = true;
            workspace.LoadMetadataForReferencedProjects = false;
            workspace.RegisterWorkspaceFailedHandler(e =>
            {
                var text = e.Diagnostic.Message.Trim();
                var match = ProjectMessage.Match(text);
                lock (messages)
                {
                    messages.Add(match.Success ? (match.Groups["path"].Value, match.Groups["message"].Value.Trim()) : (null, text));
                }
            });

            try
            {
                return Path.GetExtension(path).Equals(".csproj", StringComparison.OrdinalIgnoreCase)
                    ? (await workspace.OpenProjectAsync(path, progress: null, cancellationToken).ConfigureAwait(false)).Solution
                    : await workspace.OpenSolutionAsync(path, progress: null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var reasons = messages.Select(m => m.Message).Distinct().ToList();
                throw new LoadException($"could not load '{path}': {FirstLine(ex.Message)}" + string.Concat(reasons.Select(r => Environment.NewLine + "  " + r)));
            }
        }

        /// <summary>A project whose design-time build resolved its framework: something the compiler can bind.</summary>
        private static bool IsHealthy(Project project)
            => project.DocumentIds.Count > 0 && project.MetadataReferences.OfType<PortableExecutableReference>().Any(r => r.FilePath is { } file && CoreLibraries.Contains(Path.GetFileName(file), StringComparer.OrdinalIgnoreCase));

        /// <summary>SDK-style projects and projects with PackageReference items get their references from a restore.</summary>
        private static bool NeedsRestore(string projectFile)
        {
            try
            {
                var text = File.ReadAllText(projectFile);
                return text.Contains("Sdk=\"", StringComparison.OrdinalIgnoreCase) || text.Contains("<Sdk ", StringComparison.OrdinalIgnoreCase) || text.Contains("<PackageReference", StringComparison.OrdinalIgnoreCase);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>
        /// The project's assets file, when restore wrote one: in obj/ (the default), or above the intermediate
        /// output folder the design-time build reported (obj/Release/net10.0/ → obj/), for a moved BaseIntermediateOutputPath.
        /// </summary>
        private static string? AssetsFile(string projectFile, IEnumerable<Project> projects)
        {
            var standard = Path.Combine(Path.GetDirectoryName(projectFile)!, "obj", "project.assets.json");
            if (File.Exists(standard))
            {
                return standard;
            }

            foreach (var project in projects.Where(p => p.FilePath == projectFile))
            {
                var directory = Path.GetDirectoryName(project.CompilationOutputInfo.AssemblyPath ?? project.OutputFilePath ?? string.Empty);
                for (var i = 0; i < 4 && !string.IsNullOrEmpty(directory); i++, directory = Path.GetDirectoryName(directory))
                {
                    var candidate = Path.Combine(directory, "project.assets.json");
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }

            return null;
        }

        /// <summary>The errors a restore recorded in the assets file ("logs" entries of level Error), as "code: message".</summary>
        private static List<string> RestoreErrors(string assetsFile)
        {
            var errors = new List<string>();
            try
            {
                using var stream = File.OpenRead(assetsFile);
                using var document = System.Text.Json.JsonDocument.Parse(stream);
                if (document.RootElement.TryGetProperty("logs", out var logs) && logs.ValueKind == System.Text.Json.JsonValueKind.Array)
                {
                    foreach (var log in logs.EnumerateArray())
                    {
                        if (log.TryGetProperty("level", out var level) && string.Equals(level.GetString(), "Error", StringComparison.OrdinalIgnoreCase))
                        {
                            var code = log.TryGetProperty("code", out var c) ? c.GetString() : null;
                            var message = log.TryGetProperty("message", out var m) ? FirstLine(m.GetString() ?? string.Empty) : string.Empty;
                            errors.Add(code is null ? message : $"{code}: {message}");
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                errors.Add($"its assets file cannot be read ({ex.Message})");
            }

            return errors.Distinct(StringComparer.Ordinal).ToList();
        }

        private static string Normalise(string path) => Path.GetFullPath(path);

        private static void EnsureMSBuildLocated()
        {
            lock (LocatorGate)
            {
                if (MSBuildLocator.IsRegistered)
                {
                    return;
                }

                try
                {
                    MSBuildLocator.RegisterDefaults();
                }
                catch (InvalidOperationException ex)
                {
                    throw new LoadException($"no .NET SDK with MSBuild was found ({FirstLine(ex.Message)}); install the .NET SDK, or scan a folder without --build");
                }
            }
        }

        private static string FirstLine(string message)
        {
            var line = message.Split('\n')[0].Trim();
            return line.Length == 0 ? message : line;
        }
    }
}
