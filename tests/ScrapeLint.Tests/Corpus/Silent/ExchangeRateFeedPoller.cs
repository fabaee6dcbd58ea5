using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Woodgrove.Treasury.Rates;

public sealed record RatesSnapshot(
    [property: JsonPropertyName("base")] string Base,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("rates")] Dictionary<string, decimal> Rates);

public interface IClock
{
    DateTimeOffset UtcNow { get; }
}

/// <summary>Background refresher that keeps an in-memory copy of the ECB-derived EUR reference rates.</summary>
public sealed class ExchangeRateFeedPoller
{
    private const string FeedUrl = "https://rates.woodgrove-treasury.example/v1/latest?base=EUR";
    private readonly HttpClient http;
    private readonly IClock clock;
    private readonly ConcurrentDictionary<string, decimal> current = new(StringComparer.OrdinalIgnoreCase);

    public ExchangeRateFeedPoller(HttpClient http, IClock clock)
    {
        this.http = http;
        this.clock = clock;
    }

    public DateTimeOffset LastRefreshed { get; private set; }

    public bool TryGetRate(string currency, out decimal rate) => current.TryGetValue(currency, out rate);

    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var snapshot = await http.GetFromJsonAsync<RatesSnapshot>(FeedUrl, cancellationToken);
                if (snapshot is not null)
                {
                    foreach (var (currency, rate) in snapshot.Rates)
                    {
                        current[currency] = rate;
                    }

                    current[snapshot.Base] = 1m;
                    LastRefreshed = clock.UtcNow;
                }
            }
            catch (HttpRequestException)
            {
                // Keep serving the previous rates; the next tick retries.
            }

            await Task.Delay(interval, cancellationToken);
        }
    }
}
