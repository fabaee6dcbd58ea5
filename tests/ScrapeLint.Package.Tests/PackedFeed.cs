using System.Reflection;

namespace ScrapeLint.Package.Tests;

/// <summary>
/// Packs ScrapeLint, ScrapeLint.Compliance and ScrapeLint.Cli into a local folder feed in a temporary directory, and restores
/// fresh console projects that reference them from it. The projects get their own NuGet packages folder, so
/// they never see a stale copy of the same version; their other dependencies come from the usual sources.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public const string Plain = "Harvester";
    public const string Configured = "ConfiguredHarvester";

    private static readonly Assembly TestAssembly = typeof(PackedFeed).Assembly;

    public PackedFeed()
    {
        Root = FindRepositoryRoot();
        Version = Metadata("PackageVersion");
        Directory = System.IO.Directory.CreateTempSubdirectory("scrapelint-package-").FullName;
        Feed = Path.Combine(Directory, "feed");
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Directory, "packages") };

        AnalyzerPack = Pack("src/ScrapeLint.Package/ScrapeLint.Package.csproj");
        CompliancePack = Pack("src/ScrapeLint.Compliance/ScrapeLint.Compliance.csproj");
        CliPack = Pack("src/ScrapeLint.Cli/ScrapeLint.Cli.csproj");
        AnalyzerPackage = Path.Combine(Feed, $"ScrapeLint.{Version}.nupkg");
        CompliancePackage = Path.Combine(Feed, $"ScrapeLint.Compliance.{Version}.nupkg");
        ComplianceSymbols = Path.Combine(Feed, $"ScrapeLint.Compliance.{Version}.snupkg");
        CliPackage = Path.Combine(Feed, $"ScrapeLint.Cli.{Version}.nupkg");

        WriteIsolation();
        CreateConsumer(Plain, properties: "", editorConfig: null);
        CreateConsumer(
            Configured,
            properties: "<ScrapeLintMode>audit</ScrapeLintMode>",
            editorConfig: """
                [*.cs]
                scrapelint.allowed_domains = acme.example
                dotnet_diagnostic.SL2002.severity = none
                dotnet_diagnostic.SL1002.severity = error
                """);
    }

    /// <summary>The repository (where ScrapeLint.sln is).</summary>
    public string Root { get; }

    public string Version { get; }

    /// <summary>The temporary directory holding the feed, the packages folder and the consumer projects.</summary>
    public string Directory { get; }

    public string Feed { get; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public CommandResult AnalyzerPack { get; }

    public CommandResult CompliancePack { get; }

    public CommandResult CliPack { get; }

    public string AnalyzerPackage { get; }

    public string CompliancePackage { get; }

    /// <summary>The compliance library's symbol package (portable PDBs), beside its .nupkg.</summary>
    public string ComplianceSymbols { get; }

    /// <summary>The scrapelint tool (packed for its metadata; the CLI tests install and run it).</summary>
    public string CliPackage { get; }

    public string ConsumerDirectory(string name) => Path.Combine(Directory, name);

    public CommandResult Build(string consumer, params string[] arguments)
        => DotNet.Run(ConsumerDirectory(consumer), Environment, ["build", "--no-restore", "--no-incremental", .. arguments]);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing the run for.
        }
    }

    private CommandResult Pack(string project)
    {
        var result = DotNet.Run(Root, environment: null, "pack", project, "-c", Metadata("Configuration"), "-o", Feed);
        Assert.True(result.ExitCode == 0, $"dotnet pack {project} failed:\n{result.Output}");
        return result;
    }

    private void WriteIsolation()
    {
        // Nothing above the temporary directory (build props, central package versions, editorconfig) applies.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(Directory, file), "<Project />\n");
        }

        File.WriteAllText(Path.Combine(Directory, ".editorconfig"), "root = true\n");
        File.WriteAllText(Path.Combine(Directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="packages" />
              </config>
              <packageSources>
                <add key="scrapelint-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
    }

    private void CreateConsumer(string name, string properties, string? editorConfig)
    {
        var dir = System.IO.Directory.CreateDirectory(ConsumerDirectory(name)).FullName;
        foreach (var source in System.IO.Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Consumer"), "*.cs"))
        {
            File.Copy(source, Path.Combine(dir, Path.GetFileName(source)));
        }

        if (editorConfig is not null)
        {
            File.WriteAllText(Path.Combine(dir, ".editorconfig"), editorConfig + "\n");
        }

        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="ScrapeLint" Version="{Version}" />
                <PackageReference Include="ScrapeLint.Compliance" Version="{Version}" />
              </ItemGroup>
            </Project>
            """);

        var restore = DotNet.Run(dir, Environment, "restore");
        Assert.True(restore.ExitCode == 0, $"restore of {name} failed:\n{restore.Output}");
    }

    private static string Metadata(string key)
        => TestAssembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
           ?? throw new InvalidOperationException($"assembly metadata {key} is empty");

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ScrapeLint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ScrapeLint.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>
{
    public const string Name = "Packed feed";
}
