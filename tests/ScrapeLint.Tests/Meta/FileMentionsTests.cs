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

    [Theory]
    [InlineData(@"await http.GetStr\u0069ngAsync(url);")]
    [InlineData(@"await http.\u0047etStringAsync(url);")]
    [InlineData(@"var caf\u00E9 = 1;")]
    public void TagsIn_CountsAnEscapedIdentifierAsEveryName(string text)
        => Assert.Equal(~0, Tagged.TagsIn(text, wanted: 1));

    /// <summary>An escape of a symbol, a space or a surrogate half cannot be in an identifier, whatever is next to it.</summary>
    [Theory]
    [InlineData(@"var s = ""a\u2248b"";")]
    [InlineData(@"var s = ""x\u00A0y"";")]
    [InlineData(@"var s = ""\uD835\uDD04x"";")]
    [InlineData(@"var s = ""a\u00"";")]
    public void TagsIn_IgnoresAnEscapeNoIdentifierCanHold(string text)
        => Assert.Equal(0, Tagged.TagsIn(text, wanted: 1));

    /// <summary>
    /// With the tree at hand, an escape counts only inside an identifier token, and then with the tags of the name it spells:
    /// a string or character literal full of escapes (an entity table, a whitespace set) names nothing.
    /// </summary>
    [Theory]
    [InlineData("class C { void M(dynamic http, dynamic url) { http.GetStr\\u0069ngAsync(url); } }", 1)]
    [InlineData("class C { void M(dynamic web) { web.Lo\\u0061d(1); } }", 2 | 8)]
    [InlineData("class C { void M(dynamic x) { x.Pars\\u0065(1); } }", 0)]
    [InlineData("class C { const string Space = \"\\u00A0x\\uD835\\uDD04y\"; const char Nbsp = '\\u00A0'; }", 0)]
    [InlineData("class C { const string Space = \"a\\u00A0\"; void M(dynamic web) { web.Load(Space); } }", 2 | 8)]
    [InlineData("class C { // see fj\\u00E9 and GetStringAsync\n void M() { } }", 1)]
    [InlineData("class C { const string S = \"G\\u0065tStringAsync\"; }", 0)]
    [InlineData("class C { const string S = \"\\u00C6\\u00E9Load\"; void M(dynamic web) { web.Lo\\u0061d(S); } }", 2 | 8)]
    [InlineData("class C { void M(dynamic web) { web.Lo\\u200Bad(1); } }", 2 | 8)]
    [InlineData("class C { void M(dynamic web) { web.L\\u006F\u200Bad(1); } }", 2 | 8)]
    [InlineData("class C { void M(dynamic web) { web.L\\u006F\\u0061d(1); web.\\u004Coad(2); } }", 2 | 8)]
    public void TagsIn_WithTheTreeCountsAnEscapeOnlyInAnIdentifier(string source, int tags)
    {
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source);
        Assert.Equal(tags, Tagged.TagsIn(source, wanted: 1 | 2 | 4 | 8, FileMentions.Escapes(Tagged, tree, source, CancellationToken.None)));
    }

    /// <summary>
    /// The scan looks only where an identifier starts with a pair of characters some name starts with; the identifier is then
    /// read whole. Names at the ends of the text, inside longer identifiers, after an escape, of one character or starting
    /// with a non-ASCII letter are found or rejected as whole identifiers (a one-character name also before a non-ASCII
    /// symbol or space).
    /// </summary>
    [Theory]
    [InlineData("Load", "Load(x)", new[] { 0 })]
    [InlineData("Load", "x.Load", new[] { 2 })]
    [InlineData("Load", "Loads Reload Load2 _Load Load", new[] { 25 })]
    [InlineData("Load", "a\\u0041.Load()", new[] { 8 })]
    [InlineData("Load", "x\u00E9Load Load\u00E9 \u00E9 Load", new[] { 15 })]
    [InlineData("X", "X x XX (X) aX", new[] { 0, 8 })]
    [InlineData("X", "X\u2192X\u00A0X\u00E9 X", new[] { 0, 2, 7 })]
    [InlineData("Éte", "Éte Étes aÉte été (Éte)", new[] { 0, 19 })]
    [InlineData("GetStringAsync", "// GetStringAsync in a comment, \"GetStringAsync\" in a string", new[] { 3, 33 })]
    public void TagsIn_PlacesAreWholeIdentifiersOnly(string name, string text, int[] starts)
    {
        var places = new List<int>();
        new NameSet(new[] { name }).TagsIn(text, wanted: 2, escape: position => (0, position + 1), places: places, placeTags: 1);
        Assert.Equal(starts, places);
    }

    /// <summary>
    /// Long texts, read a vector at a time where the runtime can: names, near misses and separators (non-ASCII letters, a
    /// non-breaking space, an arrow) at every offset of a block find the same places as cutting the text into identifiers.
    /// A set with a name that starts with a non-ASCII letter is read a character at a time, and must agree too.
    /// </summary>
    [Theory]
    [InlineData(new[] { "Load", "GetAsync", "X" }, true)]
    [InlineData(new[] { "Load", "load", "_Send", "GetAsync" }, true)]
    [InlineData(new[] { "Load", "Éte" }, false)]
    public void TagsIn_PlacesAgreeWithAPlainReadingOfLongTexts(string[] names, bool vectorised)
    {
        var set = new NameSet(names);
        Assert.Equal(vectorised && System.Numerics.Vector.IsHardwareAccelerated, set.Vectorised);
        string[] pieces = { "Load", "GetAsync", "X", "Éte", "load", "_Send", "Loads", "xLoad", "Load2", "_Load", "LoadX", "GetAsyncs", "éLoad", "Loadé", "XX", "Get", " ", ".", "(", "\n", "é", "\u00A0", "→", "_", "1", "\"\"", "// " };
        var random = new Random(20261207);
        for (var sample = 0; sample < 400; sample++)
        {
            var text = new System.Text.StringBuilder();
            var count = random.Next(0, 120);
            for (var k = 0; k < count; k++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            var source = text.ToString();
            var places = new List<int>();
            set.TagsIn(source, wanted: 2, places: places, placeTags: 1);
            Assert.Equal(PlainPlaces(source, names), places);
        }

        static List<int> PlainPlaces(string text, string[] names)
        {
            var found = new List<int>();
            for (var i = 0; i < text.Length;)
            {
                var end = i;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                if (end == i)
                {
                    i++;
                    continue;
                }

                if (names.Contains(text.Substring(i, end - i)))
                {
                    found.Add(i);
                }

                i = end;
            }

            return found;
        }
    }

    [Fact]
    public void MentionedIn_IsTrueForAnyName()
    {
        Assert.True(Tagged.MentionedIn("x.UserAgent"));
        Assert.False(Tagged.MentionedIn("x.Agent"));
    }

    /// <summary>
    /// A file is walked by the evasion rules when its text can hold a site: a distinctive site name, a word that makes a common
    /// site (<c>Add</c>, <c>[]</c>, <c>Address</c>) worth binding where a word starts (not "approx" or "possession"), a header API
    /// (a header dictionary copied in a loop; not a table's "header"), or a post beside a password. Ordinary files are not walked.
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
    [InlineData("foreach (var (k, v) in extra) request.AddHeader(k, v);", true)]
    [InlineData("request.Headers.Add(\"Coo\" + \"kie\", value);", true)]
    [InlineData("list.Add(item); // through the webProxy", true)]
    [InlineData("map[\"JSESSIONID\"] = value;", true)]
    [InlineData("map[\"session_id\"] = value;", true)]
    [InlineData("var isHeaderRow = row.IsHeader; columns.Add(key, value); // the table header", false)]
    [InlineData("list.Add(item); // approx. the value", false)]
    [InlineData("list.Add(item); // in its possession", false)]
    [InlineData("var space = \"\\u00A0x\"; list.Add(space);", false)]
    [InlineData("options.AddArg\\u0075ment(\"--headless\");", true)]
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

    /// <summary>
    /// The places of gated sink names (<c>Get</c>, <c>Execute</c> with RestSharp referenced) a file has, in order, for the
    /// index to bind there: none for a file that also names an ungated sink (it is walked anyway) or names none, and the same
    /// for a file the compilation does not hold (scanned when asked).
    /// </summary>
    [Fact]
    public async Task GatedSinkPlacesAreTheWholeGatedNamesOfAFileWithNoUngatedSink()
    {
        const string Gated = "class A { void M(dynamic c) { c.Execute(1); c.GetAsync(2); c.Get(3); Get(); } static void Get() { } }";
        const string Ungated = "class B { async void M(System.Net.Http.HttpClient h, dynamic c) { await h.GetStringAsync(\"u\"); c.Get(1); } }";
        const string None = "class C { void M(dynamic c) { c.Getter(1); c.Executed(2); } }";
        var compilation = await AllAnalyzers.CompileAsync(Gated, OutputKind.DynamicallyLinkedLibrary, requireNoErrors: false);
        compilation = compilation.AddSyntaxTrees(Parse(Ungated), Parse(None));
        var mentions = CrawlModel.For(compilation).Mentions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), CancellationToken.None);
        int[] expected = { Gated.IndexOf("Execute"), Gated.IndexOf("GetAsync"), Gated.IndexOf("Get(3"), Gated.IndexOf("Get()"), Gated.IndexOf("Get() {") };
        Assert.Equal(expected, mentions.GatedSinkPlaces(compilation.SyntaxTrees.First(), CancellationToken.None));
        Assert.Empty(mentions.GatedSinkPlaces(compilation.SyntaxTrees.Single(t => t.ToString() == Ungated), CancellationToken.None));
        Assert.Empty(mentions.GatedSinkPlaces(compilation.SyntaxTrees.Single(t => t.ToString() == None), CancellationToken.None));
        Assert.Equal(expected, mentions.GatedSinkPlaces(Parse(Gated), CancellationToken.None));

        static SyntaxTree Parse(string text) => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text);
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
