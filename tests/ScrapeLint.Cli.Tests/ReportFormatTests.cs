using System.Text.Json;
using ScrapeLint.Cli.Tests.Infrastructure;

namespace ScrapeLint.Cli.Tests;

/// <summary>--format sarif|json and --output.</summary>
public sealed class ReportFormatTests : IDisposable
{
    private readonly FixtureFolder folder = new();

    public ReportFormatTests()
    {
        folder.Write("src/Crawlers/ProfileLoop.cs", Sources.ProfileLoop);
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Sarif_has_the_2_1_0_structure_with_rules_help_uris_and_locations()
    {
        var output = Path.Combine(folder.Root, "out", "scan.sarif");

        var run = await CliRun.RunAsync("scan", Path.Combine(folder.Root, "src"), "--format", "sarif", "--output", output);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        using var sarif = JsonDocument.Parse(File.ReadAllText(output));
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        Assert.Contains("sarif", root.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        var runs = root.GetProperty("runs");
        Assert.Equal(1, runs.GetArrayLength());
        var sarifRun = runs[0];

        var driver = sarifRun.GetProperty("tool").GetProperty("driver");
        Assert.Equal("ScrapeLint", driver.GetProperty("name").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.NotEmpty(rules);
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            Assert.Matches("^SL[0-9]{4}$", id);
            Assert.Equal($"https://github.com/scrapelint/scrapelint/blob/main/docs/rules/{id}.md", rule.GetProperty("helpUri").GetString());
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.Contains(rule.GetProperty("defaultConfiguration").GetProperty("level").GetString(), new[] { "error", "warning", "note", "none" });
        }

        var srcRoot = sarifRun.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString()!;
        Assert.True(Uri.TryCreate(srcRoot, UriKind.Absolute, out var srcRootUri) && srcRootUri.IsFile && srcRoot.EndsWith('/'), srcRoot);

        var results = sarifRun.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(new[] { "SL1001", "SL2001", "SL2002", "SL4001" }, results.Select(r => r.GetProperty("ruleId").GetString()));
        foreach (var result in results)
        {
            var ruleIndex = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[ruleIndex].GetProperty("id").GetString());
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
            var location = Assert.Single(result.GetProperty("locations").EnumerateArray()).GetProperty("physicalLocation");
            Assert.Equal("Crawlers/ProfileLoop.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
            var region = location.GetProperty("region");
            Assert.Equal(12, region.GetProperty("startLine").GetInt32());
            Assert.True(region.GetProperty("startColumn").GetInt32() > 1);
            Assert.True(region.GetProperty("endColumn").GetInt32() > region.GetProperty("startColumn").GetInt32());
        }

        Assert.Equal("note", results.Single(r => r.GetProperty("ruleId").GetString() == "SL4001").GetProperty("level").GetString());
        Assert.Equal("warning", results[0].GetProperty("level").GetString());
    }

    [Fact]
    public async Task Json_lists_each_finding_with_its_position_severity_and_help_link()
    {
        var run = await CliRun.RunAsync("scan", folder.Root, "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("loose-files", root.GetProperty("mode").GetString());
        var summary = root.GetProperty("summary");
        Assert.Equal(4, summary.GetProperty("findings").GetInt32());
        Assert.Equal(3, summary.GetProperty("bySeverity").GetProperty("warning").GetInt32());
        Assert.Equal(1, summary.GetProperty("bySeverity").GetProperty("info").GetInt32());
        var first = root.GetProperty("findings")[0];
        Assert.Equal("SL1001", first.GetProperty("ruleId").GetString());
        Assert.Equal("warning", first.GetProperty("severity").GetString());
        Assert.Equal("src/Crawlers/ProfileLoop.cs", first.GetProperty("path").GetString());
        Assert.Equal(12, first.GetProperty("line").GetInt32());
        Assert.Equal("https://github.com/scrapelint/scrapelint/blob/main/docs/rules/SL1001.md", first.GetProperty("helpUri").GetString());
        Assert.Contains("linkedin.com/in/{handle}", first.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_report_to_a_file_leaves_stdout_empty()
    {
        var output = Path.Combine(folder.Root, "report.txt");

        var run = await CliRun.RunAsync("scan", folder.Root, "-o", output, "--quiet");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("SL2002 warning: Crawl without a rate limit (1 finding)", File.ReadAllText(output), StringComparison.Ordinal);
    }
}
