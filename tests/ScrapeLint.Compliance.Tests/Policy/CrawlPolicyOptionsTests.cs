using System;
using Xunit;

namespace ScrapeLint.Compliance.Tests.Policy;

public class CrawlPolicyOptionsTests
{
    [Fact]
    public void Defaults_match_the_documentation()
    {
        var options = new CrawlPolicyOptions { UserAgent = "QuillBot/1.0" };

        Assert.Equal(TimeSpan.FromSeconds(1), options.MinDelayPerHost);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxCrawlDelay);
        Assert.Equal(TimeSpan.FromHours(24), options.RobotsCacheDuration);
        Assert.Equal(TimeSpan.FromMinutes(1), options.RobotsErrorRetryInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), options.RobotsTxtTimeout);
        Assert.Equal(TimeSpan.FromHours(1), options.MaxRetryAfter);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/1.0 (no product)")]
    [InlineData("(+https://quill.example)")]
    [InlineData("QuillBot/1.0\r\nX-Injected: 1")]
    public void An_unusable_user_agent_is_rejected(string userAgent)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new CrawlPolicy(new CrawlPolicyOptions { UserAgent = userAgent }));
        Assert.Contains("UserAgent", error.Message);
    }

    [Fact]
    public void A_null_user_agent_or_null_options_are_rejected()
    {
        Assert.ThrowsAny<ArgumentException>(() => new CrawlPolicy(new CrawlPolicyOptions { UserAgent = null! }));
        Assert.Throws<ArgumentNullException>(() => new CrawlPolicy(null!));
        Assert.Throws<ArgumentNullException>(() => new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "QuillBot" }, null, null!));
    }

    [Fact]
    public void An_identifying_user_agent_is_accepted_and_kept()
    {
        using var policy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "  QuillBot/1.0 (+https://quill.example/bot)  " });
        Assert.Equal("QuillBot/1.0 (+https://quill.example/bot)", policy.UserAgent);
    }

    [Fact]
    public void Negative_durations_do_not_break_the_policy()
    {
        using var policy = new CrawlPolicy(new CrawlPolicyOptions
        {
            UserAgent = "QuillBot",
            MinDelayPerHost = TimeSpan.FromSeconds(-5),
            MaxCrawlDelay = TimeSpan.MinValue,
            RobotsCacheDuration = TimeSpan.MaxValue,
            MaxRetryAfter = TimeSpan.MaxValue,
            RobotsTxtTimeout = TimeSpan.FromSeconds(-1),
        }, new StubRobotsHandler("User-agent: *\nDisallow: /x\n"));

        Assert.False(policy.IsAllowed(new Uri("https://site.example/x")));
        policy.WaitTurn(new Uri("https://site.example/y"));
        policy.WaitTurn(new Uri("https://site.example/y"));
    }
}
