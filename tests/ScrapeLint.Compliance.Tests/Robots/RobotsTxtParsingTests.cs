using System.Text;
using Xunit;

namespace ScrapeLint.Compliance.Tests.Robots;

/// <summary>RFC 9309 section 2.2 and 2.5: line syntax, comments, encodings and limits.</summary>
public class RobotsTxtParsingTests
{
    private static bool Allowed(string robots, string agent, string url) => RobotsTxt.Parse(robots).IsAllowed(agent, url);

    [Theory]
    [InlineData("user-agent: *\ndisallow: /private\n")]
    [InlineData("USER-AGENT: *\nDISALLOW: /private\n")]
    [InlineData("User-Agent: *\nDisAllow: /private\n")]
    [InlineData("  User-agent :   *  \n\tDisallow\t:\t/private\t\n")]
    public void Directive_names_are_case_insensitive_and_whitespace_around_tokens_is_ignored(string robots)
    {
        Assert.False(Allowed(robots, "QuillBot", "/private/notes"));
        Assert.True(Allowed(robots, "QuillBot", "/public"));
    }

    [Theory]
    [InlineData("User-agent: *\nDisallow: /secret\n")]
    [InlineData("User-agent: *\r\nDisallow: /secret\r\n")]
    [InlineData("User-agent: *\rDisallow: /secret\r")]
    [InlineData("User-agent: *\r\n\nDisallow: /secret")]
    [InlineData("\uFEFFUser-agent: *\nDisallow: /secret\n")]
    public void Lf_cr_crlf_and_a_byte_order_mark_are_all_accepted(string robots)
    {
        Assert.False(Allowed(robots, "QuillBot", "/secret"));
        Assert.True(Allowed(robots, "QuillBot", "/open"));
    }

    [Fact]
    public void Comments_run_from_hash_to_end_of_line()
    {
        const string robots = "# Disallow: /\nUser-agent: * # everyone\nDisallow: /tmp # scratch\nDisallow: /a#b\n";
        var parsed = RobotsTxt.Parse(robots);

        Assert.True(parsed.IsAllowed("QuillBot", "/index.html"));
        Assert.False(parsed.IsAllowed("QuillBot", "/tmp/x"));
        Assert.False(parsed.IsAllowed("QuillBot", "/a")); // the rule is "/a"; "#b" is a comment
        Assert.False(parsed.IsAllowed("QuillBot", "/abc"));
    }

    [Fact]
    public void Unknown_and_malformed_lines_are_skipped_without_affecting_the_rest()
    {
        const string robots =
            "User-agent: *\n" +
            "Noindex: /everything\n" +
            "this line has no separator at all\n" +
            ":\n" +
            ": /orphan-value\n" +
            "Disallow: /private\n" +
            "Request-rate: 1/5\n" +
            "Host: mirror.example\n";

        Assert.False(Allowed(robots, "QuillBot", "/private"));
        Assert.True(Allowed(robots, "QuillBot", "/everything"));
        Assert.True(Allowed(robots, "QuillBot", "/orphan-value"));
    }

    [Fact]
    public void Rule_lines_are_only_recognised_with_a_known_key()
    {
        // Keys that merely resemble a directive do not count.
        const string robots = "Agent: *\nDeny: /\n";
        Assert.True(Allowed(robots, "QuillBot", "/anything"));
    }

    [Fact]
    public void A_key_and_value_separated_by_whitespace_only_is_accepted_when_the_line_has_exactly_two_words()
    {
        Assert.False(Allowed("User-agent *\nDisallow /closed\n", "QuillBot", "/closed"));
        // Three words: ambiguous, ignored.
        Assert.True(Allowed("User-agent: *\nDisallow /closed now\n", "QuillBot", "/closed"));
    }

    [Fact]
    public void Common_misspellings_of_disallow_and_user_agent_are_understood()
    {
        Assert.False(Allowed("Useragent: *\nDissallow: /x\n", "QuillBot", "/x"));
        Assert.False(Allowed("User-agent: *\nDisalow: /x\n", "QuillBot", "/x"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\n\t\r\n")]
    [InlineData("<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>")]
    [InlineData("\0\u0001\u0002 binary \uFFFD\uFFFD garbage")]
    [InlineData("{\"json\": true, \"disallow\": \"/\"}")]
    public void Null_empty_and_garbage_content_allows_everything(string? content)
    {
        var robots = RobotsTxt.Parse(content!);

        Assert.True(robots.IsAllowed("QuillBot", "/"));
        Assert.True(robots.IsAllowed("QuillBot", "/any/path?with=query"));
        Assert.Null(robots.GetCrawlDelay("QuillBot"));
        Assert.Empty(robots.Sitemaps);
    }

    [Fact]
    public void Html_served_as_robots_txt_still_yields_its_recognisable_lines()
    {
        const string robots = "<html>\n<pre>\nUser-agent: *\nDisallow: /admin\n</pre>\n</html>";
        Assert.False(Allowed(robots, "QuillBot", "/admin"));
        Assert.True(Allowed(robots, "QuillBot", "/"));
    }

    [Fact]
    public void A_rule_after_more_than_500_KiB_of_content_is_still_honoured()
    {
        var builder = new StringBuilder("User-agent: *\n");
        var filler = 0;
        while (builder.Length < 700 * 1024)
        {
            builder.Append("Disallow: /filler/").Append(filler++).Append("/page.html\n");
        }

        builder.Append("Disallow: /late-rule\n");
        var robots = RobotsTxt.Parse(builder.ToString());

        Assert.False(robots.IsAllowed("QuillBot", "/late-rule"));
        Assert.False(robots.IsAllowed("QuillBot", "/filler/17/page.html"));
        Assert.True(robots.IsAllowed("QuillBot", "/filler-not/17"));
    }

    [Fact]
    public void Content_beyond_the_parsing_limit_is_ignored_and_no_half_line_is_used()
    {
        var builder = new StringBuilder("User-agent: *\n");
        while (builder.Length < RobotsTxtParser.MaxContentLength - 30)
        {
            builder.Append("# padding padding padding padding padding padding\n");
        }

        // This rule straddles the limit: its truncated form "/ab" must not turn into a rule.
        builder.Append("Disallow: /abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnop\n");
        builder.Append("Disallow: /beyond\n");
        var robots = RobotsTxt.Parse(builder.ToString());

        Assert.True(robots.IsAllowed("QuillBot", "/beyond"));
        Assert.True(robots.IsAllowed("QuillBot", "/ab"));
    }

    [Fact]
    public void A_huge_single_line_is_parsed_quickly()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /" + new string('x', 5_000_000));
        // The line crosses the limit, so it is dropped: nothing is disallowed.
        Assert.True(robots.IsAllowed("QuillBot", "/x"));
    }

    [Fact]
    public void Non_ascii_text_in_values_is_read_as_unicode()
    {
        const string robots = "User-agent: *\nDisallow: /café\n";
        Assert.False(Allowed(robots, "QuillBot", "/caf%C3%A9/menu"));
        Assert.False(Allowed(robots, "QuillBot", "/café/menu"));
        Assert.True(Allowed(robots, "QuillBot", "/cafe/menu"));
    }
}
