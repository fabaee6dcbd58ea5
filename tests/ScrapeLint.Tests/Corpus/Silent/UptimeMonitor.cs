using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Fabrikam.Ops.Uptime;

public interface IUptimeOptions
{
    IReadOnlyList<Uri> Endpoints { get; }
    TimeSpan Interval { get; }
}

public interface IAlertSink
{
    Task RaiseAsync(Uri endpoint, string reason, CancellationToken cancellationToken);
    Task ResolveAsync(Uri endpoint, CancellationToken cancellationToken);
}

public sealed record ProbeResult(Uri Endpoint, int? StatusCode, TimeSpan Elapsed);

/// <summary>Pings the configured service URLs every interval and raises alerts on failure.</summary>
public sealed class UptimeMonitor
{
    private readonly HttpClient http;
    private readonly IUptimeOptions options;
    private readonly IAlertSink alerts;
    private readonly HashSet<Uri> down = new();

    public UptimeMonitor(HttpClient http, IUptimeOptions options, IAlertSink alerts)
    {
        this.http = http;
        this.options = options;
        this.alerts = alerts;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Interval);
        do
        {
            foreach (var endpoint in options.Endpoints)
            {
                var result = await ProbeAsync(endpoint, cancellationToken);
                var healthy = result.StatusCode is >= 200 and < 400;
                if (!healthy && down.Add(endpoint))
                {
                    await alerts.RaiseAsync(endpoint, result.StatusCode?.ToString() ?? "unreachable", cancellationToken);
                }
                else if (healthy && down.Remove(endpoint))
                {
                    await alerts.ResolveAsync(endpoint, cancellationToken);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    private async Task<ProbeResult> ProbeAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, endpoint);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return new ProbeResult(endpoint, (int)response.StatusCode, stopwatch.Elapsed);
        }
        catch (HttpRequestException)
        {
            return new ProbeResult(endpoint, null, stopwatch.Elapsed);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(endpoint, null, stopwatch.Elapsed);
        }
    }
}
