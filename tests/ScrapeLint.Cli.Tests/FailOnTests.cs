using ScrapeLint.Cli.Tests.Infrastructure;

namespace ScrapeLint.Cli.Tests;

/// <summary>--fail-on: exit 1 exactly when a finding reaches the threshold.</summary>
public sealed class FailOnTests : IDisposable
{
    private readonly FixtureFolder folder = new();

    public FailOnTests()
    {
        folder.Write("ProfileLoop.cs", Sources.ProfileLoop);
    }

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(null, 1)]
    [InlineData("none", 0)]
    [InlineData("info", 1)]
    [InlineData("warning", 1)]
    [InlineData("error", 0)]
    public async Task Warnings_and_an_info_finding(string? failOn, int expected)
    {
        var args = failOn is null ? new[] { "scan", folder.Root } : new[] { "scan", folder.Root, "--fail-on", failOn };

        var run = await CliRun.RunAsync(args);

        Assert.True(run.ExitCode == expected, run.ToString());
        Assert.Contains("4 findings (3 warnings, 1 info)", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("info", 1)]
    [InlineData("warning", 0)]
    public async Task Only_an_info_finding(string failOn, int expected)
    {
        folder.Write(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.SL1001.severity = none\ndotnet_diagnostic.SL2001.severity = none\ndotnet_diagnostic.SL2002.severity = none\n");

        var run = await CliRun.RunAsync("scan", folder.Root, $"--fail-on={failOn}");

        Assert.True(run.ExitCode == expected, run.ToString());
        Assert.Contains("1 finding (1 info)", run.Stdout, StringComparison.Ordinal);
    }
}
