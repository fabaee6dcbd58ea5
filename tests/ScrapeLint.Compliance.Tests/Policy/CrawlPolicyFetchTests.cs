using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ScrapeLint.Compliance.Tests.Policy;

/// <summary>RFC 9309 section 2.3 and 2.4 against a real HTTP server on 127.0.0.1.</summary>
public class CrawlPolicyFetchTests
{
    private const string Agent = "QuillBot/1.0 (+https://quill.example/bot)";
    private const string Robots = "User-agent: *\nDisallow: /private\n\nUser-agent: QuillBot\nDisallow: /drafts\n";

    private static CrawlPolicy NewPolicy(TimeProvider? time = null, TimeSpan? cache = null, TimeSpan? timeout = null) =>
        new(new CrawlPolicyOptions
        {
            UserAgent = Agent,
            MinDelayPerHost = TimeSpan.Zero,
            RobotsCacheDuration = cache ?? TimeSpan.FromHours(24),
            RobotsTxtTimeout = timeout ?? TimeSpan.FromSeconds(5),
        }, robotsTxtHandler: null, time ?? TimeProvider.System);

    private static LoopbackServer RobotsServer(Func<int, (int Status, string Body, string? RetryAfter)> robots, int delayMs = 0)
    {
        var calls = 0;
        return new LoopbackServer(async context =>
        {
            if (context.Request.Url!.AbsolutePath != "/robots.txt")
            {
                await LoopbackServer.WriteAsync(context, 200, "page");
                return;
            }

            var (status, body, retryAfter) = robots(Interlocked.Increment(ref calls));
            if (delayMs > 0)
            {
                await Task.Delay(delayMs);
            }

            await LoopbackServer.WriteAsync(context, status, body, retryAfter);
        });
    }

