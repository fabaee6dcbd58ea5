using System.Text.Json;

namespace ScrapeLint.Package.Tests;

/// <summary>
/// A fresh console project that references ScrapeLint from the local feed, built the way CI builds it.
/// Its sources (Consumer/) harvest LinkedIn profiles, download avatars and read member pages of the
/// team's own community site.
/// </summary>
[Collection(PackedFeedCollection.Name)]
public sealed class ConsumerBuildTests(PackedFeed feed)
{
    private static readonly Finding[] Expected =
    [
        new("ProfileCrawler.cs", "SL1001", "warning"),
        new("ProfileCrawler.cs", "SL2001", "warning"),
        new("ProfileCrawler.cs", "SL2002", "warning"),
        new("AvatarDownloader.cs", "SL1002", "warning"),
        new("AvatarDownloader.cs", "SL2001", "warning"),
        new("AvatarDownloader.cs", "SL2002", "warning"),
        new("CommunityDirectory.cs", "SL1001", "warning"),
        new("CommunityDirectory.cs", "SL2001", "warning"),
        new("CommunityDirectory.cs", "SL2002", "warning"),
    ];

    [Fact]
    public void BuildShowsTheWarningsAndSucceeds()
    {
        var build = feed.Build(PackedFeed.Plain);

        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal(Sorted(Expected), Sorted(build.Findings));
    }

    [Fact]
    public void WarnAsErrorFailsTheBuild()
    {
        var build = feed.Build(PackedFeed.Plain, "-warnaserror");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Equal(Sorted(Expected.Select(f => f with { Severity = "error" })), Sorted(build.Findings));
    }

    [Fact]
    public void StrictModeMakesEveryRuleAnError()
    {
        var build = feed.Build(PackedFeed.Plain, "-p:ScrapeLintMode=strict");

        Assert.NotEqual(0, build.ExitCode);
        var expected = Expected.Select(f => f with { Severity = "error" }).Append(new("ProfileCrawler.cs", "SL4001", "error"));
        Assert.Equal(Sorted(expected), Sorted(build.Findings));
    }

    [Fact]
    public void UnknownModeIsABuildError()
    {
        var build = feed.Build(PackedFeed.Plain, "-p:ScrapeLintMode=lenient");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("error SLMODE: ScrapeLintMode 'lenient' is not one of default, strict, audit.", build.Output);
    }

    [Fact]
    public void EditorConfigSeveritiesAndOptionsWinOverTheAuditPresetSetInTheProjectFile()
    {
        // ConfiguredHarvester: <ScrapeLintMode>audit</ScrapeLintMode> in the project file, and an .editorconfig with
        // allowed_domains = acme.example, SL2002 = none, SL1002 = error.
        var build = feed.Build(PackedFeed.Configured);

        Assert.NotEqual(0, build.ExitCode); // SL1002 is an error
        Finding[] expected =
        [
            new("ProfileCrawler.cs", "SL1001", "warning"),
            new("ProfileCrawler.cs", "SL2001", "warning"),
            new("ProfileCrawler.cs", "SL4001", "warning"), // audit raises it from a suggestion
            new("AvatarDownloader.cs", "SL1002", "error"),
            new("AvatarDownloader.cs", "SL2001", "warning"),
        ];
        Assert.Equal(Sorted(expected), Sorted(build.Findings));
    }

    [Fact]
    public void ErrorLogWritesSarifWithTheFindingsAndRuleMetadata()
    {
        var sarifPath = Path.Combine(feed.Directory, "harvester.sarif");
        var build = feed.Build(PackedFeed.Plain, $"-p:ErrorLog={sarifPath}%2Cversion=2.1");
        Assert.True(build.ExitCode == 0, build.Output);

        using var sarif = JsonDocument.Parse(File.ReadAllText(sarifPath));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        var run = sarif.RootElement.GetProperty("runs")[0];

        var results = run.GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("SL", StringComparison.Ordinal))
            .Select(r => new
            {
                Finding = new Finding(
                    Path.GetFileName(new Uri(Location(r).GetProperty("artifactLocation").GetProperty("uri").GetString()!).LocalPath),
                    r.GetProperty("ruleId").GetString()!,
                    r.GetProperty("level").GetString()!),
                Line = Location(r).GetProperty("region").GetProperty("startLine").GetInt32(),
                Message = r.GetProperty("message").GetProperty("text").GetString()!,
            })
            .ToList();

        // Info findings, invisible in the console, are in the log as notes.
        var expected = Expected.Append(new("ProfileCrawler.cs", "SL4001", "note"));
        Assert.Equal(Sorted(expected), Sorted(results.Select(r => r.Finding)));

        var profileLine = LineOf("ProfileCrawler.cs", "linkedin.com/in/");
        var sl1001 = Assert.Single(results, r => r.Finding == new Finding("ProfileCrawler.cs", "SL1001", "warning"));
        Assert.Equal(profileLine, sl1001.Line);
        Assert.Contains("https://www.linkedin.com/in/{handle}/", sl1001.Message);

        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!);
        foreach (var id in expected.Select(f => f.Id).Distinct())
        {
            var rule = rules[id];
            Assert.Equal($"https://github.com/scrapelint/scrapelint/blob/main/docs/rules/{id}.md", rule.GetProperty("helpUri").GetString());
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("properties").GetProperty("category").GetString()));
        }
    }

    private static JsonElement Location(JsonElement result)
        => result.GetProperty("locations")[0].GetProperty("physicalLocation");

    private int LineOf(string file, string text)
        => Array.FindIndex(File.ReadAllLines(Path.Combine(feed.ConsumerDirectory(PackedFeed.Plain), file)), l => l.Contains(text, StringComparison.Ordinal)) + 1;

    private static List<string> Sorted(IEnumerable<Finding> findings)
        => findings.Select(f => f.ToString()).Order(StringComparer.Ordinal).ToList();
}
