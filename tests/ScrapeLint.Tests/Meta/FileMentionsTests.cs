using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeLint.Model;
using ScrapeLint.Rules;
using ScrapeLint.Tests.Corpus;
using Xunit;

namespace ScrapeLint.Tests.Meta;

/// <summary>
/// The one scan per file that the crawl index and the evasion rules share: which kinds of names a file has, and which
/// files the evasion rules walk at all.
/// </summary>
public class FileMentionsTests
{
    private static readonly NameSet Tagged = new(new[] { ("GetStringAsync", 1), ("Load", 2), ("UserAgent", 4), ("Load", 8) });

    [Fact]
    public void TagsIn_CombinesTheTagsOfEveryNameFound()
        => Assert.Equal(1 | 4, Tagged.TagsIn("client.UserAgent = ua; await client.GetStringAsync(url);", wanted: 1 | 2 | 4 | 8));

    [Fact]
    public void TagsIn_GivesANameListedTwiceBothTags()
        => Assert.Equal(2 | 8, Tagged.TagsIn("web.Load(url)", wanted: 1 | 2 | 4 | 8));

    [Fact]
    public void TagsIn_StopsOnceEveryWantedTagIsFound()
        => Assert.Equal(1, Tagged.TagsIn("GetStringAsync(a); x.UserAgent = b;", wanted: 1));

    [Fact]
    public void TagsIn_MatchesWholeIdentifiersOnly()
        => Assert.Equal(0, Tagged.TagsIn("GetStringAsyncOrDefault(a); Loader.Loads(b); MyUserAgent c;", wanted: 1 | 2 | 4 | 8));

    [Fact]
    public void TagsIn_CountsAnEscapedIdentifierAsEveryName()
        => Assert.Equal(~0, Tagged.TagsIn(@"await http.GetStr\u0069ngAsync(url);", wanted: 1));

    [Fact]
    public void MentionedIn_IsTrueForAnyName()
    {
        Assert.True(Tagged.MentionedIn("x.UserAgent"));
        Assert.False(Tagged.MentionedIn("x.Agent"));
    }

    /// <summary>
    /// A file is walked by the evasion rules when its text can hold a site: a distinctive site name, a word that makes a common
    /// site (<c>Add</c>, <c>[]</c>, <c>Address</c>) worth binding, "header" (a header dictionary copied in a loop), or a post
    /// beside a password. Ordinary files are not walked.
    /// </summary>
    [Theory]
    [InlineData("list.Add(item); map[key] = value; settings.Address = host;", false)]
    [InlineData("foreach (var (k, v) in row) columns.Add(k, v);", false)]
    [InlineData("bus.Send(message); await client.PostAsync(url, body);", false)]
    [InlineData("await client.PostAsync(url, body); // the user's password", true)]
    [InlineData("var form = new { user, pwd = 1 };", false)]
    [InlineData("client.DefaultRequestHeaders.UserAgent.ParseAdd(ua);", true)]
    [InlineData("options.AddArgument(\"--headless\");", true)]
    [InlineData("list.Add(item); // the session we keep", true)]
    [InlineData("map[\"Cookie\"] = value;", true)]
    [InlineData("foreach (var (k, v) in extra) request.Headers.TryAddWithoutValidation(k, v);", true)]
    [InlineData("var handler = new HttpClientHandler { Proxy = next };", true)]
    public async Task EvasionRulesWalkOnlyFilesThatCanHoldASite(string statements, bool walked)
    {
        var source = $$"""
            using System.Collections.Generic;
            using System.Net.Http;

            public static class Code
            {
                public static void Run(dynamic list, dynamic map, dynamic settings, dynamic columns, dynamic row, dynamic bus, dynamic client, dynamic options,
                    dynamic extra, dynamic request, dynamic item, dynamic key, dynamic value, dynamic host, dynamic message, dynamic url, dynamic body,
                    dynamic user, dynamic ua, dynamic next)
                {
                    {{statements}}
                }
            }
            """;
        var compilation = await AllAnalyzers.CompileAsync(source, OutputKind.DynamicallyLinkedLibrary, requireNoErrors: false, libraries: false);
        var model = EvasionModel.For(compilation);
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        Assert.Equal(walked, EvasionAnalyzer.MayHaveSites(compilation.SyntaxTrees.Single(t => t.ToString().Contains("class Code")), model, options, CancellationToken.None));
    }

    [Fact]
    public async Task EveryFileIsWalkedWhenTheProjectNamesACaptchaService()
    {
        var compilation = await AllAnalyzers.CompileAsync("public static class Code { public static void Run(System.Collections.Generic.List<int> list) => list.Add(1); }", OutputKind.DynamicallyLinkedLibrary, requireNoErrors: false, libraries: false);
        compilation = compilation.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("public static class Solver { public const string Service = \"https://2captcha.com/in.php\"; }"));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        Assert.True(EvasionAnalyzer.MayHaveSites(compilation.SyntaxTrees.Single(t => t.ToString().Contains("class Code")), EvasionModel.For(compilation), options, CancellationToken.None));
    }

    /// <summary>
    /// Every reported case of the evasion rule tests, alone in a project with no library stubs (the stubs name CAPTCHA
    /// services, which opens every file): the file that holds the site is walked.
    /// </summary>
    private static readonly Dictionary<string, Func<TheoryData<string>>> ReportedSets = new()
    {
        ["SL3001"] = () => Rules.SL3001BrowserUserAgentTests.Positives,
        ["SL3001 headers"] = () => Rules.SL3001BrowserUserAgentTests.HeaderInitializersAndDictionaries,
        ["SL3002"] = () => Rules.SL3002RotatingProxyTests.Positives,
        ["SL3002 fields"] = () => Rules.SL3002RotatingProxyTests.RotatedThroughFields,
        ["SL3003"] = () => Rules.SL3003CaptchaOrBotEvasionTests.Positives,
        ["SL3004"] = () => Rules.SL3004SocialSessionCookieTests.Positives,
        ["SL3004 headers"] = () => Rules.SL3004SocialSessionCookieTests.CookieHeadersInInitializersAndDictionaries,
        ["SL3004 jars"] = () => Rules.SL3004SocialSessionCookieTests.StateAndRestoredJars,
        ["SL3005"] = () => Rules.SL3005AutomatedLoginTests.Positives,
    };

    public static TheoryData<string, int> ReportedEvasionCases
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var (name, cases) in ReportedSets)
            {
                var count = Enumerable.Count<object[]>(cases());
                for (var index = 0; index < count; index++)
                {
                    data.Add(name, index);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ReportedEvasionCases))]
    public async Task EveryReportedEvasionCaseIsInAWalkedFile(string set, int index)
    {
        var cases = ReportedSets[set]();
        var source = Verifiers.TestMarkup.Strip((string)Enumerable.ElementAt<object[]>(cases, index)[0]);
        var compilation = await AllAnalyzers.CompileAsync(source, OutputKind.DynamicallyLinkedLibrary, requireNoErrors: false, libraries: false);
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        Assert.True(EvasionAnalyzer.MayHaveSites(compilation.SyntaxTrees.First(), EvasionModel.For(compilation), options, CancellationToken.None));
    }
}