    [Fact]
    public async Task A_200_robots_txt_is_parsed_and_applied_for_the_product_token()
    {
        using var server = RobotsServer(_ => (200, Robots, null));
        using var policy = NewPolicy();

        Assert.False(await policy.IsAllowedAsync(server.Url("/drafts/1")));
        Assert.True(await policy.IsAllowedAsync(server.Url("/private/1"))); // QuillBot's own group applies
        Assert.True(await policy.IsAllowedAsync(server.Url("/")));
        Assert.Equal(1, server.Hits("/robots.txt"));
        Assert.Equal(Agent, server.UserAgents.Single());
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(410)]
    public async Task A_4xx_robots_txt_allows_everything(int status)
    {
        using var server = RobotsServer(_ => (status, "User-agent: *\nDisallow: /\n", null));
        using var policy = NewPolicy();

        Assert.True(await policy.IsAllowedAsync(server.Url("/anything")));
        Assert.True(policy.IsAllowed(server.Url("/other")));
        Assert.Equal(1, server.Hits("/robots.txt"));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task A_5xx_or_429_robots_txt_disallows_everything(int status)
    {
        using var server = RobotsServer(_ => (status, "User-agent: *\nAllow: /\n", null));
        using var policy = NewPolicy();

        Assert.False(await policy.IsAllowedAsync(server.Url("/anything")));
        Assert.False(policy.IsAllowed(server.Url("/")));
        Assert.True(await policy.IsAllowedAsync(server.Url("/robots.txt")));
    }

    [Fact]
    public async Task An_unreachable_robots_txt_is_retried_after_the_retry_interval_not_after_a_day()
    {
        var time = new FakeTimeProvider();
        using var server = RobotsServer(call => call == 1 ? (500, "", null) : (200, Robots, null));
        using var policy = NewPolicy(time);

        Assert.False(await policy.IsAllowedAsync(server.Url("/page")));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.False(await policy.IsAllowedAsync(server.Url("/page")));
        Assert.Equal(1, server.Hits("/robots.txt"));

        time.Advance(TimeSpan.FromSeconds(31));
        Assert.True(await policy.IsAllowedAsync(server.Url("/page")));
        Assert.False(await policy.IsAllowedAsync(server.Url("/drafts/x")));
        Assert.Equal(2, server.Hits("/robots.txt"));
    }

    [Fact]
    public async Task A_503_with_retry_after_waits_at_least_that_long_before_fetching_again()
    {
        var time = new FakeTimeProvider();
        using var server = RobotsServer(call => call == 1 ? (503, "", "300") : (200, Robots, null));
        using var policy = NewPolicy(time);

        Assert.False(await policy.IsAllowedAsync(server.Url("/page")));
        time.Advance(TimeSpan.FromSeconds(120));
        Assert.False(await policy.IsAllowedAsync(server.Url("/page")));
        Assert.Equal(1, server.Hits("/robots.txt"));

        time.Advance(TimeSpan.FromSeconds(181));
        Assert.True(await policy.IsAllowedAsync(server.Url("/page")));
        Assert.Equal(2, server.Hits("/robots.txt"));
    }

    [Fact]
    public async Task Five_redirects_are_followed_across_paths_and_hosts()
    {
        using var target = RobotsServer(_ => (200, "User-agent: *\nDisallow: /moved\n", null));
        using var server = new LoopbackServer(context =>
        {
            var path = context.Request.Url!.AbsolutePath;
            switch (path)
            {
                case "/robots.txt": LoopbackServer.Redirect(context, "/hop1", 301); break;
                case "/hop1": LoopbackServer.Redirect(context, "hop2", 302); break; // relative
                case "/hop2": LoopbackServer.Redirect(context, "/hop3", 307); break;
                case "/hop3": LoopbackServer.Redirect(context, new Uri(context.Request.Url!, "/hop4").ToString(), 308); break; // absolute
                case "/hop4": LoopbackServer.Redirect(context, target.Url("/robots.txt").ToString(), 303); break;
                default: return LoopbackServer.WriteAsync(context, 404);
            }

            return Task.CompletedTask;
        });

        using var policy = NewPolicy();

        Assert.False(await policy.IsAllowedAsync(server.Url("/moved/page")));
        Assert.True(await policy.IsAllowedAsync(server.Url("/stay")));
        Assert.Equal(1, target.Hits("/robots.txt"));
    }

    [Fact]
    public async Task More_than_five_redirects_mean_the_file_is_unavailable_and_allow_everything()
    {
        using var server = new LoopbackServer(context =>
        {
            var path = context.Request.Url!.AbsolutePath;
            if (path == "/robots.txt")
            {
                LoopbackServer.Redirect(context, "/r1");
            }
            else if (path.StartsWith("/r", StringComparison.Ordinal))
            {
                var n = int.Parse(path.Substring(2));
                if (n < 6)
                {
                    LoopbackServer.Redirect(context, "/r" + (n + 1));
                }
                else
                {
                    return LoopbackServer.WriteAsync(context, 200, "User-agent: *\nDisallow: /\n");
                }
            }

            return Task.CompletedTask;
        });
        using var policy = NewPolicy();

        Assert.True(await policy.IsAllowedAsync(server.Url("/page")));
        Assert.Equal(1, server.Hits("/r5"));
        Assert.Equal(0, server.Hits("/r6")); // the sixth redirect was not followed
    }

    [Fact]
    public async Task A_redirect_loop_stops_after_five_redirects()
    {
        using var server = new LoopbackServer(context =>
        {
            LoopbackServer.Redirect(context, context.Request.Url!.AbsolutePath == "/robots.txt" ? "/loop" : "/robots.txt");
            return Task.CompletedTask;
        });
        using var policy = NewPolicy();

        Assert.True(await policy.IsAllowedAsync(server.Url("/page")));
        Assert.Equal(6, server.Hits("/robots.txt") + server.Hits("/loop"));
    }

    [Fact]
    public async Task A_robots_txt_that_does_not_answer_in_time_disallows_everything()
    {
        using var server = RobotsServer(_ => (200, "User-agent: *\nAllow: /\n", null), delayMs: 3000);
        using var policy = NewPolicy(timeout: TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        Assert.False(await policy.IsAllowedAsync(server.Url("/page")));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_connection_failure_disallows_everything()
    {
        int port;
        using (var probe = new LoopbackServer(_ => Task.CompletedTask))
        {
            port = probe.Port;
        }

        using var policy = NewPolicy();
        Assert.False(await policy.IsAllowedAsync(new Uri($"http://127.0.0.1:{port}/page")));
    }

    [Fact]
    public async Task Concurrent_callers_for_one_origin_share_a_single_fetch()
    {
        using var server = RobotsServer(_ => (200, Robots, null), delayMs: 300);
        using var policy = NewPolicy();

        var checks = Enumerable.Range(0, 50)
            .Select(i => Task.Run(async () => await policy.IsAllowedAsync(server.Url(i % 2 == 0 ? "/drafts/" + i : "/page/" + i))))
            .ToArray();
        var results = await Task.WhenAll(checks);

        Assert.Equal(1, server.Hits("/robots.txt"));
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(i % 2 != 0, results[i]);
        }
    }

    [Fact]
    public async Task A_cancelled_caller_does_not_cancel_the_shared_fetch()
    {
        using var server = RobotsServer(_ => (200, Robots, null), delayMs: 400);
        using var policy = NewPolicy();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        var patient = policy.IsAllowedAsync(server.Url("/drafts/1")).AsTask();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await policy.IsAllowedAsync(server.Url("/page"), cancel.Token));

        Assert.False(await patient);
        Assert.Equal(1, server.Hits("/robots.txt"));
    }

    [Fact]
    public async Task Robots_txt_is_cached_per_origin_and_refetched_after_the_cache_duration()
    {
        var time = new FakeTimeProvider();
        using var server = RobotsServer(_ => (200, Robots, null));
        using var other = RobotsServer(_ => (200, "User-agent: *\nDisallow: /\n", null));
        using var policy = NewPolicy(time, cache: TimeSpan.FromHours(48)); // capped to 24 h

        Assert.True(await policy.IsAllowedAsync(server.Url("/a")));
        Assert.True(await policy.IsAllowedAsync(server.Url("/b?x=1")));
        Assert.False(await policy.IsAllowedAsync(other.Url("/a")));
        Assert.Equal(1, server.Hits("/robots.txt"));
        Assert.Equal(1, other.Hits("/robots.txt"));

        time.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        Assert.True(await policy.IsAllowedAsync(server.Url("/a")));
        Assert.Equal(1, server.Hits("/robots.txt"));

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await policy.IsAllowedAsync(server.Url("/a")));
        Assert.Equal(2, server.Hits("/robots.txt"));
    }

