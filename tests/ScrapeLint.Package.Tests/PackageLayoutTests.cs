using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ScrapeLint.Package.Tests;

/// <summary>What the two .nupkg files contain, and that NuGet packs them without a warning.</summary>
[Collection(PackedFeedCollection.Name)]
public sealed class PackageLayoutTests(PackedFeed feed)
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";

    [Fact]
    public void PackingRaisesNoWarning()
    {
        Assert.DoesNotMatch(@"warning [A-Z]{2,}\d{3,}", feed.AnalyzerPack.Output);
        Assert.DoesNotMatch(@"warning [A-Z]{2,}\d{3,}", feed.CompliancePack.Output);
        Assert.DoesNotMatch(@"warning [A-Z]{2,}\d{3,}", feed.CliPack.Output);
    }

    [Fact]
    public void AnalyzerPackageHoldsTheAnalyzersThePresetsAndNothingForTheConsumersOutput()
    {
        var entries = Entries(feed.AnalyzerPackage);
        var expectedAnalyzers = new List<string> { AnalyzerFolder + "ScrapeLint.dll" };
        if (File.Exists(Path.Combine(feed.Root, "src", "ScrapeLint.CodeFixes", "ScrapeLint.CodeFixes.csproj")))
        {
            expectedAnalyzers.Add(AnalyzerFolder + "ScrapeLint.CodeFixes.dll");
        }

        Assert.Equal(expectedAnalyzers.Order(), entries.Where(e => e.StartsWith("analyzers/", StringComparison.Ordinal)).Order());
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));
        Assert.Contains("README.md", entries);
        Assert.Contains("build/ScrapeLint.props", entries);
        Assert.Contains("buildTransitive/ScrapeLint.props", entries);
        foreach (var mode in new[] { "default", "strict", "audit" })
        {
            Assert.Contains($"globalconfig/ScrapeLint.{mode}.globalconfig", entries);
        }
    }

    [Fact]
    public void AnalyzerPackageIsADevelopmentDependencyWithoutDependencies()
    {
        var metadata = Nuspec(feed.AnalyzerPackage);
        Assert.Equal("ScrapeLint", Value(metadata, "id"));
        Assert.Equal(feed.Version, Value(metadata, "version"));
        Assert.Equal("true", Value(metadata, "developmentDependency"));
        Assert.Null(metadata.Element(metadata.Name.Namespace + "dependencies"));
        AssertListingMetadata(metadata, readme: "README.md");
    }

    [Fact]
    public void CompliancePackageIsALibraryForBothTargets()
    {
        var entries = Entries(feed.CompliancePackage);
        foreach (var tfm in new[] { "netstandard2.0", "net8.0" })
        {
            Assert.Contains($"lib/{tfm}/ScrapeLint.Compliance.dll", entries);
            Assert.Contains($"lib/{tfm}/ScrapeLint.Compliance.xml", entries);
        }

        var metadata = Nuspec(feed.CompliancePackage);
        Assert.Equal("ScrapeLint.Compliance", Value(metadata, "id"));
        Assert.Equal(feed.Version, Value(metadata, "version"));
        Assert.Null(metadata.Element(metadata.Name.Namespace + "developmentDependency"));
        var dependencies = metadata.Descendants(metadata.Name.Namespace + "dependency").Select(d => (string?)d.Attribute("id")).ToList();
        Assert.DoesNotContain("PolySharp", dependencies); // a compile-time polyfill, never a consumer's dependency
        AssertListingMetadata(metadata, readme: "compliance.md");
        Assert.Contains((string)metadata.Element(metadata.Name.Namespace + "readme")!, entries);
    }

    [Fact]
    public void StrictAndAuditPresetsSetEveryRuleTheAnalyzerDefines()
    {
        var ids = RuleIdsShippedIn(feed.AnalyzerPackage);
        Assert.Contains("SL1001", ids);

        Assert.Equal(ids.Select(id => (id, "error")), Severities(Preset("strict")));
        Assert.Equal(ids.Select(id => (id, "warning")), Severities(Preset("audit")));
        Assert.Empty(Severities(Preset("default")));
    }

    [Fact]
    public void PresetsYieldToTheUsersOwnConfiguration()
    {
        foreach (var mode in new[] { "default", "strict", "audit" })
        {
            var preset = Preset(mode);
            Assert.Matches(@"(?m)^is_global = true$", preset);
            // Below the default levels of user global configs (0, and 100 for .globalconfig), so a user's setting never conflicts.
            var level = int.Parse(Regex.Match(preset, @"(?m)^global_level = (-?\d+)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(level < 0, $"{mode}: global_level {level}");
        }
    }

    private string Preset(string mode) => Read(feed.AnalyzerPackage, $"globalconfig/ScrapeLint.{mode}.globalconfig");

    private static IEnumerable<(string Id, string Severity)> Severities(string globalConfig)
        => Regex.Matches(globalConfig, @"(?m)^dotnet_diagnostic\.(SL\d{4})\.severity = (\w+)\s*$")
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value))
            .OrderBy(p => p.Item1, StringComparer.Ordinal);

    /// <summary>The rule IDs declared in RuleIdentifiers of the analyzer DLL inside the package.</summary>
    private static List<string> RuleIdsShippedIn(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        using var dll = new MemoryStream();
        using (var entry = archive.GetEntry(AnalyzerFolder + "ScrapeLint.dll")!.Open())
        {
            entry.CopyTo(dll);
        }

        dll.Position = 0;
        var context = new AssemblyLoadContext("packed-analyzer", isCollectible: true);
        try
        {
            var identifiers = context.LoadFromStream(dll).GetType("ScrapeLint.RuleIdentifiers", throwOnError: true)!;
            return identifiers.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral)
                .Select(f => f.GetRawConstantValue() as string)
                .OfType<string>()
                .Where(v => Regex.IsMatch(v, @"^SL\d{4}$"))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        finally
        {
            context.Unload();
        }
    }

    private static void AssertListingMetadata(XElement metadata, string readme)
    {
        var ns = metadata.Name.Namespace;
        var license = metadata.Element(ns + "license")!;
        Assert.Equal("expression", (string?)license.Attribute("type"));
        Assert.Equal("MIT", license.Value);
        Assert.Equal(readme, Value(metadata, "readme"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "description")));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "tags")));
        Assert.Contains("CHANGELOG.md", Value(metadata, "releaseNotes"));
        Assert.StartsWith("https://", Value(metadata, "projectUrl"));
    }

    private static string Value(XElement metadata, string name)
        => metadata.Element(metadata.Name.Namespace + name)?.Value ?? throw new Xunit.Sdk.XunitException($"nuspec has no <{name}>");

    private static XElement Nuspec(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = nuspec.Open();
        var root = XDocument.Load(stream).Root!;
        return root.Element(root.Name.Namespace + "metadata")!;
    }

    private static string Read(string package, string entryName)
    {
        using var archive = ZipFile.OpenRead(package);
        using var reader = new StreamReader(archive.GetEntry(entryName)!.Open());
        return reader.ReadToEnd();
    }

    private static List<string> Entries(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        return archive.Entries.Select(e => e.FullName).ToList();
    }
}
