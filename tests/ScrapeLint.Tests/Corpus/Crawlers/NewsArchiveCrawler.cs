using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HtmlAgilityPack;

namespace Newsroom.Archive;

public sealed record Article(Uri Url, string Headline, string Byline, string Body);

public interface IArticleStore
{
    Task SaveAsync(Article article, CancellationToken ct);

    Task SaveImageAsync(Uri article, string fileName, byte[] data, CancellationToken ct);
}

/// <summary>Reads and caches robots.txt per host, Disallow lines of the * group only.</summary>
public sealed class RobotsTxtCache
{
    private readonly HttpClient _http;
    private readonly Dictionary<string, string[]> _rules = new Dictionary<string, string[]>();

    public RobotsTxtCache(HttpClient http) => _http = http;

    public async Task<bool> IsAllowedAsync(Uri url, CancellationToken ct)
    {
        if (!_rules.TryGetValue(url.Host, out var disallow))
        {
            using var response = await _http.GetAsync(new Uri(url, "/robots.txt"), ct);
            var text = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(ct) : "";
            disallow = text.Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.StartsWith("Disallow:", StringComparison.OrdinalIgnoreCase))
                .Select(l => l.Substring(9).Trim())
                .Where(p => p.Length > 0)
                .ToArray();
            _rules[url.Host] = disallow;
        }

        return !disallow.Any(p => url.AbsolutePath.StartsWith(p, StringComparison.Ordinal));
    }
}

/// <summary>Archives a news site: breadth-first over same-host links, articles and their pictures.</summary>
public sealed class NewsArchiveCrawler
{
    private readonly HttpClient _http;
    private readonly RobotsTxtCache _robots;
    private readonly IArticleStore _store;
    private readonly TimeSpan _delay = TimeSpan.FromSeconds(1.5);

    public NewsArchiveCrawler(HttpClient http, RobotsTxtCache robots, IArticleStore store)
    {
        _http = http;
        _robots = robots;
        _store = store;
    }

    public async Task<int> CrawlAsync(Uri seed, int maxPages, CancellationToken ct)
    {
        var queue = new Queue<Uri>();
        var seen = new HashSet<Uri> { seed };
        queue.Enqueue(seed);
        var crawled = 0;

        while (queue.Count > 0 && crawled < maxPages)
        {
            var url = queue.Dequeue();
            if (!await _robots.IsAllowedAsync(url, ct))
            {
                continue;
            }

            await Task.Delay(_delay, ct);
            using var response = await _http.GetAsync(url, ct);
            if (!response.IsSuccessStatusCode)
            {
                continue;
            }

            crawled++;
            var doc = new HtmlDocument();
            doc.LoadHtml(await response.Content.ReadAsStringAsync(ct));

            var headline = doc.DocumentNode.SelectSingleNode("//article//h1");
            if (headline != null)
            {
                var byline = doc.DocumentNode.SelectSingleNode("//*[@rel='author']")?.InnerText.Trim() ?? "";
                var body = string.Join("\n", doc.DocumentNode.SelectNodes("//article//p")?.Select(p => p.InnerText.Trim()) ?? Enumerable.Empty<string>());
                await _store.SaveAsync(new Article(url, headline.InnerText.Trim(), byline, body), ct);

                foreach (var img in doc.DocumentNode.SelectNodes("//article//img[@src]") ?? Enumerable.Empty<HtmlNode>())
                {
                    if (!Uri.TryCreate(url, img.GetAttributeValue("src", ""), out var source))
                    {
                        continue;
                    }

                    var bytes = await _http.GetByteArrayAsync(source, ct); // expect: SL1002, SL2002
                    await _store.SaveImageAsync(url, Path.GetFileName(source.AbsolutePath), bytes, ct);
                }
            }

            foreach (var a in doc.DocumentNode.SelectNodes("//a[@href]") ?? Enumerable.Empty<HtmlNode>())
            {
                if (Uri.TryCreate(url, a.GetAttributeValue("href", ""), out var link)
                    && link.Host == seed.Host
                    && seen.Add(link))
                {
                    queue.Enqueue(link);
                }
            }
        }

        return crawled;
    }
}
