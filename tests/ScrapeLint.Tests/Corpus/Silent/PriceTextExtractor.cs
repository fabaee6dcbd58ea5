// Regexes over fetched text that look for prices and version numbers, not links: a feed read in a loop over the
// team's own endpoints with a pause, and a Regex built from a local pattern.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Pricing;

public sealed class PriceTextExtractor
{
    private readonly HttpClient _http = new();

    public async Task<List<decimal>> ReadAsync(IEnumerable<string> skus)
    {
        var prices = new List<decimal>();
        foreach (var sku in skus)
        {
            var text = await _http.GetStringAsync($"https://prices.internal.example/api/sku/{sku}");
            prices.Add(Parse(text));
            await Task.Delay(250);
        }

        return prices;
    }

    private static decimal Parse(string text)
    {
        string pattern = @"price:\s*(?<p>\d+\.\d{2})";
        var match = new Regex(pattern).Match(text);
        return match.Success ? decimal.Parse(match.Groups["p"].Value) : 0m;
    }
}
