using ScrapeLint.Cli.Tests.Infrastructure;

namespace ScrapeLint.Cli.Tests;

/// <summary>`scrapelint scan &lt;folder&gt;`: loose files, no MSBuild.</summary>
public sealed class FolderScanTests : IDisposable
{
    private readonly FixtureFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Text_report_groups_by_rule_and_file_with_source_line_evidence_and_help_link()
    {
        folder.Write("Crawlers/ProfileLoop.cs", Sources.ProfileLoop);
        folder.Write("Clean/RepoStats.cs", Sources.OwnApiClient);

        var run = await CliRun.RunAsync("scan", folder.Root);

        Assert.True(run.ExitCode == 1, run.ToString());
        var lines = run.Stdout.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var heading = lines.FindIndex(l => l.StartsWith("SL1001 warning: Profile pages requested in a loop (1 finding)", StringComparison.Ordinal));
        Assert.True(heading >= 0, run.ToString());
        Assert.Equal("  help: https://github.com/scrapelint/scrapelint/blob/main/docs/rules/SL1001.md", lines[heading + 1]);
        Assert.Equal("  " + Path.Combine("Crawlers", "ProfileLoop.cs"), lines[heading + 3]);
        Assert.StartsWith("    12:", lines[heading + 4], StringComparison.Ordinal);
        Assert.Contains("'https://www.linkedin.com/in/{handle}/'", lines[heading + 4], StringComparison.Ordinal);
        Assert.StartsWith("      | public async Task RunAsync(IEnumerable<string> handles)", lines[heading + 5], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("SL4001 info:", StringComparison.Ordinal));
        Assert.DoesNotContain("RepoStats", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("4 findings (3 warnings, 1 info) in 1 file; scanned 2 files in 1 project (loose files, no MSBuild)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_of_non_scraping_code_reports_nothing_and_exits_0()
    {
        folder.Write("RepoStats.cs", Sources.OwnApiClient);

        var run = await CliRun.RunAsync("scan", folder.Root, "--fail-on", "info");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("No findings; scanned 1 file in 1 project", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unresolved_namespaces_and_types_do_not_stop_the_scan()
    {
        folder.Write("MixedCrawler.cs", Sources.UnresolvedLibraryCrawler);

        var run = await CliRun.RunAsync("scan", folder.Root, "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("\"ruleId\": \"SL4001\"", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("instagram.com", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_csproj_folder_is_a_project_whose_implicit_usings_are_read_without_evaluating_it()
    {
        folder.Write("App/App.csproj", Sources.SdkProject);
        folder.Write("App/ImplicitProfileLoop.cs", Sources.ImplicitUsingsProfileLoop);
        folder.Write("Tools/Tools.csproj", Sources.SdkProject.Replace("enable</ImplicitUsings>", "disable</ImplicitUsings>", StringComparison.Ordinal));
        folder.Write("Tools/ImplicitProfileLoop.cs", Sources.ImplicitUsingsProfileLoop.Replace("Fixture", "Tools", StringComparison.Ordinal));

        var run = await CliRun.RunAsync("scan", folder.Root, "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("projects").GetInt32());
        var paths = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).Distinct().ToList();

        // Without implicit usings, HttpClient does not bind in Tools: only App's loop is a request.
        Assert.Equal(new[] { "App/ImplicitProfileLoop.cs" }, paths);
    }

    [Fact]
    public async Task Editorconfig_severities_apply_to_loose_files()
    {
        folder.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.SL1001.severity = error\ndotnet_diagnostic.SL2002.severity = none\n");
        folder.Write("ProfileLoop.cs", Sources.ProfileLoop);

        var run = await CliRun.RunAsync("scan", folder.Root, "--fail-on", "error");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("SL1001 error: Profile pages requested in a loop", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("SL2002", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("SL2001 warning:", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bin_obj_and_hidden_folders_are_skipped()
    {
        folder.Write("obj/Generated.cs", Sources.ProfileLoop);
        folder.Write("bin/Copy.cs", Sources.ProfileLoop);
        folder.Write(".git/Stash.cs", Sources.ProfileLoop);
        folder.Write("RepoStats.cs", Sources.OwnApiClient);

        var run = await CliRun.RunAsync("scan", folder.Root);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("No findings; scanned 1 file", run.Stdout, StringComparison.Ordinal);
    }
}
