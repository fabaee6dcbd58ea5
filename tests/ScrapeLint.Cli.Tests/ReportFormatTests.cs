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
    public async Task Sarif_rules_carry_the_summary_of_their_rule_page_as_help_text_and_markdown()
    {
        var run = await CliRun.RunAsync("scan", folder.Root, "--format", "sarif");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var sarif = JsonDocument.Parse(run.Stdout);
        var rules = sarif.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var pages = Path.Combine(RepositoryRoot(), "docs", "rules");
        foreach (var rule in rules)
        {
            var id = rule.GetProperty("id").GetString()!;
            var page = File.ReadAllText(Path.Combine(pages, id + ".md"));
            var flags = Reporting.RuleHelp.FirstParagraph(page, "What it flags")!;
            var why = Reporting.RuleHelp.FirstParagraph(page, "Why it matters")!;
            var help = rule.GetProperty("help");
            var markdown = help.GetProperty("markdown").GetString()!;
            var text = help.GetProperty("text").GetString()!;

            // The page's own words, not only the link; the link as well.
            Assert.Contains(flags, markdown, StringComparison.Ordinal);
            Assert.Contains(why, markdown, StringComparison.Ordinal);
            Assert.Contains($"({rule.GetProperty("helpUri").GetString()})", markdown, StringComparison.Ordinal);
            Assert.Contains(Reporting.RuleHelp.PlainText(why), text, StringComparison.Ordinal);
            Assert.DoesNotContain("**", text, StringComparison.Ordinal);
            Assert.True(text.Length > 200, $"{id}: {text}");
        }

        var profileRule = rules.Single(r => r.GetProperty("id").GetString() == "SL1001");
        Assert.Contains("profile", profileRule.GetProperty("help").GetProperty("text").GetString()!, StringComparison.OrdinalIgnoreCase);
        var invocation = sarif.RootElement.GetProperty("runs")[0].GetProperty("invocations")[0];
        Assert.True(invocation.GetProperty("executionSuccessful").GetBoolean());
    }

    [Fact]
    public async Task Sarif_paths_are_relative_to_the_git_repository_and_an_incomplete_scan_is_not_a_successful_execution()
    {
        Directory.CreateDirectory(Path.Combine(folder.Root, ".git"));
        folder.Write("src/Crawlers/Padded.cs", Sources.OwnApiClient + "\n//" + new string('x', 5 * 1024 * 1024) + "\n");

        var run = await CliRun.RunAsync("scan", Path.Combine(folder.Root, "src", "Crawlers"), "--format", "sarif", "--allow-partial");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var sarif = JsonDocument.Parse(run.Stdout);
        var sarifRun = sarif.RootElement.GetProperty("runs")[0];
        Assert.Equal(new Uri(folder.Root + "/").AbsoluteUri, sarifRun.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString());
        Assert.All(sarifRun.GetProperty("results").EnumerateArray(), r => Assert.Equal(
            "src/Crawlers/ProfileLoop.cs",
            r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()));
        var invocation = sarifRun.GetProperty("invocations")[0];
        Assert.False(invocation.GetProperty("executionSuccessful").GetBoolean());
        var note = Assert.Single(invocation.GetProperty("toolExecutionNotifications").EnumerateArray());
        Assert.Equal("error", note.GetProperty("level").GetString());
        Assert.Contains("Padded.cs", note.GetProperty("message").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gitlab_is_the_code_quality_report_format()
    {
        folder.Write("src/Crawlers/SecondLoop.cs", Sources.ProfileLoop.Replace("class ProfileLoop", "class SecondLoop", StringComparison.Ordinal));

        var run = await CliRun.RunAsync("scan", folder.Root, "--format", "gitlab");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var report = JsonDocument.Parse(run.Stdout);
        var issues = report.RootElement.EnumerateArray().ToList();
        Assert.Equal(8, issues.Count);
        foreach (var issue in issues)
        {
            // The fields GitLab requires, with its severity scale.
            Assert.False(string.IsNullOrWhiteSpace(issue.GetProperty("description").GetString()));
            Assert.Matches("^SL[0-9]{4}$", issue.GetProperty("check_name").GetString());
            Assert.Matches("^[0-9a-f]{32}$", issue.GetProperty("fingerprint").GetString());
            Assert.Contains(issue.GetProperty("severity").GetString(), new[] { "info", "minor", "major", "critical", "blocker" });
            var location = issue.GetProperty("location");
            Assert.StartsWith("src/Crawlers/", location.GetProperty("path").GetString(), StringComparison.Ordinal);
            Assert.Equal(12, location.GetProperty("lines").GetProperty("begin").GetInt32());
        }

        // One fingerprint per finding (GitLab shows one issue per fingerprint), stable from run to run.
        Assert.Equal(issues.Count, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
        var again = await CliRun.RunAsync("scan", folder.Root, "--format", "gitlab");
        using var second = JsonDocument.Parse(again.Stdout);
        Assert.Equal(issues.Select(i => i.GetProperty("fingerprint").GetString()), second.RootElement.EnumerateArray().Select(i => i.GetProperty("fingerprint").GetString()));
        Assert.Equal("info", issues.First(i => i.GetProperty("check_name").GetString() == "SL4001").GetProperty("severity").GetString());
        Assert.Equal("major", issues.First(i => i.GetProperty("check_name").GetString() == "SL1001").GetProperty("severity").GetString());
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

    private static string RepositoryRoot()
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
