using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScrapeLint.Tests.Meta;

/// <summary>Every descriptor has its doc page, its help link, its README row and its release-tracking line.</summary>
public class RuleCatalogTests
{
    public static readonly IReadOnlyList<DiagnosticDescriptor> Descriptors = typeof(ScrapeLint.Rules.CrawlAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .OrderBy(d => d.Id)
        .ToList();

    public static TheoryData<string> Ids => new(Descriptors.Select(d => d.Id));

    private static DiagnosticDescriptor Descriptor(string id) => Descriptors.Single(d => d.Id == id);

    [Fact]
    public void TheRulesOfTheSpecAreAllThere()
        => Assert.Equal(new[] { "SL1001", "SL1002", "SL1003", "SL2001", "SL2002", "SL2003", "SL3001", "SL3002", "SL3003", "SL3004", "SL3005", "SL4001" }, Descriptors.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void HelpLinkPointsToTheRulePage(string id)
    {
        var descriptor = Descriptor(id);
        Assert.EndsWith($"/docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.True(File.Exists(Path.Combine(Repository.Root, "docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void RulePageFollowsTheTemplate(string id)
    {
        var descriptor = Descriptor(id);
        var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "rules", id + ".md"));
        Assert.StartsWith($"# {id}: {descriptor.Title}", page);
        Assert.Contains($"| Category | {descriptor.Category} |", page);
        Assert.Contains($"| Default severity | {descriptor.DefaultSeverity} |", page);
        foreach (var heading in new[] { "## What it flags", "## Why it matters", "## Non-compliant example", "## Compliant example", "## Options", "## How to suppress" })
        {
            Assert.Contains(heading, page);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ReadmeTableRowMatchesTheDescriptor(string id)
    {
        var descriptor = Descriptor(id);
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        Assert.Contains($"| [{id}](docs/rules/{id}.md) | {descriptor.Category} | {descriptor.DefaultSeverity} | {descriptor.Title} |", readme);
    }

    [Fact]
    public void ReadmeTableHasNoRuleThatDoesNotExist()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var rows = Regex.Matches(readme, @"^\| \[(SL\d{4})\]", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
        Assert.Equal(Descriptors.Select(d => d.Id), rows);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ReleaseTrackingListsTheRule(string id)
    {
        var descriptor = Descriptor(id);
        var tracking = File.ReadAllText(Path.Combine(Repository.Root, "src", "ScrapeLint", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(Repository.Root, "src", "ScrapeLint", "AnalyzerReleases.Shipped.md"));
        Assert.Matches($@"(?m)^{id} \| {descriptor.Category} \| {descriptor.DefaultSeverity} \|", tracking);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void MessageAndDescriptionAreSentences(string id)
    {
        var descriptor = Descriptor(id);
        Assert.Contains("{0}", descriptor.MessageFormat.ToString());
        Assert.EndsWith(".", descriptor.Description.ToString());
        Assert.True(descriptor.IsEnabledByDefault);
    }
}

internal static class Repository
{
    public static readonly string Root = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "ScrapeLint.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("ScrapeLint.sln not found above " + AppContext.BaseDirectory);
    }
}
