using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ScrapeLint.Compliance.Tests.Policy;

/// <summary>The handler against a real HTTP server on 127.0.0.1.</summary>
public class PoliteHttpHandlerTests
{
    private const string Agent = "QuillBot/1.0 (+https://quill.example/bot)";

    private static LoopbackServer Site() => new(context =>
    {
        var path = context.Request.Url!.AbsolutePath;
        return path switch
        {
            "/robots.txt" => LoopbackServer.WriteAsync(context, 200, "User-agent: *\nDisallow: /members\n"),
            "/busy" => LoopbackServer.WriteAsync(context, 429, "slow down", retryAfter: "30"),
            _ => LoopbackServer.WriteAsync(context, 200, "hello " + path),
        };
    });

    private static CrawlPolicy NewPolicy(TimeProvider? time = null) => new(new CrawlPolicyOptions
    {
        UserAgent = Agent,
        MinDelayPerHost = TimeSpan.Zero,
    }, null, time ?? TimeProvider.System);

    [Fact]
    public async Task An_allowed_request_is_sent_with_the_policy_user_agent()
    {
        using var server = Site();
        using var policy = NewPolicy();
        using var client = new HttpClient(new PoliteHttpHandler(policy, new HttpClientHandler()));

        var body = await client.GetStringAsync(server.Url("/articles/1"));

        Assert.Equal("hello /articles/1", body);
        Assert.Equal(1, server.Hits("/articles/1"));
        Assert.All(server.UserAgents, ua => Assert.Equal(Agent, ua));
    }

    [Fact]
    public async Task A_user_agent_already_on_the_request_is_kept()
    {
        using var server = Site();
        using var policy = NewPolicy();
        using var client = new HttpClient(new PoliteHttpHandler(policy, new HttpClientHandler()));
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Url("/page"));
        request.Headers.UserAgent.ParseAdd("QuillBot-News/2.0");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new[] { Agent, "QuillBot-News/2.0" }, server.UserAgents.ToArray());
    }

    [Fact]
    public async Task A_disallowed_request_throws_and_is_never_sent()
    {
        using var server = Site();
        using var policy = NewPolicy();
        using var client = new HttpClient(new PoliteHttpHandler(policy, new HttpClientHandler()));
        var url = server.Url("/members/alice");

        var error = await Assert.ThrowsAsync<RobotsDisallowedException>(() => client.GetAsync(url));

        Assert.Equal(url, error.Url);
        Assert.IsAssignableFrom<HttpRequestException>(error);
        Assert.Equal(0, server.Hits("/members/alice"));
        Assert.Equal(1, server.Hits("/robots.txt"));
    }

    [Fact]
    public void The_synchronous_send_path_applies_the_policy_too()
    {
        using var server = Site();
        using var policy = NewPolicy();
        using var client = new HttpClient(new PoliteHttpHandler(policy, new HttpClientHandler()));

        using var ok = client.Send(new HttpRequestMessage(HttpMethod.Get, server.Url("/sync")));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Throws<RobotsDisallowedException>(() => client.Send(new HttpRequestMessage(HttpMethod.Get, server.Url("/members"))));
        Assert.Equal(0, server.Hits("/members"));
    }

    [Fact]
    public async Task A_429_with_retry_after_pauses_later_requests_to_that_host()
    {
        var time = new FakeTimeProvider();
        using var server = Site();
        using var policy = NewPolicy(time);
        using var client = new HttpClient(new PoliteHttpHandler(policy, new HttpClientHandler()));

        using (var busy = await client.GetAsync(server.Url("/busy")))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, busy.StatusCode);
        }

        var next = client.GetStringAsync(server.Url("/after"));
        await Task.Delay(100);
        Assert.False(next.IsCompleted);
        Assert.Equal(0, server.Hits("/after"));

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("hello /after", await next.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void The_handler_requires_a_policy()
    {
        Assert.Throws<ArgumentNullException>(() => new PoliteHttpHandler(null!));
        using var policy = NewPolicy();
        Assert.Throws<ArgumentNullException>(() => new PoliteHttpHandler(policy, null!));
    }
}
