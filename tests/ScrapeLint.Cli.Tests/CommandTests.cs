using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeLint.Cli.Tests.Infrastructure;

namespace ScrapeLint.Cli.Tests;

/// <summary>`rules`, `--version`, `--help`, and the README's command on the sample.</summary>
public sealed class CommandTests
{
    [Fact]
    public async Task Rules_lists_every_descriptor_of_the_analyzer_assembly_with_severity_and_help_link()
    {
        var descriptors = typeof(ScrapeLint.Rules.CrawlAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .ToList();

        var run = await CliRun.RunAsync("rules");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(descriptors.Select(d => d.Id).Distinct().Count(), rows.Count);
        foreach (var descriptor in descriptors)
        {
            var row = Assert.Single(rows, r => r.StartsWith(descriptor.Id + " ", StringComparison.Ordinal));
            Assert.Contains(" " + descriptor.DefaultSeverity.ToString().ToLowerInvariant() + " ", row, StringComparison.Ordinal);
            Assert.Contains(descriptor.Title.ToString(), row, StringComparison.Ordinal);
            Assert.EndsWith(descriptor.HelpLinkUri, row.TrimEnd(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_says_that_a_folder_scan_runs_no_code_from_the_repository()
    {
        var run = await CliRun.RunAsync("--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("scrapelint scan <path>", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("runs\n", run.Stdout.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("no code of its own", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("--fail-on none|info|warning|error", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_tool_version()
    {
        var run = await CliRun.RunAsync("--version");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"^scrapelint \d+\.\d+\.\d+", run.Stdout);
    }

    [Fact]
    public async Task The_readme_command_on_the_sample_shows_every_expected_rule()
    {
        var repository = FindRepositoryRoot();
        var sample = Path.Combine(repository, "samples", "ProfileHarvester");
        var expected = File.ReadAllLines(Path.Combine(sample, "expected-diagnostics.txt")).Where(l => l.Length > 0).ToList();

        var run = await CliRun.RunAsync("scan", sample);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.All(expected, id => Assert.Contains($"\n{id} warning:", "\n" + run.Stdout, StringComparison.Ordinal));
    }

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
