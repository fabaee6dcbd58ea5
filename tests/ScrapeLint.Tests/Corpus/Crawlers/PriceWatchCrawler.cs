using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HtmlAgilityPack;

namespace PriceWatch.Crawling;

public sealed record TrackedProduct(string Sku, string PageUrl, string PriceXPath);

public sealed record PriceQuote(string Sku, decimal? Price, DateTimeOffset SeenAt);

/// <summary>Caches the Disallow rules of each origin's robots.txt.</summary>
public sealed class RobotsGate
{
    private readonly HttpClient _http;
    private readonly Dictionary<string, List<string>> _disallow = new Dictionary<string, List<string>>();

    public RobotsGate(HttpClient http) => _http = http;

    public async Task<bool> AllowsAsync(Uri url)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        if (!_disallow.TryGetValue(origin, out var rules))
        {
            rules = new List<string>();
            try
            {
                var text = await _http.GetStringAsync(origin + "/robots.txt");
                var applies = false;
                foreach (var raw in text.Split('\n'))
                {
                    var line = raw.Trim();
                    if (line.StartsWith("User-agent:", StringComparison.OrdinalIgnoreCase))
                    {
                        applies = line.Substring(11).Trim() == "*";
                    }
                    else if (applies && line.StartsWith("Disallow:", StringComparison.OrdinalIgnoreCase) && line.Length > 9)
                    {
                        rules.Add(line.Substring(9).Trim());
                    }
                }
            }
            catch (HttpRequestException)
            {
                // no robots.txt: everything allowed
            }

            _disallow[origin] = rules;
        }

        return !rules.Any(r => r.Length > 0 && url.AbsolutePath.StartsWith(r, StringComparison.Ordinal));
    }
}

public sealed class PriceWatchCrawler
{
    private readonly HtmlWeb _web = new HtmlWeb { UserAgent = "PriceWatch/3.2 (+https://pricewatch.example/crawler)" };
    private readonly RobotsGate _robots;

    public PriceWatchCrawler(RobotsGate robots) => _robots = robots;

    public async Task<List<PriceQuote>> RefreshAsync(IEnumerable<TrackedProduct> products, CancellationToken ct)
    {
        var quotes = new List<PriceQuote>();
        foreach (var product in products)
        {
            var url = new Uri(product.PageUrl);
            if (!await _robots.AllowsAsync(url))
            {
                continue;
            }

            var doc = await _web.LoadFromWebAsync(url.ToString(), ct); // expect: SL2002
            var node = doc.DocumentNode.SelectSingleNode(product.PriceXPath);
            quotes.Add(new PriceQuote(product.Sku, ParsePrice(node?.InnerText), DateTimeOffset.UtcNow));
        }

        return quotes;
    }

    /// <summary>Walks a category listing page by page to find product pages worth tracking.</summary>
    public async Task<List<string>> DiscoverAsync(string categoryUrl, CancellationToken ct)
    {
        var found = new List<string>();
        var page = 1;
        bool hasNext;
        do
        {
            var doc = await _web.LoadFromWebAsync($"{categoryUrl}?page={page}", ct); // expect: SL2001, SL2002
            var links = doc.DocumentNode.SelectNodes("//a[contains(@class,'product-tile')]");
            if (links != null)
            {
                found.AddRange(links.Select(a => a.GetAttributeValue("href", "")).Where(h => h.Length > 0));
            }

            hasNext = doc.DocumentNode.SelectSingleNode("//a[@rel='next']") != null;
            page++;
        }
        while (hasNext && page <= 200);

        return found;
    }

    private static decimal? ParsePrice(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var digits = new string(text.Where(c => char.IsDigit(c) || c == '.' || c == ',').ToArray()).Replace(",", "");
        return decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
