using ScrapeLint.Model;
using Xunit;

namespace ScrapeLint.Tests.Meta;

/// <summary>
/// The one pass over a file's text that finds the evasion rules' words (issue 14): it must find what a search for each
/// word finds, wherever the word falls against the vectors the pass reads.
/// </summary>
public class TextWordsTests
{
    private const int Mention = TextWords.Mention;
    private const int Header = TextWords.HeaderApi;
    private const int Captcha = TextWords.CaptchaService;

    [Theory]
    [InlineData("request.Headers.Add(\"Accept\", a);", Header)]
    [InlineData("var h = new WebHeaderCollection();", Header)]
    [InlineData("client.AddDefaultHeader(\"Accept\", a);", Header)]
    [InlineData("req.WithHeader(\"Accept\", a);", Header)]
    [InlineData("r.AddHeaders(x);", Header)]
    [InlineData("m.Headers.TryAddWithoutValidation(k, v);", Header)]
    [InlineData("dict.TryAdd(k, v); var headers = 1; Header h;", 0)]
    [InlineData("const string Ua = \"User-Agent\";", Mention)]
    [InlineData("var webProxy = new WebProxy(address);", Mention)]
    [InlineData("var id = \"JSESSIONID\";", Mention)]
    [InlineData("session_id cookie", Mention)]
    [InlineData("approx(possession, reagent); Proxies", Mention)]
    [InlineData("approx(possession, reagent, escapement)", 0)]
    [InlineData("var key = \"2captcha\";", Captcha)]
    [InlineData("using Zennolab.CapMonsterCloud;", Captcha)]
    [InlineData("new CAPSOLVER()", Captcha)]
    [InlineData("capacity + escape + cap", 0)]
    [InlineData("Captcha", Captcha)]
    [InlineData("", 0)]
    public void FindsEachKindOfWord(string text, int expected)
        => Assert.Equal(expected, TextWords.In(text));

    /// <summary>Each word at every offset around the vectors' edges and at the text's ends, alone and inside other text.</summary>
    [Theory]
    [InlineData("agent", Mention)]
    [InlineData("Cookie", Mention)]
    [InlineData("SESSION", Mention)]
    [InlineData("Prox", Mention)]
    [InlineData("Headers", Header)]
    [InlineData("HeaderCollection", Header)]
    [InlineData("AddHeader", Header)]
    [InlineData("TryAddWithoutValidation", Header)]
    [InlineData("capTcha", Captcha)]
    [InlineData("capmonster", Captcha)]
    [InlineData("capsolver", Captcha)]
    public void FindsAWordAtEveryOffset(string word, int expected)
    {
        for (var before = 0; before <= 40; before++)
        {
            for (var after = 0; after <= 3; after++)
            {
                var text = new string(' ', before) + word + new string('.', after);
                Assert.True(expected == TextWords.In(text), $"{word} after {before} spaces, before {after} dots");
                Assert.True(0 == TextWords.In(text.Remove(before + word.Length - 1, 1)), $"{word} cut short after {before} spaces");
            }
        }
    }

    /// <summary>Texts made of pieces that start or nearly spell the words, against a search for each word.</summary>
    [Fact]
    public void AgreesWithASearchForEachWord()
    {
        string[] pieces =
        {
            "agent", "Agent", "reagent", "age", "cookie", "Cook", "session", "possession", "ses", "prox", "approx", "pro", "Proxy",
            "Headers", "Header", "headers", "Add", "AddHeader", "AddDefault", "With", "WithHeader", "Collection", "HeaderCollection",
            "TryAdd", "TryAddWithoutValidation", "WithoutValidation", "cap", "Cap", "tcha", "monster", "solver", "capacity", "_", "-",
            " ", ".", "\"", "x", "\u00e9", "\u0130", "\n",
        };
        var random = new Random(14);
        for (var round = 0; round < 3000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.True(Searched(text) == TextWords.In(text), text);
        }
    }

    private static int Searched(string text)
    {
        var found = 0;
        foreach (var word in EvasionSiteNames.MentionWords)
        {
            for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var insideLowerWord = at > 0 && char.IsAsciiLetterLower(text[at - 1]) && !char.IsAsciiLetterUpper(text[at]);
                found |= insideLowerWord ? 0 : Mention;
            }
        }

        found |= EvasionSiteNames.HeaderApiWords.Any(word => text.Contains(word, StringComparison.Ordinal)) ? Header : 0;
        found |= new[] { "tcha", "monster", "solver" }.Any(suffix => text.Contains("cap" + suffix, StringComparison.OrdinalIgnoreCase)) ? Captcha : 0;
        return found;
    }
}
