using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Flurl;
using Flurl.Http;

namespace Woodgrove.Trading.Quotes;

public sealed record Quote(string Symbol, decimal Bid, decimal Ask, DateTimeOffset AsOf);

public sealed record Candle(DateTimeOffset Open, decimal OpenPrice, decimal Close, long Volume);

public interface IQuotesOptions
{
    string BaseUrl { get; }
    string ApiToken { get; }
}

/// <summary>Market data from our licensed vendor's REST API, called with Flurl.</summary>
public sealed class FlurlMarketQuotesClient
{
    private readonly IQuotesOptions options;

    public FlurlMarketQuotesClient(IQuotesOptions options) => this.options = options;

    public async Task<List<Quote>> QuotesAsync(IEnumerable<string> symbols, CancellationToken cancellationToken)
    {
        var quotes = new List<Quote>();
        foreach (var symbol in symbols)
        {
            var quote = await options.BaseUrl
                .AppendPathSegments("v1", "quotes", symbol)
                .SetQueryParam("token", options.ApiToken)
                .GetJsonAsync<Quote>(cancellationToken: cancellationToken);
            quotes.Add(quote);
        }

        return quotes;
    }

    public async Task<Dictionary<string, List<Candle>>> DailyCandlesAsync(IReadOnlyList<string> symbols, DateOnly from, CancellationToken cancellationToken)
    {
        var candles = new Dictionary<string, List<Candle>>();
        for (var i = 0; i < symbols.Count; i++)
        {
            var url = $"https://api.marketdata.example/v1/candles/{symbols[i]}?resolution=D&from={from:yyyy-MM-dd}&token={options.ApiToken}";
            candles[symbols[i]] = await url.GetJsonAsync<List<Candle>>(cancellationToken: cancellationToken);
        }

        return candles;
    }

    public async Task ExportCsvAsync(IEnumerable<string> symbols, string folder, CancellationToken cancellationToken)
    {
        foreach (var symbol in symbols)
        {
            await "https://api.marketdata.example/v1/exports"
                .AppendPathSegment($"{symbol}.csv")
                .SetQueryParam("token", options.ApiToken)
                .DownloadFileAsync(folder, $"{symbol}.csv", cancellationToken: cancellationToken);
        }
    }
}
