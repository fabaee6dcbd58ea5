using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>
    /// Loads a solution or project with MSBuildWorkspace (a design-time build with the installed .NET SDK,
    /// found by Microsoft.Build.Locator), the way an IDE sees it. A project that does not load is an error
    /// that names the project and MSBuild's reason.
    /// </summary>
    internal static class MSBuildLoader
    {
        private static readonly object LocatorGate = new();

        public static bool IsLoadable(string path)
            => Path.GetExtension(path).ToLowerInvariant() is ".sln" or ".slnx" or ".csproj";

        public static async Task<Solution> LoadAsync(string path, List<string> warnings, CancellationToken cancellationToken)
        {
            EnsureMSBuildLocated();

            var failures = new List<string>();
            var workspace = MSBuildWorkspace.Create();
            workspace.SkipUnrecognizedProjects = true;
            workspace.LoadMetadataForReferencedProjects = false;
            workspace.RegisterWorkspaceFailedHandler(e =>
            {
                var message = e.Diagnostic.Message.Trim();
                lock (failures)
                {
                    (e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure ? failures : warnings).Add(message);
                }
            });

            Solution solution;
            try
            {
                solution = Path.GetExtension(path).Equals(".csproj", StringComparison.OrdinalIgnoreCase)
                    ? (await workspace.OpenProjectAsync(path, progress: null, cancellationToken).ConfigureAwait(false)).Solution
                    : await workspace.OpenSolutionAsync(path, progress: null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new LoadException($"could not load '{path}': {FirstLine(ex.Message)}");
            }

            if (failures.Count > 0)
            {
                throw new LoadException($"could not load '{path}':" + string.Concat(failures.Distinct().Select(f => Environment.NewLine + "  " + f)));
            }

            foreach (var project in solution.Projects)
            {
                if (project.FilePath is { } file && !File.Exists(Path.Combine(Path.GetDirectoryName(file)!, "obj", "project.assets.json")))
                {
                    warnings.Add($"{file}: not restored (run 'dotnet restore'); types from its packages are unresolved");
                }
            }

            return solution;
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
