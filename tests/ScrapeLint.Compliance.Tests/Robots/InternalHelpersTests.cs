using Xunit;

namespace ScrapeLint.Compliance.Tests.Robots;

public class InternalHelpersTests
{
    [Theory]
    [InlineData("/plain/path?q=1", "/plain/path?q=1")]
    [InlineData("/%41%42%43", "/ABC")]
    [InlineData("/%7e%2d%2e%5f", "/~-._")]
    [InlineData("/%2f%3a%3f", "/%2F%3A%3F")]
    [InlineData("/%e3%83%84", "/%E3%83%84")]
    [InlineData("/ツ", "/%E3%83%84")]
    [InlineData("/é", "/%C3%A9")]
    [InlineData("/😀", "/%F0%9F%98%80")]
    [InlineData("/a b", "/a%20b")]
    [InlineData("/50%", "/50%25")]
    [InlineData("/%zz", "/%25zz")]
    [InlineData("/%4", "/%254")]
    [InlineData("/*.php$", "/*.php$")]
    [InlineData("/\"<>", "/%22%3C%3E")]
    public void Percent_normalisation(string input, string expected)
    {
        Assert.Equal(expected, PercentEncoding.Normalize(input));
    }

    [Fact]
    public void A_lone_surrogate_is_encoded_as_the_replacement_character()
    {
        Assert.Equal("/%EF%BF%BDx", PercentEncoding.Normalize("/\uD800x"));
    }

    [Theory]
    [InlineData("https://host/a/b?c=d#e", "/a/b?c=d")]
    [InlineData("https://host", "/")]
    [InlineData("https://host?q", "/?q")]
    [InlineData("https://user:pw@host:81/p", "/p")]
    [InlineData("//host/p", "/p")]
    [InlineData("/p?x", "/p?x")]
    [InlineData("?x", "/?x")]
    [InlineData("   /p   ", "/p")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("/a?u=http://b/c", "/a?u=http://b/c")]
    public void Url_path_extraction(string? url, string expected)
    {
        Assert.Equal(expected, UrlPath.Extract(url));
    }

    [Theory]
    [InlineData("AcmeBot/1.0 (+https://acme.example/bot)", "AcmeBot")]
    [InlineData("  Fern_Crawler-2 rest", "Fern_Crawler-2")]
    [InlineData("(bad)", "")]
    [InlineData(null, "")]
    public void Product_token_extraction(string? value, string expected)
    {
        Assert.Equal(expected, ProductToken.Extract(value));
    }

    [Theory]
    [InlineData("/a*c", "/abc", true)]
    [InlineData("/a*c", "/ab", false)]
    [InlineData("*", "/anything", true)]
    [InlineData("/a**b", "/ab", true)]
    [InlineData("/a*b$", "/ab", true)]
    [InlineData("/a*b$", "/abx", false)]
    [InlineData("/x$", "/x", true)]
    [InlineData("/x$", "/xy", false)]
    [InlineData("$", "/", false)]
    [InlineData("*$", "/", true)]
    [InlineData("/*/*/*$", "///", true)]
    [InlineData("/*/*/*$", "//", false)]
    public void Wildcard_matching(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, PathPattern.Compile(pattern).IsMatch(path));
    }

    [Theory]
    [InlineData("a\rb\rc", 5, 3)]
    [InlineData("a\nb\nc", 5, 3)]
    [InlineData("a\r\nbc", 5, 2)]
    [InlineData("abc\r", 3, -1)]
    [InlineData("abcde", 5, -1)]
    public void The_fetcher_finds_the_last_cr_or_lf_within_the_limit(string text, int limit, int expected)
    {
        Assert.Equal(expected, RobotsTxtFetcher.LastLineBreak(System.Text.Encoding.ASCII.GetBytes(text), limit));
    }
}
