using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Headlines;

public sealed record NewsSite(string Name, Uri Home, string HeadlineSelector);

public sealed record Headline(string Site, string Url, string Title, string Lead);

/// <summary>robots.txt rules of each origin, read once.</summary>
public sealed class RobotsRules
{
    private readonly HttpClient _http;
    private readonly Dictionary<string, List<string>> _cache = new Dictionary<string, List<string>>();

    public RobotsRules(HttpClient http) => _http = http;

    public async Task<bool> AllowsAsync(Uri url, CancellationToken ct)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        if (!_cache.TryGetValue(origin, out var disallow))
        {
            using var response = await _http.GetAsync(origin + "/robots.txt", ct);
            var body = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(ct) : "";
            disallow = body.Split('\n')
                .Where(l => l.TrimStart().StartsWith("Disallow:", StringComparison.OrdinalIgnoreCase))
                .Select(l => l.Trim().Substring(9).Trim())
                .Where(p => p.Length > 0)
                .ToList();
            _cache[origin] = disallow;
        }

        return !disallow.Any(p => url.AbsolutePath.StartsWith(p, StringComparison.Ordinal));
    }
}

public sealed class HeadlineAggregator
{
    private readonly IBrowsingContext _context = BrowsingContext.New(Configuration.Default.WithDefaultLoader());
    private readonly RobotsRules _robots;
    private readonly RateLimiter _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 2,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 64,
        AutoReplenishment = true,
    });

    public HeadlineAggregator(RobotsRules robots) => _robots = robots;

    public async Task<List<Headline>> CollectAsync(IEnumerable<NewsSite> sites, CancellationToken ct)
    {
        var headlines = new List<Headline>();
        foreach (var site in sites)
        {
            if (!await _robots.AllowsAsync(site.Home, ct))
            {
                continue;
            }

            using var lease = await _limiter.AcquireAsync(1, ct);
            var home = await _context.OpenAsync(site.Home.ToString(), ct);
            var links = home.QuerySelectorAll<IHtmlAnchorElement>(site.HeadlineSelector)
                .Select(a => a.Href)
                .Where(h => h.StartsWith(site.Home.ToString(), StringComparison.Ordinal))
                .Distinct()
                .Take(20)
                .ToList();

            var articles = await Task.WhenAll(links.Select(link => _context.OpenAsync(link, ct))); // expect: SL2003
            headlines.AddRange(articles.Select(a => new Headline(
                site.Name,
                a.Url,
                a.QuerySelector("h1")?.TextContent.Trim() ?? a.Title ?? "",
                a.QuerySelector("article p")?.TextContent.Trim() ?? "")));
        }

        return headlines;
    }
}
