using Xunit;

namespace ScrapeLint.Compliance.Tests.Robots;

/// <summary>RFC 9309 section 2.2.1: groups, user-agent matching and merging.</summary>
public class RobotsTxtGroupTests
{
    private static bool Allowed(string robots, string agent, string url) => RobotsTxt.Parse(robots).IsAllowed(agent, url);

    [Fact]
    public void The_group_naming_the_crawler_is_used_instead_of_the_star_group()
    {
        const string robots =
            "User-agent: *\nDisallow: /\n\n" +
            "User-agent: QuillBot\nDisallow: /drafts\n";

        Assert.True(Allowed(robots, "QuillBot", "/articles"));
        Assert.False(Allowed(robots, "QuillBot", "/drafts/1"));
        Assert.False(Allowed(robots, "OtherBot", "/articles"));
    }

    [Fact]
    public void The_star_group_applies_when_no_group_names_the_crawler()
    {
        const string robots =
            "User-agent: FernCrawler\nDisallow: /\n\n" +
            "User-agent: *\nDisallow: /cgi-bin\n";

        Assert.True(Allowed(robots, "QuillBot", "/home"));
        Assert.False(Allowed(robots, "QuillBot", "/cgi-bin/run"));
        Assert.False(Allowed(robots, "FernCrawler", "/home"));
    }

    [Fact]
    public void Without_a_matching_group_or_a_star_group_everything_is_allowed()
    {
        const string robots = "User-agent: FernCrawler\nDisallow: /\n";
        Assert.True(Allowed(robots, "QuillBot", "/anything"));
    }

    [Theory]
    [InlineData("QuillBot")]
    [InlineData("quillbot")]
    [InlineData("QUILLBOT")]
    [InlineData("qUiLlBoT")]
    public void Agent_names_match_case_insensitively(string agent)
    {
        const string robots = "User-agent: *\nAllow: /\n\nUser-agent: QuillBot\nDisallow: /\n";
        Assert.False(Allowed(robots, agent, "/page"));
    }

    [Fact]
    public void The_agent_name_in_the_file_matches_case_insensitively_too()
    {
        Assert.False(Allowed("User-agent: QUILLBOT\nDisallow: /\n", "QuillBot", "/page"));
        Assert.False(Allowed("user-agent: quillbot\nDisallow: /\n", "QuillBot", "/page"));
    }

    [Theory]
    [InlineData("QuillBot/2.3 (+https://quill.example/bot)")]
    [InlineData("QuillBot/2.3")]
    [InlineData("QuillBot")]
    [InlineData("  QuillBot (compatible)")]
    public void A_whole_user_agent_header_is_matched_by_its_product_token(string agent)
    {
        const string robots = "User-agent: *\nAllow: /\n\nUser-agent: QuillBot\nDisallow: /members\n";
        Assert.False(Allowed(robots, agent, "/members/1"));
    }

    [Fact]
    public void Matching_is_on_the_whole_token_not_a_prefix()
    {
        const string robots = "User-agent: Quill\nDisallow: /\n\nUser-agent: QuillBotNews\nDisallow: /\n";
        Assert.True(Allowed(robots, "QuillBot", "/page"));
        Assert.False(Allowed(robots, "Quill/1.0", "/page"));
        Assert.False(Allowed(robots, "QuillBotNews", "/page"));
    }

    [Fact]
    public void Only_the_product_token_of_the_user_agent_line_in_the_file_is_compared()
    {
        // "QuillBot/1.0" and "QuillBot extra words" both name QuillBot.
        Assert.False(Allowed("User-agent: QuillBot/1.0\nDisallow: /\n", "QuillBot", "/x"));
        Assert.False(Allowed("User-agent: QuillBot extra words\nDisallow: /\n", "QuillBot", "/x"));
    }

    [Fact]
    public void Several_user_agent_lines_share_the_rules_that_follow_them()
    {
        const string robots =
            "User-agent: QuillBot\nUser-agent: FernCrawler\nDisallow: /shared\n\n" +
            "User-agent: *\nDisallow: /\n";

        Assert.False(Allowed(robots, "QuillBot", "/shared"));
        Assert.False(Allowed(robots, "FernCrawler", "/shared"));
        Assert.True(Allowed(robots, "QuillBot", "/other"));
        Assert.True(Allowed(robots, "FernCrawler", "/other"));
        Assert.False(Allowed(robots, "ThirdBot", "/other"));
    }

    [Fact]
    public void Groups_naming_the_same_agent_are_merged()
    {
        const string robots =
            "User-agent: QuillBot\nDisallow: /a\n\n" +
            "User-agent: FernCrawler\nDisallow: /b\n\n" +
            "User-agent: quillbot\nDisallow: /c\nAllow: /a/open\n";

        Assert.False(Allowed(robots, "QuillBot", "/a/closed"));
        Assert.True(Allowed(robots, "QuillBot", "/a/open"));
        Assert.True(Allowed(robots, "QuillBot", "/b"));
        Assert.False(Allowed(robots, "QuillBot", "/c"));
    }

