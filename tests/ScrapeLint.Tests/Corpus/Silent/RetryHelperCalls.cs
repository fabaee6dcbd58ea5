// Lambdas handed to the project's own helpers that are no iteration: a retry wrapper around one request, and a
// timing helper.
using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;

namespace Resilience;

public static class Retry
{
    public static async Task<T> ThreeTimesAsync<T>(Func<Task<T>> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (HttpRequestException) when (attempt < 3)
            {
                await Task.Delay(500 * attempt);
            }
        }
    }

    public static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed;
    }
}

public sealed class CatalogClient
{
    private readonly HttpClient _client = new();

    public Task<string> PageAsync(string url) => Retry.ThreeTimesAsync(() => _client.GetStringAsync(url));

    public Task<TimeSpan> ProbeAsync() => Retry.TimeAsync(() => _client.GetStringAsync("https://shop.example.org/health"));
}
