using ScrapeLint.Cli.Tests.Infrastructure;

namespace ScrapeLint.Cli.Tests;

/// <summary>Projects loaded with MSBuild, and every way a path can fail to load (exit 2, a message, no stack trace).</summary>
public sealed class LoadTests : IDisposable
{
    private readonly FixtureFolder folder = new();

    public LoadTests()
    {
        // Restores here are offline: an empty local feed, a packages folder of the fixture's own.
        folder.Write("nuget.config", Dotnet.OfflineNuGetConfig(Path.Combine(folder.Root, "feed"), Path.Combine(folder.Root, "packages")));
        Directory.CreateDirectory(Path.Combine(folder.Root, "feed"));
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task A_csproj_is_loaded_with_MSBuild_and_its_editorconfig_applies()
    {
        var project = folder.Write("App/App.csproj", Sources.SdkProject);
        folder.Write("App/ImplicitProfileLoop.cs", Sources.ImplicitUsingsProfileLoop);
        folder.Write("App/.editorconfig", "[*.cs]\ndotnet_diagnostic.SL4001.severity = error\n");
        Dotnet.Restore(project);

        var run = await CliRun.RunAsync("scan", project, "--fail-on", "error", "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        Assert.Equal("msbuild", json.RootElement.GetProperty("mode").GetString());
        var findings = json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Id: f.GetProperty("ruleId").GetString(), Severity: f.GetProperty("severity").GetString(), Path: f.GetProperty("path").GetString()))
            .ToList();
        Assert.Contains(("SL1001", "warning", "ImplicitProfileLoop.cs"), findings);
        Assert.Contains(("SL4001", "error", "ImplicitProfileLoop.cs"), findings);
    }

    [Fact]
    public async Task A_folder_with_build_loads_its_project()
    {
        folder.Write("App.csproj", Sources.SdkProject);
        folder.Write("ImplicitProfileLoop.cs", Sources.ImplicitUsingsProfileLoop);
        Dotnet.Restore(folder.Root);

        var run = await CliRun.RunAsync("scan", folder.Root, "--build");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("(loaded with MSBuild)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("SL1001 warning:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_that_does_not_load_is_named_with_the_reason()
    {
        var project = folder.Write("Broken/Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n");

        var run = await CliRun.RunAsync("scan", project);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains($"could not load '{project}'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("not closed", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_path_is_a_load_error()
    {
        var missing = Path.Combine(folder.Root, "no-such-repo");

        var run = await CliRun.RunAsync("scan", missing);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"scrapelint: '{missing}' does not exist", run.Stderr.TrimEnd());
    }

    [Fact]
    public async Task A_file_that_is_not_a_solution_or_project_is_a_load_error()
    {
        var file = folder.Write("ProfileLoop.cs", Sources.ProfileLoop);

        var run = await CliRun.RunAsync("scan", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("is not a folder, .sln, .slnx or .csproj file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_on_a_folder_without_a_project_says_so()
    {
        folder.Write("ProfileLoop.cs", Sources.ProfileLoop);

        var run = await CliRun.RunAsync("scan", folder.Root, "--build");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("holds no .sln, .slnx or .csproj file", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scan")]
    [InlineData("scan", ".", "--format", "xml")]
    [InlineData("scan", ".", "--fail-on", "sometimes")]
    [InlineData("scan", ".", "--output")]
    [InlineData("scan", ".", "--colour")]
    [InlineData("scan", "a", "b")]
    [InlineData("audit", ".")]
    public async Task Usage_errors_exit_2_and_point_to_help(params string[] args)
    {
        var run = await CliRun.RunAsync(args);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        Assert.EndsWith("Run 'scrapelint --help' for usage.", run.Stderr.TrimEnd(), StringComparison.Ordinal);
    }
}
