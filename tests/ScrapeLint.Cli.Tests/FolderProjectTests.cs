using System.Text.Json;
using ScrapeLint.Cli.Scanning;
using ScrapeLint.Cli.Tests.Infrastructure;

namespace ScrapeLint.Cli.Tests;

/// <summary>Folder mode on real-world project files: packages named twice, conditions, and one bad project among good ones.</summary>
public sealed class FolderProjectTests : IDisposable
{
    /// <summary>A request wrapper from a package: the loop over it is a profile crawl only when the package's types resolve.</summary>
    private const string PackageSource = """
        namespace Acme.Scraping
        {
            public sealed class PageClient
            {
                private readonly System.Net.Http.HttpClient http = new System.Net.Http.HttpClient();

                public System.Threading.Tasks.Task<string> FetchAsync(string url) => http.GetStringAsync(url);
            }
        }
        """;

    private readonly FixtureFolder folder = new();
    private readonly FixtureFolder cache = new();

    public void Dispose()
    {
        folder.Dispose();
        cache.Dispose();
    }

    [Fact]
    public async Task A_package_referenced_unconditionally_and_under_a_condition_is_one_reference()
    {
        LocalPackages.AddToCache(cache.Root, "Acme.Scraping", "1.0.0", PackageSource);
        folder.Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFrameworks>net8.0;net10.0</TargetFrameworks>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Acme.Scraping" Version="1.0.0" />
                <PackageReference Include="acme.scraping" Version="1.0.0" />
              </ItemGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'net8.0'">
                <PackageReference Include="Acme.Scraping" Version="1.0.0" />
              </ItemGroup>
              <ItemGroup>
                <PackageReference Update="Acme.Scraping" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        folder.Write("App/ImplicitProfileLoop.cs", Sources.ImplicitUsingsProfileLoop);

        var run = await RunWithCache("scan", folder.Root, "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.DoesNotContain("duplicate", run.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not in the local NuGet cache", run.Stderr, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.True(json.RootElement.GetProperty("summary").GetProperty("complete").GetBoolean());
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "SL1001");
    }

    [Fact]
    public async Task One_bad_project_never_stops_the_others()
    {
        // Unreadable XML: its files are analysed without its usings and packages, with a warning.
        folder.Write("Broken/Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <PackageReference Include=\"A\"");
        folder.Write("Broken/ProfileLoop.cs", Sources.ProfileLoop.Replace("class ProfileLoop", "class BrokenLoop", StringComparison.Ordinal));

        // A package whose assembly in the cache is garbage: a warning, the project is analysed without it.
        var corrupt = Path.Combine(cache.Root, "acme.corrupt", "2.0.0", "lib", "netstandard2.0");
        Directory.CreateDirectory(corrupt);
        File.WriteAllText(Path.Combine(corrupt, "Acme.Corrupt.dll"), "not a PE file");
        folder.Write("Corrupt/Corrupt.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup><PackageReference Include="Acme.Corrupt" Version="2.0.0" /></ItemGroup>
            </Project>
            """);
        folder.Write("Corrupt/RepoStats.cs", Sources.OwnApiClient);

        // A good project next to them.
        folder.Write("Good/Good.csproj", Sources.SdkProject);
        folder.Write("Good/ImplicitProfileLoop.cs", Sources.ImplicitUsingsProfileLoop);

        var run = await RunWithCache("scan", folder.Root, "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(3, json.RootElement.GetProperty("summary").GetProperty("projects").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
        var paths = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).Distinct().OrderBy(p => p).ToList();
        Assert.Equal(new[] { "Broken/ProfileLoop.cs", "Good/ImplicitProfileLoop.cs" }, paths);
        Assert.Contains("Broken.csproj: not readable as XML", run.Stderr, StringComparison.Ordinal);
        Assert.True(run.Stderr.Contains("Acme.Corrupt in the local NuGet cache cannot be read", StringComparison.Ordinal), run.ToString());
    }

    private async Task<CliRun> RunWithCache(params string[] args)
    {
        PackageCache.RootOverride.Value = cache.Root;
        try
        {
            return await CliRun.RunAsync(args);
        }
        finally
        {
            PackageCache.RootOverride.Value = null;
        }
    }
}
