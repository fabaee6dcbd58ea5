using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

// Waits for the locally started API to become healthy before the integration suite runs (CI step).
var timeout = args.Length > 0 && int.TryParse(args[0], out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(2);
using var cts = new CancellationTokenSource(timeout);
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

var ready = await HealthGate.WaitUntilHealthyAsync(http, cts.Token);
Console.WriteLine(ready ? "API is healthy" : "API did not become healthy in time");
return ready ? 0 : 1;

internal static class HealthGate
{
    private static readonly string[] Probes =
    {
        "http://127.0.0.1:8080/health",
        "http://127.0.0.1:8080/health/ready",
        "http://localhost:8081/metrics",
    };

    public static async Task<bool> WaitUntilHealthyAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!cancellationToken.IsCancellationRequested)
        {
            var allUp = true;
            foreach (var probe in Probes)
            {
                try
                {
                    using var response = await http.GetAsync(probe, cancellationToken);
                    allUp &= response.IsSuccessStatusCode;
                    Console.WriteLine($"[{stopwatch.Elapsed:mm\\:ss}] {probe} -> {(int)response.StatusCode}");
                }
                catch (HttpRequestException ex)
                {
                    allUp = false;
                    Console.WriteLine($"[{stopwatch.Elapsed:mm\\:ss}] {probe} -> {ex.Message}");
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }

            if (allUp)
            {
                return true;
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return false;
    }
}
