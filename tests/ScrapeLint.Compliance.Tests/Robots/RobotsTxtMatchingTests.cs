using System.Diagnostics;
using Xunit;

namespace ScrapeLint.Compliance.Tests.Robots;

/// <summary>RFC 9309 sections 2.2.2 and 2.2.3: rule matching, precedence, wildcards and encoding.</summary>
public class RobotsTxtMatchingTests
{
    private static bool Allowed(string rules, string url) =>
        RobotsTxt.Parse("User-agent: *\n" + rules).IsAllowed("QuillBot", url);

    [Fact]
    public void Rules_match_as_path_prefixes()
    {
        const string rules = "Disallow: /shop\n";
        Assert.False(Allowed(rules, "/shop"));
        Assert.False(Allowed(rules, "/shop/cart"));
        Assert.False(Allowed(rules, "/shopping"));
        Assert.False(Allowed(rules, "/shop?item=1"));
        Assert.True(Allowed(rules, "/sho"));
        Assert.True(Allowed(rules, "/about/shop"));
    }

    [Fact]
    public void Paths_are_case_sensitive()
    {
        const string rules = "Disallow: /Private\n";
        Assert.False(Allowed(rules, "/Private/a"));
        Assert.True(Allowed(rules, "/private/a"));
        Assert.True(Allowed(rules, "/PRIVATE/a"));
    }

    [Fact]
    public void Urls_without_any_matching_rule_are_allowed()
    {
        Assert.True(Allowed("Disallow: /a\nAllow: /b\n", "/c"));
    }

    [Fact]
    public void The_longest_matching_rule_wins_whatever_the_order()
    {
        Assert.True(Allowed("Disallow: /docs\nAllow: /docs/public\n", "/docs/public/guide"));
        Assert.True(Allowed("Allow: /docs/public\nDisallow: /docs\n", "/docs/public/guide"));
        Assert.False(Allowed("Allow: /docs\nDisallow: /docs/internal\n", "/docs/internal/x"));
        Assert.False(Allowed("Disallow: /docs/internal\nAllow: /docs\n", "/docs/internal/x"));
    }

    [Fact]
    public void Disallow_root_with_a_longer_allow_opens_only_that_part()
    {
        const string rules = "Disallow: /\nAllow: /public/\n";
        Assert.True(Allowed(rules, "/public/index.html"));
        Assert.False(Allowed(rules, "/public"));
        Assert.False(Allowed(rules, "/"));
    }

    [Fact]
    public void Allow_wins_when_equally_long_rules_conflict()
    {
        Assert.True(Allowed("Disallow: /page\nAllow: /page\n", "/page"));
        Assert.True(Allowed("Allow: /page\nDisallow: /page\n", "/page"));
        Assert.True(Allowed("Disallow: /p*ge\nAllow: /pa*e\n", "/page"));
    }

    [Fact]
    public void Pattern_length_counts_wildcards_as_written()
    {
        // "/*.html" (7 characters) is longer than "/page" (5) and wins.
        const string rules = "Allow: /page\nDisallow: /*.html\n";
        Assert.False(Allowed(rules, "/page.html"));
        Assert.True(Allowed(rules, "/page"));
        Assert.True(Allowed(rules, "/page.htm"));
    }

    [Fact]
    public void Star_matches_any_sequence_including_an_empty_one()
    {
        const string rules = "Disallow: /users/*/photos\n";
        Assert.False(Allowed(rules, "/users/42/photos"));
        Assert.False(Allowed(rules, "/users/a/b/c/photos/9"));
        Assert.False(Allowed(rules, "/users//photos"));
        Assert.True(Allowed(rules, "/users/42/videos"));
        Assert.True(Allowed(rules, "/users/photos"));
    }

    [Fact]
    public void A_leading_star_matches_anywhere_in_the_path()
    {
        const string rules = "Disallow: *.pdf\n";
        Assert.False(Allowed(rules, "/reports/q1.pdf"));
        Assert.False(Allowed(rules, "/a.pdf?download=1"));
        Assert.True(Allowed(rules, "/reports/q1.docx"));
    }

    [Fact]
    public void A_trailing_star_changes_nothing()
    {
        Assert.False(Allowed("Disallow: /tmp*\n", "/tmp"));
        Assert.False(Allowed("Disallow: /tmp*\n", "/tmpfile"));
        Assert.False(Allowed("Disallow: /tmp***\n", "/tmp/x"));
    }

    [Fact]
    public void Dollar_anchors_the_end_of_the_url()
    {
        const string rules = "Disallow: /*.php$\n";
        Assert.False(Allowed(rules, "/index.php"));
        Assert.False(Allowed(rules, "/dir/page.php"));
        Assert.True(Allowed(rules, "/index.php?x=1"));
        Assert.True(Allowed(rules, "/index.php/extra"));
        Assert.True(Allowed(rules, "/index.phps"));
    }

