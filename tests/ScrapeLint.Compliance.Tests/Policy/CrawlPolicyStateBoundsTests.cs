using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ScrapeLint.Compliance.Tests.Policy;

/// <summary>
/// The per-host and per-origin tables stay within their bounds by evicting idle state, never by forgetting
/// a pause or a pacing slot that still applies, and never by allowing what robots.txt forbids.
/// </summary>
public class CrawlPolicyStateBoundsTests
{
    private const string Agent = "QuillBot/1.0 (+https://quill.example/bot)";

    private static CrawlPolicy NewPolicy(FakeTimeProvider time, HttpMessageHandler robots, int maxHosts, int maxOrigins) =>
        new(new CrawlPolicyOptions { UserAgent = Agent, MinDelayPerHost = TimeSpan.FromSeconds(1) }, robots, time, maxHosts, maxOrigins);

    [Fact]
    public async Task Host_state_stays_bounded_and_a_paused_host_keeps_its_pause()
    {
        var time = new FakeTimeProvider();
        using var policy = NewPolicy(time, new StubRobotsHandler(""), maxHosts: 100, maxOrigins: 10_000);
        var paused = new Uri("https://paused.example/");
        await policy.WaitTurnAsync(paused);
        using (var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests))
        {
            response.Headers.TryAddWithoutValidation("Retry-After", "600");
            policy.OnResponse(paused, response);
        }

        for (var i = 0; i < 1_000; i++)
        {
            await policy.WaitTurnAsync(new Uri($"https://host{i}.example/")).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            time.Advance(TimeSpan.FromSeconds(2)); // each host is idle again two seconds later
            Assert.InRange(policy.TrackedHostCount, 1, 101);
        }

