using System;
using Xunit;

namespace ScrapeLint.Compliance.Tests.Robots;

/// <summary>Crawl-delay and Sitemap, the two widespread extensions RFC 9309 section 2.2.4 leaves open.</summary>
public class RobotsTxtExtensionsTests
{
    [Fact]
    public void Crawl_delay_is_read_from_the_group_that_applies()
    {
        var robots = RobotsTxt.Parse(
            "User-agent: *\nCrawl-delay: 10\nDisallow: /x\n\nUser-agent: QuillBot\nCrawl-delay: 2.5\nDisallow: /y\n");

        Assert.Equal(TimeSpan.FromSeconds(2.5), robots.GetCrawlDelay("QuillBot/1.0 (+https://quill.example)"));
        Assert.Equal(TimeSpan.FromSeconds(10), robots.GetCrawlDelay("OtherBot"));
    }

    [Fact]
    public void No_crawl_delay_gives_null()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nCrawl-delay: 5\n\nUser-agent: QuillBot\nDisallow: /\n");
        Assert.Null(robots.GetCrawlDelay("QuillBot"));
        Assert.Null(RobotsTxt.Parse("User-agent: *\nDisallow: /\n").GetCrawlDelay("QuillBot"));
    }

    [Theory]
    [InlineData("Crawl-delay: soon")]
    [InlineData("Crawl-delay: -5")]
    [InlineData("Crawl-delay: 5s")]
    [InlineData("Crawl-delay: NaN")]
    [InlineData("Crawl-delay:")]
    public void Unreadable_crawl_delays_are_ignored(string line)
    {
        Assert.Null(RobotsTxt.Parse("User-agent: *\n" + line + "\n").GetCrawlDelay("QuillBot"));
    }

    [Fact]
    public void The_largest_crawl_delay_of_merged_groups_applies()
    {
        var robots = RobotsTxt.Parse("User-agent: QuillBot\nCrawl-delay: 3\n\nUser-agent: FernCrawler\nDisallow: /\n\nUser-agent: QuillBot\nCrawl-delay: 7\n");
        Assert.Equal(TimeSpan.FromSeconds(7), robots.GetCrawlDelay("quillbot"));
    }

    [Fact]
    public void An_enormous_crawl_delay_is_read_as_one_day()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nCrawl-delay: 1e300\nCrawl-delay: 99999999999999999999\n");
        Assert.Equal(TimeSpan.FromDays(1), robots.GetCrawlDelay("QuillBot"));
    }

    [Fact]
    public void Crawl_delay_is_a_group_member_so_a_following_user_agent_starts_a_new_group()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nCrawl-delay: 4\n\nUser-agent: QuillBot\nDisallow: /x\n");
        Assert.Equal(TimeSpan.FromSeconds(4), robots.GetCrawlDelay("OtherBot"));
        Assert.True(robots.IsAllowed("OtherBot", "/x"));
        Assert.Null(robots.GetCrawlDelay("QuillBot"));
        Assert.False(robots.IsAllowed("QuillBot", "/x"));
    }

    [Fact]
    public void Crawl_delay_outside_any_group_is_ignored()
    {
        Assert.Null(RobotsTxt.Parse("Crawl-delay: 9\nUser-agent: *\nDisallow: /x\n").GetCrawlDelay("QuillBot"));
    }

    [Fact]
    public void Sitemaps_are_collected_from_anywhere_in_the_file_in_order_without_duplicates()
    {
        var robots = RobotsTxt.Parse(
            "Sitemap: https://example.com/sitemap-index.xml\n" +
            "User-agent: QuillBot\nDisallow: /\n" +
            "sitemap: https://example.com/news.xml # news\n" +
            "User-agent: *\nAllow: /\n" +
            "SITEMAP: https://example.com/sitemap-index.xml\n" +
            "Sitemap:\n");

        Assert.Equal(new[] { "https://example.com/sitemap-index.xml", "https://example.com/news.xml" }, robots.Sitemaps);
    }

    [Fact]
    public void Sitemap_lines_do_not_break_a_group()
    {
        var robots = RobotsTxt.Parse("User-agent: QuillBot\nSitemap: https://example.com/s.xml\nDisallow: /x\n");
        Assert.False(robots.IsAllowed("QuillBot", "/x"));
        Assert.Single(robots.Sitemaps);
    }
}
