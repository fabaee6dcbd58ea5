// Polling one status page with a fresh cache-busting token, a retry loop that logs a new correlation id per attempt,
// and a counter kept for statistics: the page requested is always the same one.
using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Ops.Status;

public sealed class CacheBustedStatusPoller
{
    private readonly HttpClient _http = new();
    private int _requests;

    public async Task PollAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var body = await _http.GetStringAsync(StatusUrl(), ct);
            Console.WriteLine(body.Length);
            await Task.Delay(TimeSpan.FromSeconds(15), ct);
        }
    }

    public async Task<bool> RetryAsync()
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Console.WriteLine($"attempt {attempt}, correlation {Guid.NewGuid()}");
            if ((await _http.GetAsync("https://status.example.org/health")).IsSuccessStatusCode)
            {
                return true;
            }
        }

        return false;
    }

    private string StatusUrl()
    {
        _requests++;
        return "https://status.example.org/summary.json";
    }
}
