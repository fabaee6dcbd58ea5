// Ordinary state-keeping code: a worker that drains a field queue of jobs and posts each to the team's own API
// (constant URL), a client that keeps its base URL in a field and polls one status page with a pause, and a
// step method whose field queue is never refilled with links.
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Billing.Workers;

public sealed record InvoiceJob(string Id, decimal Amount);

public sealed class InvoiceWorker
{
    private readonly HttpClient _http = new();
    private readonly Queue<InvoiceJob> _jobs = new();

    public void Add(InvoiceJob job) => _jobs.Enqueue(job);

    public async Task RunAsync(CancellationToken ct)
    {
        while (_jobs.Count > 0 && !ct.IsCancellationRequested)
        {
            await SendNextAsync(ct);
        }
    }

    private async Task SendNextAsync(CancellationToken ct)
    {
        var job = _jobs.Dequeue();
        await _http.PostAsJsonAsync("https://billing.internal.example/api/invoices", job, ct);
    }
}

public sealed class StatusClient
{
    private readonly HttpClient _http = new();
    private readonly string _statusUrl;

    public StatusClient(string statusUrl) => _statusUrl = statusUrl;

    public Task<string> ReadAsync(CancellationToken ct) => _http.GetStringAsync(_statusUrl, ct);
}

public sealed class StatusPoller
{
    public async Task PollAsync(CancellationToken ct)
    {
        var client = new StatusClient("https://status.example.org/summary");
        while (!ct.IsCancellationRequested)
        {
            Console.WriteLine(await client.ReadAsync(ct));
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
        }
    }
}
