using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>
    /// Finds the assemblies of a project's package references in the local NuGet cache (NUGET_PACKAGES or
    /// ~/.nuget/packages), without restoring: the stated version (from the project or a
    /// Directory.Packages.props above it) when it is cached, else the newest cached one. Only the package's
    /// own assemblies are referenced, not its dependencies: what stays unresolved, the analyzers tolerate.
    /// Assemblies are only read as metadata, never loaded or run.
    /// </summary>
    internal sealed class PackageCache
    {
        private static readonly string[] PreferredFrameworks =
        {
            "net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netstandard2.1", "netstandard2.0", "netstandard1.6", "netstandard1.3", "netstandard1.0",
        };

        private readonly string? root;
        private readonly ConcurrentDictionary<string, IReadOnlyList<MetadataReference>?> resolved = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, Dictionary<string, string>> centralVersions = new(StringComparer.Ordinal);

        /// <summary>For tests: a packages folder used instead of NUGET_PACKAGES or ~/.nuget/packages, in this async flow only.</summary>
        internal static readonly System.Threading.AsyncLocal<string?> RootOverride = new();

        public PackageCache()
        {
            var configured = RootOverride.Value ?? Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            root = !string.IsNullOrEmpty(configured) ? configured
                : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".nuget", "packages")
                : null;
        }

        public IReadOnlyList<MetadataReference> Resolve(IReadOnlyList<PackageReference> packages, string? projectFile, List<string> warnings)
        {
            if (packages.Count == 0 || projectFile is null)
            {
                return Array.Empty<MetadataReference>();
            }

            var missing = new List<string>();
            var references = new List<MetadataReference>();
            foreach (var package in packages.GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).Select(g => g.FirstOrDefault(p => p.Version is not null) ?? g.First()))
            {
                var version = package.Version ?? CentralVersion(Path.GetDirectoryName(projectFile)!, package.Id);
                IReadOnlyList<MetadataReference>? found;
                try
                {
                    found = resolved.GetOrAdd(package.Id + "/" + version, _ => Find(package.Id, version));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
                {
                    warnings.Add($"{projectFile}: {package.Id} in the local NuGet cache cannot be read ({ex.Message})");
                    continue;
                }

                if (found is null)
                {
                    missing.Add(package.Id);
                }
                else
                {
                    references.AddRange(found);
                }
            }

            if (missing.Count > 0)
            {
                warnings.Add($"{projectFile}: {string.Join(", ", missing)} not in the local NuGet cache; their types are unresolved and findings that depend on them may be missing (restore the project once, or scan with --build)");
            }

            // One reference per assembly file, whatever names the package twice.
            return references
                .GroupBy(r => r is PortableExecutableReference { FilePath: { } file } ? file : r.Display ?? string.Empty, StringComparer.Ordinal)
                .Select(g => g.First())
                .ToList();
        }

        /// <summary>The package's compile assemblies; empty for a package without any (analyzers, build tools); null when it is not cached.</summary>
        private IReadOnlyList<MetadataReference>? Find(string id, string? version)
        {
            var packageDirectory = root is null ? null : Path.Combine(root, id.ToLowerInvariant());
            if (packageDirectory is null || !Directory.Exists(packageDirectory))
            {
                return null;
            }

            var exact = version is null ? null : Path.Combine(packageDirectory, version.Trim('[', ']', ' ').ToLowerInvariant());
            var versionDirectory = exact is not null && Directory.Exists(exact)
                ? exact
                : Directory.EnumerateDirectories(packageDirectory)
                    .Select(d => (Directory: d, Version: Version.TryParse(Path.GetFileName(d).Split('-', '+')[0], out var v) ? v : null))
                    .Where(p => p.Version is not null)
                    .OrderByDescending(p => p.Version)
                    .Select(p => p.Directory)
                    .FirstOrDefault();
            if (versionDirectory is null)
            {
                return null;
            }

            foreach (var folder in new[] { "ref", "lib" })
            {
                foreach (var framework in PreferredFrameworks)
                {
                    var candidate = Path.Combine(versionDirectory, folder, framework);
                    var dlls = Directory.Exists(candidate) ? Directory.GetFiles(candidate, "*.dll") : Array.Empty<string>();
                    if (dlls.Length > 0)
                    {
                        return dlls.Select(d => (MetadataReference)MetadataReference.CreateFromFile(CheckedAssembly(d))).ToList();
                    }
                }
            }

            return Array.Empty<MetadataReference>();
        }

        /// <summary>The path, once its file is known to hold .NET metadata (the compiler would otherwise drop it without a word here).</summary>
        private static string CheckedAssembly(string path)
        {
            using var stream = File.OpenRead(path);
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            return reader.HasMetadata ? path : throw new BadImageFormatException($"'{path}' holds no .NET metadata");
        }

        private string? CentralVersion(string projectDirectory, string id)
        {
            for (var dir = new DirectoryInfo(projectDirectory); dir is not null; dir = dir.Parent)
            {
                var props = Path.Combine(dir.FullName, "Directory.Packages.props");
                if (File.Exists(props))
                {
                    return centralVersions.GetOrAdd(props, ProjectFileFacts.ReadCentralVersions).TryGetValue(id, out var version) ? version : null;
                }
            }

            return null;
        }
    }
}
