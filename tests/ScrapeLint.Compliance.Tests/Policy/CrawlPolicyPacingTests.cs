using System;
using System.Diagnostics;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ScrapeLint.Compliance.Tests.Policy;

/// <summary>Per-host pacing: minimum delay, Crawl-delay, Retry-After and back-off, on a fake clock.</summary>
public class CrawlPolicyPacingTests
{
    private const string Agent = "QuillBot/1.0 (+https://quill.example/bot)";
    private static readonly Uri Page1 = new("https://site.example/1");
    private static readonly Uri Page2 = new("https://site.example/2");

    private static (CrawlPolicy Policy, FakeTimeProvider Time) NewPolicy(
        string robots = "", TimeSpan? minDelay = null, TimeSpan? maxCrawlDelay = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
        var policy = new CrawlPolicy(new CrawlPolicyOptions
        {
            UserAgent = Agent,
            MinDelayPerHost = minDelay ?? TimeSpan.FromSeconds(1),
            MaxCrawlDelay = maxCrawlDelay ?? TimeSpan.FromSeconds(30),
        }, new StubRobotsHandler(robots), time);
        return (policy, time);
    }

    // A turn that is due completes promptly once the fake clock reaches it.
    private static async Task AssertCompletes(ValueTask turn) => await turn.AsTask().WaitAsync(TimeSpan.FromSeconds(5));

    private static async Task AssertPending(Task turn)
    {
        await Task.Delay(50);
        Assert.False(turn.IsCompleted, "the turn came too early");
    }