    [Fact]
    public void Dollar_without_star_requires_the_exact_path()
    {
        const string rules = "Disallow: /exact$\n";
        Assert.False(Allowed(rules, "/exact"));
        Assert.True(Allowed(rules, "/exact/"));
        Assert.True(Allowed(rules, "/exactly"));
    }

    [Fact]
    public void Allow_root_only_with_dollar()
    {
        const string rules = "Disallow: /\nAllow: /$\n";
        Assert.True(Allowed(rules, "/"));
        Assert.True(Allowed(rules, "https://example.com"));
        Assert.False(Allowed(rules, "/index.html"));
    }

    [Fact]
    public void Dollar_inside_a_pattern_is_a_literal_character()
    {
        const string rules = "Disallow: /price$list\n";
        Assert.False(Allowed(rules, "/price$list"));
        Assert.True(Allowed(rules, "/price"));
    }

    [Fact]
    public void Star_and_dollar_combine()
    {
        const string rules = "Disallow: /a*b*c$\n";
        Assert.False(Allowed(rules, "/abc"));
        Assert.False(Allowed(rules, "/a-b-c"));
        Assert.False(Allowed(rules, "/aXbYbZc"));
        Assert.False(Allowed(rules, "/abcabc"));
        Assert.True(Allowed(rules, "/abcd"));
        Assert.True(Allowed(rules, "/acb"));
    }

    [Fact]
    public void The_last_segment_of_an_anchored_pattern_may_not_overlap_the_middle()
    {
        // "/ab*b$": "/ab" then a "b" that ends the path, after "/ab".
        const string rules = "Disallow: /ab*b$\n";
        Assert.True(Allowed(rules, "/ab"));
        Assert.False(Allowed(rules, "/abb"));
        Assert.False(Allowed(rules, "/ab-b"));
    }

    [Fact]
    public void The_query_string_is_part_of_the_matched_url()
    {
        const string rules = "Disallow: /*?sessionid=\nDisallow: /search?\n";
        Assert.False(Allowed(rules, "/cart?sessionid=42"));
        Assert.False(Allowed(rules, "/search?q=term"));
        Assert.True(Allowed(rules, "/search"));
        Assert.True(Allowed(rules, "/cart?page=2"));
    }

    [Fact]
    public void The_fragment_is_ignored()
    {
        const string rules = "Disallow: /page$\n";
        Assert.False(Allowed(rules, "/page#section-2"));
        Assert.False(Allowed(rules, "https://example.com/page#top"));
    }

    [Fact]
    public void Empty_allow_and_disallow_values_match_nothing()
    {
        Assert.True(Allowed("Disallow:\n", "/anything"));
        Assert.False(Allowed("Allow:\nDisallow: /x\n", "/x"));
    }

    [Theory]
    [InlineData("https://www.example.com/members/list?page=2")]
    [InlineData("http://www.example.com:8080/members/list")]
    [InlineData("HTTPS://WWW.EXAMPLE.COM/members")]
    [InlineData("//www.example.com/members/x")]
    [InlineData("/members")]
    [InlineData("www.example.com/members")]
    public void Absolute_urls_and_paths_are_both_accepted(string url)
    {
        Assert.False(Allowed("Disallow: /members\n", url));
    }

    [Theory]
    [InlineData("https://www.example.com")]
    [InlineData("https://www.example.com#frag")]
    [InlineData("https://www.example.com/")]
    public void A_url_without_a_path_is_the_root(string url)
    {
        Assert.False(Allowed("Disallow: /$\n", url));
        Assert.True(Allowed("Disallow: /a\n", url));
    }

    [Fact]
    public void A_url_with_only_a_query_has_the_root_path()
    {
        Assert.False(Allowed("Disallow: /?\n", "https://www.example.com?x=1"));
        Assert.True(Allowed("Disallow: /$\n", "https://www.example.com?x=1"));
    }

