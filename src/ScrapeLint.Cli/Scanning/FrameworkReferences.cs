using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>
    /// The .NET reference assemblies loose files are compiled against: the newest
    /// Microsoft.NETCore.App.Ref pack of the installed SDK (plus Microsoft.AspNetCore.App.Ref, which carries
    /// IHttpClientFactory and friends), or, without a pack, the assemblies of the running runtime.
    /// </summary>
    internal static class FrameworkReferences
    {
        private static readonly Lazy<(ImmutableArray<MetadataReference> References, string Source)> Shared = new(Load);

        public static ImmutableArray<MetadataReference> References => Shared.Value.References;

        /// <summary>Where the references came from, for the report's notes.</summary>
        public static string Source => Shared.Value.Source;

        private static readonly Lazy<HashSet<string>> Names = new(() => new HashSet<string>(
            References.OfType<PortableExecutableReference>().Select(r => Path.GetFileNameWithoutExtension(r.FilePath)).OfType<string>(),
            StringComparer.OrdinalIgnoreCase));

        /// <summary>The simple names of the framework's assemblies (System.Net.Http, System.Text.Json, …).</summary>
        public static IReadOnlySet<string> AssemblyNames => Names.Value;

        /// <summary>The target framework the references are for (net10.0): the pack's folder name, else the running runtime's.</summary>
        public static string Framework
            => Path.GetFileName(Source) is { } folder && folder.StartsWith("net", StringComparison.OrdinalIgnoreCase) && folder.Contains('.', StringComparison.Ordinal)
                ? folder
                : $"net{Environment.Version.Major}.{Environment.Version.Minor}";

        private static (ImmutableArray<MetadataReference>, string) Load()
        {
            var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
            foreach (var root in DotnetRoots(runtimeDirectory))
            {
                var core = NewestPack(root, "Microsoft.NETCore.App.Ref");
                if (core is null)
                {
                    continue;
                }

                var files = Directory.EnumerateFiles(core, "*.dll").ToList();
                if (NewestPack(root, "Microsoft.AspNetCore.App.Ref") is { } web)
                {
                    var known = new HashSet<string>(files.Select(Path.GetFileName)!, StringComparer.OrdinalIgnoreCase);
                    files.AddRange(Directory.EnumerateFiles(web, "*.dll").Where(f => !known.Contains(Path.GetFileName(f))));
                }

                return (Create(files), core);
            }

            // No targeting pack: compile against the runtime's own assemblies (implementation, not reference,
            // assemblies: the public surface is the same).
            return (Create(Directory.EnumerateFiles(runtimeDirectory, "*.dll")), runtimeDirectory);
        }

        private static IEnumerable<string> DotnetRoots(string runtimeDirectory)
        {
            if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } configured)
            {
                yield return configured;
            }

            // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
            if (Directory.GetParent(runtimeDirectory)?.Parent?.Parent is { } root)
            {
                yield return root.FullName;
            }
        }

        /// <summary>The ref/netX.Y folder of the pack's highest version, or null.</summary>
        private static string? NewestPack(string dotnetRoot, string pack)
        {
            var packDirectory = Path.Combine(dotnetRoot, "packs", pack);
            if (!Directory.Exists(packDirectory))
            {
                return null;
            }

            return Directory.EnumerateDirectories(packDirectory)
                .Select(d => (Directory: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(p => p.Version is not null)
                .OrderByDescending(p => p.Version)
                .Select(p => Path.Combine(p.Directory, "ref"))
                .Where(Directory.Exists)
                .SelectMany(r => Directory.EnumerateDirectories(r, "net*").OrderByDescending(d => d, StringComparer.Ordinal))
                .FirstOrDefault(d => File.Exists(Path.Combine(d, "System.Runtime.dll")));
        }

        private static ImmutableArray<MetadataReference> Create(IEnumerable<string> files)
            => files.Where(IsManaged).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();

        private static bool IsManaged(string file)
        {
            try
            {
                using var stream = File.OpenRead(file);
                using var reader = new PEReader(stream);
                return reader.HasMetadata;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }
    }
}