    [Fact]
    public async Task The_first_request_to_a_host_goes_at_once_and_the_next_waits_the_minimum_delay()
    {
        var (policy, time) = NewPolicy();
        using var _ = policy;

        await AssertCompletes(policy.WaitTurnAsync(Page1));
        var second = policy.WaitTurnAsync(Page2).AsTask();
        await AssertPending(second);

        time.Advance(TimeSpan.FromMilliseconds(999));
        await AssertPending(second);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Queued_callers_are_spaced_one_delay_apart()
    {
        var (policy, time) = NewPolicy(minDelay: TimeSpan.FromSeconds(2));
        using var _ = policy;

        await AssertCompletes(policy.WaitTurnAsync(Page1));
        var second = policy.WaitTurnAsync(Page1).AsTask();
        var third = policy.WaitTurnAsync(Page1).AsTask();

        time.Advance(TimeSpan.FromSeconds(2));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        await AssertPending(third);

        time.Advance(TimeSpan.FromSeconds(2));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Hosts_are_paced_independently()
    {
        var (policy, _) = NewPolicy();
        using var __ = policy;

        await AssertCompletes(policy.WaitTurnAsync(new Uri("https://a.example/")));
        await AssertCompletes(policy.WaitTurnAsync(new Uri("https://b.example/")));
        await AssertCompletes(policy.WaitTurnAsync(new Uri("https://c.example/")));
    }

    [Fact]
    public async Task A_longer_crawl_delay_paces_the_host()
    {
        var (policy, time) = NewPolicy("User-agent: QuillBot\nCrawl-delay: 5\n");
        using var _ = policy;

        await AssertCompletes(policy.WaitTurnAsync(Page1));
        var second = policy.WaitTurnAsync(Page1).AsTask();
        time.Advance(TimeSpan.FromSeconds(4.9));
        await AssertPending(second);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_crawl_delay_above_the_maximum_is_capped()
    {
        var (policy, time) = NewPolicy("User-agent: *\nCrawl-delay: 3600\n", maxCrawlDelay: TimeSpan.FromSeconds(30));
        using var _ = policy;

        await AssertCompletes(policy.WaitTurnAsync(Page1));
        var second = policy.WaitTurnAsync(Page1).AsTask();
        time.Advance(TimeSpan.FromSeconds(29));
        await AssertPending(second);
        time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_crawl_delay_shorter_than_the_minimum_delay_does_not_shorten_it()
    {
        var (policy, time) = NewPolicy("User-agent: *\nCrawl-delay: 0.1\n", minDelay: TimeSpan.FromSeconds(2));
        using var _ = policy;

        await AssertCompletes(policy.WaitTurnAsync(Page1));
        var second = policy.WaitTurnAsync(Page1).AsTask();
        time.Advance(TimeSpan.FromSeconds(1));
        await AssertPending(second);
        time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Retry_after_in_seconds_pauses_the_host(HttpStatusCode status)
    {
        var (policy, time) = NewPolicy();
        using var _ = policy;
        await AssertCompletes(policy.WaitTurnAsync(Page1));

        using var response = new HttpResponseMessage(status);
        response.Headers.TryAddWithoutValidation("Retry-After", "120");
        policy.OnResponse(Page1, response);

        var next = policy.WaitTurnAsync(Page2).AsTask();
        time.Advance(TimeSpan.FromSeconds(119));
        await AssertPending(next);
        time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Retry_after_as_an_http_date_pauses_the_host_until_then()
    {
        var (policy, time) = NewPolicy();
        using var _ = policy;
        await AssertCompletes(policy.WaitTurnAsync(Page1));

        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", time.GetUtcNow().AddMinutes(10).ToString("r"));
        policy.OnResponse(Page1, response);

        var next = policy.WaitTurnAsync(Page1).AsTask();
        time.Advance(TimeSpan.FromMinutes(9));
        await AssertPending(next);
        time.Advance(TimeSpan.FromMinutes(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Retry_after_as_a_date_in_the_past_backs_off_like_a_missing_header()
    {
        var (policy, time) = NewPolicy(minDelay: TimeSpan.Zero);
        using var _ = policy;
        await AssertCompletes(policy.WaitTurnAsync(Page1));

        // A server whose clock lags (or a stale proxy) sends a date already gone: that is no licence to go on.
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", time.GetUtcNow().AddMinutes(-10).ToString("r"));
        policy.OnResponse(Page1, response);

        var next = policy.WaitTurnAsync(Page1).AsTask();
        await AssertPending(next);
        time.Advance(TimeSpan.FromMilliseconds(999));
        await AssertPending(next);
        time.Advance(TimeSpan.FromMilliseconds(1)); // the first back-off step without Retry-After: 1 s
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_pause_also_holds_back_callers_that_were_already_waiting()
    {
        var (policy, time) = NewPolicy();
        using var _ = policy;
        await AssertCompletes(policy.WaitTurnAsync(Page1));
        var waiting = policy.WaitTurnAsync(Page1).AsTask(); // due in 1 s

        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "60");
        policy.OnResponse(Page1, response);

        time.Advance(TimeSpan.FromSeconds(1));
        await AssertPending(waiting);
        time.Advance(TimeSpan.FromSeconds(59));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Retry_after_is_capped_by_MaxRetryAfter()
    {
        var time = new FakeTimeProvider();
        using var policy = new CrawlPolicy(new CrawlPolicyOptions
        {
            UserAgent = Agent,
            MaxRetryAfter = TimeSpan.FromMinutes(5),
        }, new StubRobotsHandler(""), time);
        await AssertCompletes(policy.WaitTurnAsync(Page1));

        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "999999999");
        policy.OnResponse(Page1, response);

        var next = policy.WaitTurnAsync(Page1).AsTask();
        time.Advance(TimeSpan.FromMinutes(5));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Repeated_429s_without_retry_after_back_off_exponentially_and_success_resets()
    {
        var (policy, time) = NewPolicy(minDelay: TimeSpan.Zero);
        using var _ = policy;
        using var tooMany = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        using var ok = new HttpResponseMessage(HttpStatusCode.OK);

        policy.OnResponse(Page1, tooMany); // pause 1 s
        var first = policy.WaitTurnAsync(Page1).AsTask();
        await AssertPending(first);
        time.Advance(TimeSpan.FromSeconds(1));
        await first.WaitAsync(TimeSpan.FromSeconds(5));

        policy.OnResponse(Page1, tooMany); // pause 2 s
        var second = policy.WaitTurnAsync(Page1).AsTask();
        time.Advance(TimeSpan.FromSeconds(1));
        await AssertPending(second);
        time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));

        policy.OnResponse(Page1, ok);
        policy.OnResponse(Page1, tooMany); // back to 1 s
        var third = policy.WaitTurnAsync(Page1).AsTask();
        time.Advance(TimeSpan.FromSeconds(1));
        await third.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Other_statuses_do_not_pause_the_host()
    {
        var (policy, _) = NewPolicy(minDelay: TimeSpan.Zero);
        using var __ = policy;
        using var notFound = new HttpResponseMessage(HttpStatusCode.NotFound);
        using var error = new HttpResponseMessage(HttpStatusCode.InternalServerError);
        error.Headers.TryAddWithoutValidation("Retry-After", "600");

        policy.OnResponse(Page1, notFound);
        policy.OnResponse(Page1, error);
        await AssertCompletes(policy.WaitTurnAsync(Page1));
    }

    [Fact]
    public async Task A_cancelled_wait_throws_and_gives_its_turn_back()
    {
        var (policy, time) = NewPolicy();
        using var _ = policy;
        await AssertCompletes(policy.WaitTurnAsync(Page1));

        using var cancel = new CancellationTokenSource();
        var abandoned = policy.WaitTurnAsync(Page1, cancel.Token).AsTask();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        // The next caller gets the abandoned slot (1 s), not the one after it (2 s).
        var next = policy.WaitTurnAsync(Page1).AsTask();
        time.Advance(TimeSpan.FromSeconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Unusable_urls_and_null_responses_are_ignored()
    {
        var (policy, _) = NewPolicy();
        using var __ = policy;

        await AssertCompletes(policy.WaitTurnAsync(null!));
        await AssertCompletes(policy.WaitTurnAsync(new Uri("relative", UriKind.Relative)));
        policy.WaitTurn(null!);
        policy.OnResponse(null!, new HttpResponseMessage(HttpStatusCode.TooManyRequests));
        policy.OnResponse(Page1, null!);
        await AssertCompletes(policy.WaitTurnAsync(Page1));
    }

    [Fact]
    public void The_synchronous_wait_blocks_for_the_delay_on_the_real_clock()
    {
        using var policy = new CrawlPolicy(new CrawlPolicyOptions
        {
            UserAgent = Agent,
            MinDelayPerHost = TimeSpan.FromMilliseconds(300),
        }, new StubRobotsHandler(""));

        policy.WaitTurn(Page1);
        var watch = Stopwatch.StartNew();
        policy.WaitTurn(Page1);
        watch.Stop();

        Assert.InRange(watch.Elapsed.TotalMilliseconds, 250, 3000);
    }
}
