using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>
    /// Finds the assemblies of a project's package references in the local NuGet cache (NUGET_PACKAGES or
    /// ~/.nuget/packages), without restoring: the stated version (from the project or a
    /// Directory.Packages.props above it) when it is cached, else the nearest cached one (the lowest above it,
    /// else the highest below), else, with no version stated, the newest. Only the package's own assemblies are
    /// referenced, not its dependencies: what stays unresolved, the analyzers tolerate. Packages the framework
    /// already supplies (System.Net.Http, System.Text.Json, …) are never referenced: their assemblies would
    /// replace the framework's, and HttpClient would bind to a copy the analyzers do not know. Assemblies are
    /// only read as metadata, never loaded or run.
    /// </summary>
    internal sealed class PackageCache
    {
        private static readonly string[] PreferredFrameworks =
        {
            "net10.0", "net9.0", "net8.0", "net7.0", "net6.0", "net5.0", "netcoreapp3.1", "netstandard2.1", "netstandard2.0", "netstandard1.6", "netstandard1.3", "netstandard1.0",
        };

        /// <summary>
        /// Packages whose types current .NET carries itself (polyfills, facades, the platform's own packages), besides every
        /// package named like one of the framework's assemblies.
        /// </summary>
        private static readonly HashSet<string> FrameworkPackages = new(StringComparer.OrdinalIgnoreCase)
        {
            "System.Net.Http", "System.Net.Http.Json", "System.Text.Json", "System.Memory", "System.Threading.Tasks.Extensions",
            "Microsoft.Bcl.AsyncInterfaces", "Microsoft.Bcl.HashCode", "Microsoft.Bcl.TimeProvider", "System.ValueTuple", "System.Buffers",
            "System.Runtime.CompilerServices.Unsafe", "NETStandard.Library", "Microsoft.NETCore.App", "Microsoft.NETCore.Platforms",
            "Microsoft.NETCore.Targets", "Microsoft.AspNetCore.App", "Microsoft.AspNetCore.All", "Microsoft.Net.Http", "Microsoft.CSharp",
            "System.Collections.Immutable", "System.Numerics.Vectors", "System.Text.Encodings.Web", "System.IO.Pipelines",
            "System.Diagnostics.DiagnosticSource", "System.Net.WebSockets.Client", "Microsoft.Win32.Primitives",
        };

        /// <summary>packages\&lt;Id&gt;.&lt;Version&gt;\lib\&lt;tfm&gt;\&lt;Assembly&gt;.dll, as a packages.config restore lays it out.</summary>
        private static readonly Regex PackagesFolderPath = new(
            @"(?:^|[/)])packages/(?<folder>[^/]+)/lib/(?:(?<tfm>[^/]+)/)?(?<assembly>[^/]+)\.dll$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex VersionSuffix = new(@"^\d+(\.\d+){1,3}(-[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant);

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

        /// <summary>Whether current .NET supplies the package's types itself: such a package is never referenced.</summary>
        public static bool IsFrameworkSupplied(string id)
            => FrameworkPackages.Contains(id) || FrameworkReferences.AssemblyNames.Contains(id) || id.StartsWith("runtime.", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The package a packages.config-era HintPath points into (..\packages\Selenium.WebDriver.3.14.0\lib\net45\WebDriver.dll):
        /// id, version, the assembly and the lib folder; null for any other path.
        /// </summary>
        public static PackageReference? FromPackagesFolder(string hintPath)
        {
            var match = PackagesFolderPath.Match(hintPath.Replace('\\', '/').Trim());
            if (!match.Success)
            {
                return null;
            }

            var folder = match.Groups["folder"].Value;
            for (var i = folder.IndexOf('.', StringComparison.Ordinal); i > 0 && i < folder.Length - 1; i = folder.IndexOf('.', i + 1))
            {
                if (char.IsDigit(folder[i + 1]) && VersionSuffix.IsMatch(folder[(i + 1)..]))
                {
                    return new PackageReference(folder[..i], folder[(i + 1)..], match.Groups["assembly"].Value, match.Groups["tfm"].Success ? match.Groups["tfm"].Value : null);
                }
            }

            // A packages folder without a version in its name (-ExcludeVersion restores).
            return new PackageReference(folder, null, match.Groups["assembly"].Value, match.Groups["tfm"].Success ? match.Groups["tfm"].Value : null);
        }

        public IReadOnlyList<MetadataReference> Resolve(IReadOnlyList<PackageReference> packages, string? projectFile, List<string> warnings)
        {
            if (packages.Count == 0 || projectFile is null)
            {
                return Array.Empty<MetadataReference>();
            }

            var missing = new List<string>();
            var references = new List<MetadataReference>();
            var wanted = packages.Where(p => !IsFrameworkSupplied(p.Id)).ToList();
            var wholePackages = new HashSet<string>(wanted.Where(p => p.Assembly is null).Select(p => p.Id), StringComparer.OrdinalIgnoreCase);
            var requests = wanted
                .Where(p => p.Assembly is null || !wholePackages.Contains(p.Id))
                .GroupBy(p => (p.Id.ToLowerInvariant(), p.Assembly?.ToLowerInvariant()))
                .Select(g => g.FirstOrDefault(p => p.Version is not null) ?? g.First());
            foreach (var package in requests)
            {
                var version = package.Version ?? CentralVersion(Path.GetDirectoryName(projectFile)!, package.Id);
                IReadOnlyList<MetadataReference>? found;
                try
                {
                    found = resolved.GetOrAdd($"{package.Id}/{version}/{package.Assembly}/{package.Framework}", _ => Find(package.Id, version, package.Assembly, package.Framework));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or BadImageFormatException)
                {
                    warnings.Add($"{projectFile}: {package.Id} in the local NuGet cache cannot be read ({ex.Message})");
                    continue;
                }

                if (found is null)
                {
                    missing.Add(package.Assembly is null ? package.Id : $"{package.Id} ({package.Assembly}.dll)");
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

        /// <summary>
        /// The package's compile assemblies (or the one named <paramref name="assembly"/>, else, when the version found does not
        /// hold it, all of them); empty for a package without any (analyzers, build tools); null when it is not cached (or, for
        /// one assembly, the package holds no assembly at all).
        /// </summary>
        private IReadOnlyList<MetadataReference>? Find(string id, string? version, string? assembly, string? framework)
        {
            var packageDirectory = root is null ? null : Path.Combine(root, id.ToLowerInvariant());
            if (packageDirectory is null || !Directory.Exists(packageDirectory))
            {
                return null;
            }

            if (VersionDirectory(packageDirectory, version) is not { } versionDirectory)
            {
                return null;
            }

            foreach (var candidate in CandidateFolders(versionDirectory, framework))
            {
                if (assembly is not null)
                {
                    var file = Directory.EnumerateFiles(candidate, "*.dll").FirstOrDefault(f => Path.GetFileNameWithoutExtension(f).Equals(assembly, StringComparison.OrdinalIgnoreCase));
                    if (file is not null)
                    {
                        return new[] { (MetadataReference)MetadataReference.CreateFromFile(CheckedAssembly(file)) };
                    }

                    continue;
                }

                var dlls = Directory.GetFiles(candidate, "*.dll");
                if (dlls.Length > 0)
                {
                    return dlls.OrderBy(d => d, StringComparer.Ordinal).Select(d => (MetadataReference)MetadataReference.CreateFromFile(CheckedAssembly(d))).ToList();
                }
            }

            // The assembly is not in this version (Selenium.WebDriver 4 renamed WebDriver.dll): the package's own
            // assemblies stand in for it, as a package reference would give them.
            return assembly is null ? Array.Empty<MetadataReference>() : Find(id, version, null, framework) is { Count: > 0 } whole ? whole : null;
        }

        /// <summary>The stated version's folder; else the nearest cached version (lowest above, else highest below); else the newest.</summary>
        private static string? VersionDirectory(string packageDirectory, string? version)
        {
            var stated = version?.Trim('[', ']', '(', ')', ' ').Split(',')[0].Trim().ToLowerInvariant();
            if (!string.IsNullOrEmpty(stated) && Directory.Exists(Path.Combine(packageDirectory, stated)))
            {
                return Path.Combine(packageDirectory, stated);
            }

            var cached = Directory.EnumerateDirectories(packageDirectory)
                .Select(d => (Directory: d, Version: ParseVersion(Path.GetFileName(d))))
                .Where(p => p.Version is not null)
                .OrderBy(p => p.Version)
                .ToList();
            if (cached.Count == 0)
            {
                return null;
            }

            if (ParseVersion(stated) is { } wanted)
            {
                return (cached.FirstOrDefault(c => c.Version >= wanted).Directory ?? cached.Last(c => c.Version < wanted).Directory)!;
            }

            return cached[^1].Directory;
        }

        private static Version? ParseVersion(string? text)
            => text is not null && Version.TryParse(text.Split('-', '+')[0], out var v)
                ? new Version(v.Major, v.Minor, Math.Max(0, v.Build), Math.Max(0, v.Revision))
                : null;

        /// <summary>
        /// The folders of a package version to take assemblies from, best first: ref/ and lib/ for current .NET and .NET
        /// Standard, the lib folder a HintPath named, any other .NET Standard or .NET Core folder, .NET Framework folders
        /// (newest first; the framework's mscorlib facade binds them), then anything else, and lib/ itself (very old packages).
        /// </summary>
        private static IEnumerable<string> CandidateFolders(string versionDirectory, string? hinted)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            IEnumerable<string> Ordered()
            {
                foreach (var folder in new[] { "ref", "lib" })
                {
                    foreach (var framework in PreferredFrameworks)
                    {
                        yield return Path.Combine(versionDirectory, folder, framework);
                    }
                }

                if (hinted is not null)
                {
                    yield return Path.Combine(versionDirectory, "lib", hinted);
                }

                var lib = Path.Combine(versionDirectory, "lib");
                if (Directory.Exists(lib))
                {
                    foreach (var other in Directory.EnumerateDirectories(lib).OrderBy(Rank).ThenByDescending(d => Path.GetFileName(d), StringComparer.OrdinalIgnoreCase))
                    {
                        yield return other;
                    }

                    yield return lib;
                }
            }

            foreach (var candidate in Ordered())
            {
                if (seen.Add(candidate) && Directory.Exists(candidate))
                {
                    yield return candidate;
                }
            }
        }

        private static int Rank(string folder)
        {
            var name = Path.GetFileName(folder).ToLowerInvariant();
            return name.StartsWith("netstandard", StringComparison.Ordinal) || name.StartsWith("netcoreapp", StringComparison.Ordinal) || (name.StartsWith("net", StringComparison.Ordinal) && name.Contains('.', StringComparison.Ordinal)) ? 0
                : Regex.IsMatch(name, @"^net\d+$") ? 1
                : name.StartsWith("portable", StringComparison.Ordinal) && name.Contains("net4", StringComparison.Ordinal) ? 2
                : 3;
        }

        /// <summary>The path, once its file is known to hold .NET metadata (the compiler would otherwise drop it without a word here).</summary>
        internal static string CheckedAssembly(string path)
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
