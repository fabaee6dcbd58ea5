using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ScrapeLint.Package.Tests;

/// <summary>
/// What NuGet.org, Visual Studio and debuggers show of the three packages: icon, copyright, the scripts that
/// add the analyzers to packages.config projects, the CLI's readme, the compliance library's symbols with
/// SourceLink, and analyzer assemblies that load in every host of the Roslyn 4.8 floor.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class PackagePolishTests(PackedFeed feed)
{
    /// <summary>
    /// The newest assembly version of each dependency that a Roslyn 4.8 host (the .NET 8 SDK, Visual Studio 2022
    /// 17.8) is sure to load: Roslyn 4.8.0 itself and the versions its packages depend on (System.Composition 7.0.0
    /// through Microsoft.CodeAnalysis.Workspaces.Common 4.8.0; System.Collections.Immutable and System.Reflection.Metadata
    /// 7.0.0, System.Memory 4.5.5, System.Threading.Tasks.Extensions 4.5.4, System.Runtime.CompilerServices.Unsafe 6.0.0
    /// through Microsoft.CodeAnalysis.Common 4.8.0; System.Numerics.Vectors 4.4.0, assembly 4.1.3.0, through System.Memory
    /// 4.5.5 on .NET Standard 2.0, 4.5.0 on .NET Framework). An analyzer that references anything newer may silently not load.
    /// </summary>
    private static readonly Dictionary<string, Version> Roslyn48Floor = new(StringComparer.Ordinal)
    {
        ["netstandard"] = new(2, 0, 0, 0),
        ["Microsoft.CodeAnalysis"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.Workspaces"] = new(4, 8, 0, 0),
        ["Microsoft.CodeAnalysis.CSharp.Workspaces"] = new(4, 8, 0, 0),
        ["System.Collections.Immutable"] = new(7, 0, 0, 0),
        ["System.Reflection.Metadata"] = new(7, 0, 0, 0),
        ["System.Composition.AttributedModel"] = new(7, 0, 0, 0),
        ["System.Composition.Runtime"] = new(7, 0, 0, 0),
        ["System.Composition.Hosting"] = new(7, 0, 0, 0),
        ["System.Composition.TypedParts"] = new(7, 0, 0, 0),
        ["System.Memory"] = new(4, 0, 1, 2),
        ["System.Numerics.Vectors"] = new(4, 1, 3, 0),
        ["System.Threading.Tasks.Extensions"] = new(4, 2, 0, 1),
        ["System.Runtime.CompilerServices.Unsafe"] = new(6, 0, 0, 0),
    };

    [Fact]
    public void AnalyzerAssembliesReferenceNothingAboveTheRoslyn48Floor()
    {
        using var archive = ZipFile.OpenRead(feed.AnalyzerPackage);
        var analyzers = archive.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(analyzers);
        var own = analyzers.Select(e => Path.GetFileNameWithoutExtension(e.Name)).ToHashSet(StringComparer.Ordinal);

        var problems = new List<string>();
        foreach (var entry in analyzers)
        {
            foreach (var (name, version) in AssemblyReferences(entry))
            {
                if (own.Contains(name))
                {
                    continue; // the package's own assemblies, shipped side by side
                }

                if (!Roslyn48Floor.TryGetValue(name, out var floor))
                {
                    problems.Add($"{entry.Name} references {name} {version}, which a Roslyn 4.8 host does not carry");
                }
                else if (version > floor)
                {
                    problems.Add($"{entry.Name} references {name} {version}, newer than the {floor} of Roslyn 4.8 hosts");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void EveryPackageHasTheIconAndACopyright()
    {
        foreach (var package in new[] { feed.AnalyzerPackage, feed.CompliancePackage, feed.CliPackage })
        {
            var metadata = Nuspec(package);
            Assert.Equal("icon.png", Value(metadata, "icon"));
            Assert.Matches(@"^Copyright .*ScrapeLint", Value(metadata, "copyright"));

            // A real PNG, square, of a size NuGet displays well (NuGet recommends 128×128).
            var png = Bytes(package, "icon.png");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            var width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4));
            var height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4));
            Assert.Equal(width, height);
            Assert.InRange(width, 64, 512);
        }
    }

    [Fact]
    public void AnalyzerPackageAddsAndRemovesItsAnalyzersInPackagesConfigProjects()
    {
        var entries = Entries(feed.AnalyzerPackage);
        Assert.Contains("tools/install.ps1", entries);
        Assert.Contains("tools/uninstall.ps1", entries);

        // Visual Studio runs them with the package folder and the project's DTE object: each DLL under
        // analyzers\dotnet\cs is added to (removed from) the project's analyzer references.
        var install = Text(feed.AnalyzerPackage, "tools/install.ps1");
        var uninstall = Text(feed.AnalyzerPackage, "tools/uninstall.ps1");
        foreach (var script in new[] { install, uninstall })
        {
            Assert.Matches(@"(?m)^param\(\$installPath, \$toolsPath, \$package, \$project\)", script);
            Assert.Contains(@"analyzers\dotnet\cs", script);
            Assert.Contains("$project.Object.AnalyzerReferences", script);
            Assert.Contains("-Filter '*.dll'", script);
        }

        Assert.Contains("$analyzers.Add($dll.FullName)", install);
        Assert.Contains("$analyzers.Remove($dll.FullName)", uninstall);
        Assert.DoesNotContain(".Add(", uninstall);
    }

    [Fact]
    public void CliPackageIsAToolWithAReadme()
    {
        var metadata = Nuspec(feed.CliPackage);
        Assert.Equal("ScrapeLint.Cli", Value(metadata, "id"));
        var readme = Value(metadata, "readme");
        Assert.Contains(readme, Entries(feed.CliPackage));
        var text = Text(feed.CliPackage, readme);
        Assert.Contains("dotnet tool install", text);
        Assert.Contains("scrapelint scan", text);
        Assert.Contains(Entries(feed.CliPackage), e => e.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
    }

    [Fact]
    public void ComplianceSymbolsArePortablePdbsWithSourceLinkToTheCommit()
    {
        Assert.True(File.Exists(feed.ComplianceSymbols), $"no {Path.GetFileName(feed.ComplianceSymbols)} beside the package");
        var repository = Nuspec(feed.CompliancePackage).Element(Nuspec(feed.CompliancePackage).Name.Namespace + "repository");
        Assert.NotNull(repository);
        Assert.Equal("https://github.com/scrapelint/scrapelint", (string?)repository!.Attribute("url"));
        var commit = (string?)repository.Attribute("commit");
        Assert.Matches("^[0-9a-f]{40}$", commit);

        foreach (var tfm in new[] { "netstandard2.0", "net8.0" })
        {
            var pdb = Bytes(feed.ComplianceSymbols, $"lib/{tfm}/ScrapeLint.Compliance.pdb");
            var dll = Bytes(feed.CompliancePackage, $"lib/{tfm}/ScrapeLint.Compliance.dll");

            using var pdbProvider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb));
            var reader = pdbProvider.GetMetadataReader();

            // The PDB belongs to this DLL: the DLL's CodeView entry names the PDB's id.
            using var pe = new PEReader(new MemoryStream(dll));
            var codeView = pe.ReadDebugDirectory().Single(d => d.Type == DebugDirectoryEntryType.CodeView);
            var pdbId = new BlobContentId(reader.DebugMetadataHeader!.Id);
            Assert.Equal(pdbId.Guid, pe.ReadCodeViewDebugDirectoryData(codeView).Guid);
            Assert.True(pe.ReadDebugDirectory().Any(d => d.Type == DebugDirectoryEntryType.Reproducible), $"{tfm}: not a deterministic build");

            // SourceLink: every document maps to the raw sources of the packed commit on GitHub.
            var sourceLink = SourceLinkJson(reader);
            Assert.False(sourceLink is null, $"{tfm}: the PDB has no SourceLink");
            var documents = JsonDocument.Parse(sourceLink!).RootElement.GetProperty("documents");
            var targets = documents.EnumerateObject().Select(p => p.Value.GetString()).ToList();
            Assert.Contains($"https://raw.githubusercontent.com/scrapelint/scrapelint/{commit}/*", targets);
        }
    }

    private static string? SourceLinkJson(MetadataReader reader)
    {
        var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
        foreach (var handle in reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition))
        {
            var info = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(info.Kind) == sourceLinkKind)
            {
                return System.Text.Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value));
            }
        }

        return null;
    }

    private static List<(string Name, Version Version)> AssemblyReferences(ZipArchiveEntry entry)
    {
        using var stream = new MemoryStream();
        using (var zipped = entry.Open())
        {
            zipped.CopyTo(stream);
        }

        stream.Position = 0;
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(h => metadata.GetAssemblyReference(h))
            .Select(r => (metadata.GetString(r.Name), r.Version))
            .ToList();
    }

    private static byte[] Bytes(string package, string entryName)
    {
        using var archive = ZipFile.OpenRead(package);
        var entry = archive.GetEntry(entryName) ?? throw new Xunit.Sdk.XunitException($"{Path.GetFileName(package)} has no {entryName}");
        using var stream = new MemoryStream();
        using (var zipped = entry.Open())
        {
            zipped.CopyTo(stream);
        }

        return stream.ToArray();
    }

    private static string Text(string package, string entryName) => System.Text.Encoding.UTF8.GetString(Bytes(package, entryName));

    private static List<string> Entries(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        return archive.Entries.Select(e => e.FullName).ToList();
    }

    private static XElement Nuspec(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = nuspec.Open();
        var root = XDocument.Load(stream).Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }

    private static string Value(XElement metadata, string name)
        => metadata.Element(metadata.Name.Namespace + name)?.Value ?? throw new Xunit.Sdk.XunitException($"nuspec has no <{name}>");
}
