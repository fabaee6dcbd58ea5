using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Relecloud.Observability.Agent;

public sealed record ScrapeTarget(string Job, string Address);

public sealed record Sample(string Job, string Instance, string Metric, double Value, DateTimeOffset At);

public interface ISampleSink
{
    Task WriteAsync(IReadOnlyList<Sample> samples, CancellationToken cancellationToken);
}

public interface ITargetDiscovery
{
    Task<IReadOnlyList<ScrapeTarget>> TargetsAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Minimal metrics agent for the edge boxes: every 15 seconds it scrapes the /metrics endpoint of each
/// of our pods (Prometheus text exposition format) and forwards the samples.
/// </summary>
public sealed class PrometheusStyleMetricsScraper
{
    private readonly HttpClient http;
    private readonly ITargetDiscovery discovery;
    private readonly ISampleSink sink;

    public PrometheusStyleMetricsScraper(HttpClient http, ITargetDiscovery discovery, ISampleSink sink)
    {
        this.http = http;
        this.discovery = discovery;
        this.sink = sink;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(15));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            foreach (var target in await discovery.TargetsAsync(cancellationToken))
            {
                try
                {
                    var text = await http.GetStringAsync($"http://{target.Address}/metrics", cancellationToken);
                    await sink.WriteAsync(Parse(target, text, DateTimeOffset.UtcNow), cancellationToken);
                }
                catch (HttpRequestException)
                {
                    await sink.WriteAsync(new[] { new Sample(target.Job, target.Address, "up", 0, DateTimeOffset.UtcNow) }, cancellationToken);
                }
            }
        }
    }

    internal static List<Sample> Parse(ScrapeTarget target, string exposition, DateTimeOffset at)
    {
        var samples = new List<Sample> { new(target.Job, target.Address, "up", 1, at) };
        using var reader = new StringReader(exposition);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            if (space > 0 && double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                samples.Add(new Sample(target.Job, target.Address, line[..space], value, at));
            }
        }

        return samples;
    }
}