    [Fact]
    public void Star_groups_are_merged_as_well()
    {
        const string robots = "User-agent: *\nDisallow: /x\n\nUser-agent: FernCrawler\nDisallow: /\n\nUser-agent: *\nDisallow: /y\n";
        Assert.False(Allowed(robots, "QuillBot", "/x"));
        Assert.False(Allowed(robots, "QuillBot", "/y"));
        Assert.True(Allowed(robots, "QuillBot", "/z"));
    }

    [Fact]
    public void The_star_group_is_not_merged_into_a_specific_group()
    {
        const string robots = "User-agent: *\nDisallow: /private\n\nUser-agent: QuillBot\nDisallow: /drafts\n";
        Assert.True(Allowed(robots, "QuillBot", "/private"));
    }

    [Fact]
    public void A_group_that_names_the_crawler_but_has_no_rules_allows_everything()
    {
        const string robots = "User-agent: *\nDisallow: /\n\nUser-agent: QuillBot\nDisallow:\n";
        Assert.True(Allowed(robots, "QuillBot", "/anything"));
        Assert.False(Allowed(robots, "OtherBot", "/anything"));
    }

    [Fact]
    public void Rules_before_the_first_user_agent_line_belong_to_no_group()
    {
        const string robots = "Disallow: /orphan\n\nUser-agent: *\nDisallow: /private\n";
        Assert.True(Allowed(robots, "QuillBot", "/orphan"));
        Assert.False(Allowed(robots, "QuillBot", "/private"));
    }

    [Fact]
    public void Blank_lines_do_not_end_a_group()
    {
        const string robots = "User-agent: QuillBot\n\nDisallow: /a\n\n\nDisallow: /b\n";
        Assert.False(Allowed(robots, "QuillBot", "/a"));
        Assert.False(Allowed(robots, "QuillBot", "/b"));
    }

    [Fact]
    public void A_user_agent_line_after_rules_starts_a_new_group()
    {
        const string robots = "User-agent: QuillBot\nDisallow: /a\nUser-agent: FernCrawler\nDisallow: /b\n";
        Assert.True(Allowed(robots, "QuillBot", "/b"));
        Assert.True(Allowed(robots, "FernCrawler", "/a"));
        Assert.False(Allowed(robots, "FernCrawler", "/b"));
    }

    [Fact]
    public void Lines_other_than_rules_between_user_agent_lines_keep_them_in_one_group()
    {
        const string robots =
            "User-agent: QuillBot\nSitemap: https://example.com/s.xml\nUnknown-directive: x\nUser-agent: *\nDisallow: /\n";
        Assert.False(Allowed(robots, "QuillBot", "/page"));
        Assert.False(Allowed(robots, "OtherBot", "/page"));
    }

    [Fact]
    public void An_empty_disallow_closes_the_agent_list_of_its_group()
    {
        const string robots = "User-agent: QuillBot\nDisallow:\nUser-agent: FernCrawler\nDisallow: /\n";
        Assert.True(Allowed(robots, "QuillBot", "/page"));
        Assert.False(Allowed(robots, "FernCrawler", "/page"));
    }

    [Fact]
    public void A_star_followed_by_other_text_is_still_the_star_group()
    {
        Assert.False(Allowed("User-agent: * # all bots\nDisallow: /x\n", "QuillBot", "/x"));
        Assert.False(Allowed("User-agent: * everyone\nDisallow: /x\n", "QuillBot", "/x"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/1.0")]
    [InlineData(null)]
    public void A_caller_without_a_product_token_gets_the_star_group(string? agent)
    {
        const string robots = "User-agent: QuillBot\nAllow: /\n\nUser-agent: *\nDisallow: /\n";
        Assert.False(RobotsTxt.Parse(robots).IsAllowed(agent!, "/page"));
    }

    [Fact]
    public void An_empty_user_agent_value_names_no_crawler()
    {
        const string robots = "User-agent:\nDisallow: /\n";
        Assert.True(Allowed(robots, "QuillBot", "/page"));
    }

    [Fact]
    public void Agent_names_with_hyphens_underscores_and_digits_match_exactly()
    {
        const string robots = "User-agent: Quill-Bot_2\nDisallow: /\n";
        Assert.False(Allowed(robots, "quill-bot_2/5.0", "/page"));
        Assert.True(Allowed(robots, "Quill-Bot", "/page"));
    }

    [Fact]
    public void One_parsed_file_answers_many_threads_and_agents_consistently()
    {
        const string robots = "User-agent: *\nDisallow: /all\n\nUser-agent: Bot0\nUser-agent: Bot1\nDisallow: /mine\n";
        var parsed = RobotsTxt.Parse(robots);
        var wrong = 0;

        System.Threading.Tasks.Parallel.For(0, 20_000, i =>
        {
            var agent = "Bot" + (i % 100);
            var named = i % 100 < 2;
            if (parsed.IsAllowed(agent, "/mine/x") == named || parsed.IsAllowed(agent, "/all/x") != named)
            {
                System.Threading.Interlocked.Increment(ref wrong);
            }
        });

        Assert.Equal(0, wrong);
    }
}