    [Fact]
    public async Task A_shorter_cache_duration_is_honoured()
    {
        var time = new FakeTimeProvider();
        using var server = RobotsServer(_ => (200, Robots, null));
        using var policy = NewPolicy(time, cache: TimeSpan.FromMinutes(10));

        await policy.IsAllowedAsync(server.Url("/a"));
        time.Advance(TimeSpan.FromMinutes(9));
        await policy.IsAllowedAsync(server.Url("/a"));
        Assert.Equal(1, server.Hits("/robots.txt"));
        time.Advance(TimeSpan.FromMinutes(2));
        await policy.IsAllowedAsync(server.Url("/a"));
        Assert.Equal(2, server.Hits("/robots.txt"));
    }

    [Fact]
    public async Task A_multi_megabyte_robots_txt_is_read_up_to_the_limit()
    {
        var body = new StringBuilder("User-agent: *\nDisallow: /early\n");
        while (body.Length < 3 * 1024 * 1024)
        {
            body.Append("Disallow: /generated/").Append(body.Length).Append('\n');
        }

        body.Append("Disallow: /too-late\n");
        var text = body.ToString();
        using var server = RobotsServer(_ => (200, text, null));
        using var policy = NewPolicy();

        Assert.False(await policy.IsAllowedAsync(server.Url("/early")));
        Assert.True(await policy.IsAllowedAsync(server.Url("/too-late")));
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task An_over_long_robots_txt_is_cut_at_its_last_line_break_whatever_the_line_ends(string newline)
    {
        var body = new StringBuilder("User-agent: *").Append(newline).Append("Disallow: /").Append(newline);
        while (body.Length < (2 * 1024 * 1024) + 100)
        {
            body.Append("# padding to push the file over the limit").Append(newline);
        }

        var text = body.ToString();
        using var server = RobotsServer(_ => (200, text, null));
        using var policy = NewPolicy();

        // Before: with CR-only line ends the cut found no LF, kept nothing, and allowed everything.
        Assert.False(await policy.IsAllowedAsync(server.Url("/page")));
    }

    [Fact]
    public async Task Urls_the_policy_cannot_check_are_not_allowed_and_fetch_nothing()
    {
        using var server = RobotsServer(_ => (200, "", null));
        using var policy = NewPolicy();

        Assert.False(await policy.IsAllowedAsync(new Uri("/relative/path", UriKind.Relative)));
        Assert.False(await policy.IsAllowedAsync(new Uri("ftp://127.0.0.1/file")));
        Assert.False(await policy.IsAllowedAsync(new Uri("file:///etc/passwd")));
        Assert.False(await policy.IsAllowedAsync(null!));
        Assert.False(policy.IsAllowed(null!));
        Assert.Equal(0, server.Hits("/robots.txt"));
    }

    [Fact]
    public async Task Sitemaps_and_the_file_itself_are_available_through_GetRobotsTxtAsync()
    {
        using var server = RobotsServer(_ => (200, "Sitemap: https://example.com/sitemap.xml\nUser-agent: *\nCrawl-delay: 3\n", null));
        using var policy = NewPolicy();

        var robots = await policy.GetRobotsTxtAsync(server.Url("/any"));

        Assert.Equal(new[] { "https://example.com/sitemap.xml" }, robots.Sitemaps);
        Assert.Equal(TimeSpan.FromSeconds(3), robots.GetCrawlDelay(policy.UserAgent));
    }

    [Fact]
    public async Task After_dispose_the_policy_refuses_to_work()
    {
        using var server = RobotsServer(_ => (200, Robots, null));
        var policy = NewPolicy();
        policy.Dispose();
        policy.Dispose(); // idempotent

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await policy.IsAllowedAsync(server.Url("/a")));
    }

    [Fact]
    public async Task The_robots_request_uses_the_given_handler()
    {
        using var handler = new StubRobotsHandler("User-agent: *\nDisallow: /x\n");
        using var policy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = Agent }, handler);

        Assert.False(await policy.IsAllowedAsync(new Uri("https://site.example/x")));
        Assert.True(await policy.IsAllowedAsync(new Uri("https://site.example/y")));
        Assert.False(await policy.IsAllowedAsync(new Uri("http://site.example/x"))); // another origin: another fetch
        Assert.Equal(2, handler.Requests);
    }
}