    [Fact]
    public void A_bare_query_is_matched_as_the_root_with_that_query()
    {
        Assert.False(Allowed("Disallow: /?s=\n", "?s=1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("http://")]
    [InlineData("::::")]
    public void Urls_that_are_not_urls_are_treated_as_the_root_path(string url)
    {
        Assert.False(Allowed("Disallow: /\n", url));
        Assert.True(Allowed("Disallow: /private\n", url));
    }

    [Fact]
    public void Robots_txt_itself_is_always_allowed()
    {
        const string rules = "Disallow: /\nDisallow: /robots.txt\n";
        Assert.True(Allowed(rules, "/robots.txt"));
        Assert.True(Allowed(rules, "https://example.com/robots.txt"));
        Assert.False(Allowed(rules, "/robots.txt.bak"));
        Assert.False(Allowed(rules, "/dir/robots.txt"));
    }

    [Theory]
    [InlineData("Disallow: /a%2fb\n", "/a%2Fb")]
    [InlineData("Disallow: /a%2Fb\n", "/a%2fb")]
    [InlineData("Disallow: /%7Euser\n", "/~user/home")]
    [InlineData("Disallow: /~user\n", "/%7euser/home")]
    [InlineData("Disallow: /foo/bar/%62%61%7A\n", "/foo/bar/baz")]
    [InlineData("Disallow: /foo/bar/baz\n", "/foo/bar/%62%61%7A")]
    [InlineData("Disallow: /foo/bar/ツ\n", "/foo/bar/%E3%83%84")]
    [InlineData("Disallow: /foo/bar/%E3%83%84\n", "/foo/bar/ツ")]
    [InlineData("Disallow: /foo/bar/%e3%83%84\n", "/foo/bar/%E3%83%84")]
    [InlineData("Disallow: /a b\n", "/a%20b")]
    [InlineData("Disallow: /100%\n", "/100%25")]
    [InlineData("Disallow: /emoji/😀\n", "/emoji/%F0%9F%98%80")]
    public void Percent_encoding_is_normalised_on_both_sides(string rules, string url)
    {
        Assert.False(Allowed(rules, url));
    }

    [Fact]
    public void Encoded_reserved_characters_stay_distinct_from_their_literal_form()
    {
        // %2F is data, "/" is a separator: RFC 3986 does not treat them as equal.
        Assert.True(Allowed("Disallow: /a/b\n", "/a%2Fb"));
        Assert.True(Allowed("Disallow: /a%2Fb\n", "/a/b"));
        Assert.True(Allowed("Disallow: /q%3Dx\n", "/q=x"));
    }

    [Fact]
    public void Encoded_star_and_dollar_in_a_rule_match_the_literal_characters()
    {
        // RFC 9309 section 2.2.3: the two examples of its table.
        Assert.False(Allowed("Disallow: /path/file-with-a-%2A.html\n", "https://www.example.com/path/file-with-a-*.html"));
        Assert.False(Allowed("Disallow: /path/foo-%24\n", "https://www.example.com/path/foo-$"));

        // Encoded, they are neither a wildcard nor an anchor.
        Assert.True(Allowed("Disallow: /path/file-with-a-%2A.html\n", "/path/file-with-a-b.html"));
        Assert.True(Allowed("Disallow: /path/foo-%24\n", "/path/foo-"));
        Assert.False(Allowed("Disallow: /path/foo-%24\n", "/path/foo-$/more"));

        // Lower-case escapes and escaped characters in the URL mean the same.
        Assert.False(Allowed("Disallow: /a-%2a\n", "/a-%2A"));
        Assert.False(Allowed("Disallow: /a-%2A\n", "/a-*"));
        Assert.False(Allowed("Disallow: /price%24list\n", "/price%24list"));

        // Literal '*' and '$' in a URL still meet the rules that use them as wildcard or literal.
        Assert.False(Allowed("Disallow: /a*z\n", "/a*z"));
        Assert.False(Allowed("Disallow: /price$list\n", "/price%24list"));
        Assert.False(Allowed("Disallow: /*$\n", "/any$"));
    }

    [Fact]
    public void A_query_with_nested_url_characters_matches_literally()
    {
        const string rules = "Disallow: /\nAllow: /redirect?to=https://other.example/?a=1&b=2\n";
        Assert.True(Allowed(rules, "https://example.com/redirect?to=https://other.example/?a=1&b=2"));
        Assert.False(Allowed(rules, "https://example.com/redirect?to=https://evil.example/"));
    }

    [Fact]
    public void A_hostile_pattern_against_a_long_path_returns_in_microseconds()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*a*b$\nDisallow: /*aaaaaaaaaaaaaaaaaaaaaaab\n");
        var path = "/" + new string('a', 100_000);
        Assert.True(robots.IsAllowed("QuillBot", path)); // warm-up, and the expected answer

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            Assert.True(robots.IsAllowed("QuillBot", path));
        }

        watch.Stop();
        // Generous bound for slow CI machines; a backtracking matcher takes minutes here.
        Assert.True(watch.Elapsed.TotalMilliseconds < 200, $"10 matches took {watch.Elapsed.TotalMilliseconds} ms");
        Assert.False(robots.IsAllowed("QuillBot", path + "b"));
    }

    [Fact]
    public void Many_rules_and_a_long_url_still_match_correctly()
    {
        var builder = new System.Text.StringBuilder("User-agent: *\n");
        for (var i = 0; i < 5000; i++)
        {
            builder.Append("Disallow: /section").Append(i).Append("/*/private$\n");
        }

        builder.Append("Allow: /section4999/open/private$\n");
        var robots = RobotsTxt.Parse(builder.ToString());

        Assert.False(robots.IsAllowed("QuillBot", "/section123/x/private"));
        Assert.True(robots.IsAllowed("QuillBot", "/section123/x/private/not"));
        Assert.True(robots.IsAllowed("QuillBot", "/section4999/open/private"));
    }
}
