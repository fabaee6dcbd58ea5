using System;

namespace ScrapeLint.Compliance;

/// <summary>Settings for a <see cref="CrawlPolicy"/>.</summary>
public sealed class CrawlPolicyOptions
{
    /// <summary>
    /// The User-Agent the crawler sends, which must identify the bot and how to reach its operator,
    /// for example <c>AcmeBot/1.0 (+https://acme.example/bot)</c>. Its leading product token
    /// (<c>AcmeBot</c>) is what robots.txt groups are matched against, so it must start with one.
    /// Do not impersonate a browser: site owners can only address a crawler they can recognise.
    /// </summary>
    public required string UserAgent { get; init; }

    /// <summary>The least time between the starts of two requests to one host. Default 1 second.</summary>
    public TimeSpan MinDelayPerHost { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The largest robots.txt <c>Crawl-delay</c> honoured; a larger one is capped to this. Default 30 seconds.
    /// </summary>
    public TimeSpan MaxCrawlDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a fetched robots.txt is reused. Default and maximum 24 hours (RFC 9309 section 2.4);
    /// larger values are reduced to 24 hours.
    /// </summary>
    public TimeSpan RobotsCacheDuration { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How soon a robots.txt that could not be fetched (5xx, 429, network failure, timeout) is tried
    /// again; until then the origin counts as fully disallowed. Default 1 minute. A longer
    /// <c>Retry-After</c> on the failed response is respected.
    /// </summary>
    public TimeSpan RobotsErrorRetryInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a robots.txt request may take before it counts as a network failure. Default 10 seconds.</summary>
    public TimeSpan RobotsTxtTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest pause a <c>Retry-After</c> header (or the back-off after a 429 or 503 without one)
    /// imposes on a host. Default 1 hour.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromHours(1);
}
