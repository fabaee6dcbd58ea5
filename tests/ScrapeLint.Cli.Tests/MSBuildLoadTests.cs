using System.Text.Json;
using ScrapeLint.Cli.Tests.Infrastructure;

namespace ScrapeLint.Cli.Tests;

/// <summary>
/// Solution and project mode on what real repositories hold: no restore yet, NuGet warnings, TargetFrameworks
/// written with spaces, one broken project among good ones. Every restore is offline (a feed made in the test).
/// </summary>
public sealed class MSBuildLoadTests : IDisposable
{
    private readonly FixtureFolder folder = new();

    public MSBuildLoadTests()
    {
        folder.Write("nuget.config", Dotnet.OfflineNuGetConfig(Path.Combine(folder.Root, "feed"), Path.Combine(folder.Root, "packages")));
        Directory.CreateDirectory(Path.Combine(folder.Root, "feed"));
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task An_unrestored_solution_exits_2_with_the_command_that_restores_it()
    {
        folder.Write("App/App.csproj", Sources.SdkProject);
        folder.Write("App/ImplicitProfileLoop.cs", Sources.ImplicitUsingsProfileLoop);
        var solution = folder.Write("All.slnx", "<Solution>\n  <Project Path=\"App/App.csproj\" />\n</Solution>\n");

        var run = await CliRun.RunAsync("scan", solution);

        // Before, this printed the findings it could see without package types and exited as if complete.
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains($"'{solution}' is not restored", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(folder.Root, "App", "App.csproj"), run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"Run `dotnet restore \"{solution}\"`", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restore_that_failed_makes_the_scan_incomplete()
    {
        // NU1101: the package is in no source. Restore writes an assets file that records the error; the project loads.
        var project = folder.Write("App/App.csproj", Sources.SdkProject.Replace("</Project>", """
              <ItemGroup>
                <PackageReference Include="Acme.Missing" Version="1.0.0" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
        folder.Write("App/ImplicitProfileLoop.cs", Sources.ImplicitUsingsProfileLoop);
        var restore = Dotnet.Restore(project, mustSucceed: false);
        Assert.Contains("NU1101", restore, StringComparison.Ordinal);

        var run = await CliRun.RunAsync("scan", project);

        // Before, the findings it could see were reported as a complete scan.
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("SL1001 warning:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Incomplete scan: ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"not analysed: {project}: analysed without the packages its restore could not resolve", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("NU1101: Unable to find package Acme.Missing", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NuGet_warnings_NU1603_and_NU1510_are_warnings_not_load_failures()
    {
        // NU1603: 1.0.0 asked, only 1.0.1 in the feed. NU1510: a package the framework already carries.
        LocalPackages.AddToFeed(Path.Combine(folder.Root, "feed"), "Acme.Fake", "1.0.1");
        LocalPackages.AddToFeed(Path.Combine(folder.Root, "feed"), "System.Text.Json", "8.0.5");
        var project = folder.Write("App/App.csproj", Sources.SdkProject.Replace("</Project>", """
              <ItemGroup>
                <PackageReference Include="Acme.Fake" Version="1.0.0" />
                <PackageReference Include="System.Text.Json" Version="8.0.5" />
              </ItemGroup>
            </Project>
            """, StringComparison.Ordinal));
        folder.Write("App/ImplicitProfileLoop.cs", Sources.ImplicitUsingsProfileLoop);
        var restore = Dotnet.Restore(project);
        Assert.Contains("NU1603", restore, StringComparison.Ordinal);
        Assert.Contains("NU1510", restore, StringComparison.Ordinal);

        var run = await CliRun.RunAsync("scan", project, "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.True(json.RootElement.GetProperty("summary").GetProperty("complete").GetBoolean(), run.ToString());
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "SL1001");
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.Contains("Acme.Fake 1.0.1 was resolved instead", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("System.Text.Json will not be pruned", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TargetFrameworks_written_with_spaces_load()
    {
        var project = folder.Write("App/App.csproj", Sources.SdkProject.Replace("<TargetFramework>net10.0</TargetFramework>", "<TargetFrameworks>\n      net10.0 ;\n    </TargetFrameworks>", StringComparison.Ordinal));
        Assert.Contains("net10.0 ;", File.ReadAllText(project), StringComparison.Ordinal);
        folder.Write("App/ImplicitProfileLoop.cs", Sources.ImplicitUsingsProfileLoop);
        Dotnet.Restore(project);

        var run = await CliRun.RunAsync("scan", project);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("SL1001 warning:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("in 1 project (loaded with MSBuild)", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("was not recognized", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Found project with the same file path", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_broken_project_among_good_ones_is_named_and_the_scan_fails_unless_partial_is_allowed()
    {
        folder.Write("Good/Good.csproj", Sources.SdkProject);
        folder.Write("Good/ImplicitProfileLoop.cs", Sources.ImplicitUsingsProfileLoop);
        var broken = folder.Write("Broken/Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n");
        folder.Write("Broken/ProfileLoop.cs", Sources.ProfileLoop);
        var solution = folder.Write("All.slnx", "<Solution>\n  <Project Path=\"Good/Good.csproj\" />\n  <Project Path=\"Broken/Broken.csproj\" />\n</Solution>\n");
        Dotnet.Restore(Path.Combine(folder.Root, "Good", "Good.csproj"));

        var run = await CliRun.RunAsync("scan", solution);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("SL1001 warning:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Good/ImplicitProfileLoop.cs", run.Stdout.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Contains($"scrapelint: error: not analysed: {broken}: project did not load: ", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("not closed", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("the scan is incomplete", run.Stderr, StringComparison.Ordinal);

        var partial = await CliRun.RunAsync("scan", solution, "--allow-partial");

        Assert.True(partial.ExitCode == 1, partial.ToString());
        Assert.Contains($"scrapelint: warning: not analysed: {broken}", partial.Stderr, StringComparison.Ordinal);
        Assert.Contains("Incomplete scan: ", partial.Stdout, StringComparison.Ordinal);
    }
}