        // 2000 s have passed: the 600 s pause is over. Pause again and crowd the table once more.
        using (var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests))
        {
            response.Headers.TryAddWithoutValidation("Retry-After", "600");
            policy.OnResponse(paused, response);
        }

        for (var i = 0; i < 500; i++)
        {
            await policy.WaitTurnAsync(new Uri($"https://other{i}.example/")).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            time.Advance(TimeSpan.FromMilliseconds(1_100));
        }

        // 550 s into the 600 s pause, after 500 other hosts went through a 100-host table: still paused.
        var next = policy.WaitTurnAsync(paused).AsTask();
        await Task.Delay(50);
        Assert.False(next.IsCompleted, "the pause was forgotten when other hosts were evicted");
        time.Advance(TimeSpan.FromSeconds(50));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.InRange(policy.TrackedHostCount, 1, 101);
    }

    [Fact]
    public async Task A_host_whose_next_slot_lies_ahead_is_not_evicted_while_idle_hosts_remain()
    {
        var time = new FakeTimeProvider();
        using var policy = new CrawlPolicy(
            new CrawlPolicyOptions { UserAgent = Agent, MinDelayPerHost = TimeSpan.FromSeconds(1) },
            new SlowHostRobots(), time, 50, 10_000);
        var slow = new Uri("https://slow.example/");
        await policy.WaitTurnAsync(slow);

        for (var i = 0; i < 200; i++)
        {
            await policy.WaitTurnAsync(new Uri($"https://h{i}.example/")).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
            time.Advance(TimeSpan.FromMilliseconds(100)); // 20 s in all, within the 30 s Crawl-delay of 'slow'
        }

        var next = policy.WaitTurnAsync(slow).AsTask();
        await Task.Delay(50);
        Assert.False(next.IsCompleted, "the host's pacing slot was forgotten");
        time.Advance(TimeSpan.FromSeconds(10));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_robots_txt_cache_stays_bounded_and_an_evicted_origin_is_fetched_again()
    {
        var time = new FakeTimeProvider();
        var robots = new StubRobotsHandler("User-agent: *\nDisallow: /private\n");
        using var policy = NewPolicy(time, robots, maxHosts: 10_000, maxOrigins: 40);

        var first = new Uri("https://origin-first.example/private/x");
        Assert.False(await policy.IsAllowedAsync(first));
        for (var i = 0; i < 400; i++)
        {
            Assert.True(await policy.IsAllowedAsync(new Uri($"https://origin{i}.example/page")));
            Assert.InRange(policy.CachedOriginCount, 1, 41);
        }

        Assert.Equal(401, robots.Requests);

        // The least recently used origin went; asking again fetches its robots.txt again and still obeys it.
        Assert.False(await policy.IsAllowedAsync(first));
        Assert.Equal(402, robots.Requests);
    }

    [Fact]
    public async Task Expired_origins_are_evicted_before_fresh_ones()
    {
        var time = new FakeTimeProvider();
        var robots = new StubRobotsHandler("");
        using var policy = NewPolicy(time, robots, maxHosts: 10_000, maxOrigins: 40);

        // 30 origins whose robots.txt then expires, and 9 fresh ones used before them in LRU order.
        for (var i = 0; i < 9; i++)
        {
            await policy.IsAllowedAsync(new Uri($"https://fresh{i}.example/"));
        }

        for (var i = 0; i < 30; i++)
        {
            await policy.IsAllowedAsync(new Uri($"https://stale{i}.example/"));
        }

        time.Advance(TimeSpan.FromHours(23));
        for (var i = 0; i < 9; i++)
        {
            await policy.IsAllowedAsync(new Uri($"https://fresh{i}.example/")); // cached: no fetch
        }

        Assert.Equal(39, robots.Requests);
        time.Advance(TimeSpan.FromHours(2)); // the stale ones expire (24 h), the fresh ones were fetched 25 h ago too...
        for (var i = 0; i < 9; i++)
        {
            await policy.IsAllowedAsync(new Uri($"https://fresh{i}.example/")); // ...so refetch them: fresh again
        }

        Assert.Equal(48, robots.Requests);
        await policy.IsAllowedAsync(new Uri("https://newcomer0.example/"));
        await policy.IsAllowedAsync(new Uri("https://newcomer1.example/")); // the table is full: sweep

        Assert.InRange(policy.CachedOriginCount, 11, 30);
        for (var i = 0; i < 9; i++)
        {
            await policy.IsAllowedAsync(new Uri($"https://fresh{i}.example/"));
        }

        Assert.Equal(50, robots.Requests); // no fresh origin was evicted
    }

    [Fact]
    public void The_synchronous_wait_needs_no_timer_callback_so_a_starved_thread_pool_cannot_hold_it()
    {
        // A clock whose timers never fire: what a thread pool too busy to run timer callbacks looks like.
        using var policy = new CrawlPolicy(
            new CrawlPolicyOptions { UserAgent = Agent, MinDelayPerHost = TimeSpan.FromMilliseconds(200) },
            new StubRobotsHandler(""), new TimersNeverFire());
        var url = new Uri("https://site.example/");
        var elapsed = TimeSpan.Zero;
        var caller = new Thread(() =>
        {
            policy.WaitTurn(url);
            var watch = Stopwatch.StartNew();
            policy.WaitTurn(url);
            elapsed = watch.Elapsed;
        });

        caller.Start();
        Assert.True(caller.Join(TimeSpan.FromSeconds(10)), "the synchronous wait hung on a timer that never fired");
        Assert.InRange(elapsed.TotalMilliseconds, 199, 3_000);
    }

    /// <summary>robots.txt with a 30 s Crawl-delay for slow.example, an empty one elsewhere.</summary>
    private sealed class SlowHostRobots : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(request.RequestUri!.Host == "slow.example" ? "User-agent: *\nCrawl-delay: 30\n" : ""),
                RequestMessage = request,
            });
    }

    private sealed class TimersNeverFire : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new DeadTimer();

        private sealed class DeadTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => true;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => default;
        }
    }
}
