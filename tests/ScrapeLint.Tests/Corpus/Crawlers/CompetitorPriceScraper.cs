using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using HtmlAgilityPack;

namespace PriceOps;

public sealed record StockInfo(string Sku, int Quantity);

/// <summary>Reads a rival shop's product pages; every variant someone needed at some point.</summary>
public sealed class CompetitorPriceScraper
{
    private const string Shop = "https://www.example-rival.com";
    private readonly HtmlWeb _web = new HtmlWeb();
    private readonly HttpClient _http;

    public CompetitorPriceScraper(HttpClient http) => _http = http;

    public ConcurrentDictionary<string, decimal?> ScrapeAll(IEnumerable<string> skus)
    {
        var prices = new ConcurrentDictionary<string, decimal?>();
        Parallel.ForEach(skus, sku => // expect: SL2003
        {
            var doc = _web.Load($"{Shop}/p/{sku}"); // expect: SL2001
            prices[sku] = ParsePrice(doc);
        });
        return prices;
    }

    public ConcurrentBag<string> ScrapeCategories(IReadOnlyList<string> categoryUrls)
    {
        var productLinks = new ConcurrentBag<string>();
        Parallel.ForEach(categoryUrls, new ParallelOptions { MaxDegreeOfParallelism = -1 }, url => // expect: SL2003
        {
            var doc = _web.Load(url); // expect: SL2001
            foreach (var a in doc.DocumentNode.SelectNodes("//a[@class='product-link']") ?? Enumerable.Empty<HtmlNode>())
            {
                productLinks.Add(a.GetAttributeValue("href", ""));
            }
        });
        return productLinks;
    }

    public ConcurrentDictionary<string, decimal?> ScrapeGently(IEnumerable<string> skus)
    {
        var prices = new ConcurrentDictionary<string, decimal?>();
        Parallel.ForEach(skus, new ParallelOptions { MaxDegreeOfParallelism = 3 }, sku =>
        {
            var doc = _web.Load($"{Shop}/p/{sku}"); // expect: SL2001
            prices[sku] = ParsePrice(doc);
        });
        return prices;
    }

    public List<decimal?> ScrapeSequential(IEnumerable<string> skus)
        => skus.Select(sku => _web.Load($"{Shop}/p/{sku}")).Select(ParsePrice).ToList(); // expect: SL2001, SL2002

    public async Task<StockInfo?[]> StockAsync(IEnumerable<string> skus)
        => await Task.WhenAll(skus.Select(sku => _http.GetFromJsonAsync<StockInfo>($"{Shop}/api/stock/{sku}")));

    private static decimal? ParsePrice(HtmlDocument doc)
    {
        var text = doc.DocumentNode.SelectSingleNode("//meta[@itemprop='price']")?.GetAttributeValue("content", "");
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var price) ? price : null;
    }
}
