using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Relecloud.Telemetry.Ingest;

public interface IIngestOptions
{
    Uri CollectorEndpoint { get; }
    int BatchSize { get; }
}

public interface IIngestLog
{
    void Warn(string message);
}

public sealed record MetricPoint(string Name, double Value, DateTimeOffset Timestamp, IReadOnlyDictionary<string, string> Tags);

public sealed record IngestBatch(string Service, IReadOnlyList<MetricPoint> Points);

public sealed record IngestReply(int Accepted, int Rejected);

/// <summary>
/// Ships buffered metrics to the collector's JSON transcoding endpoint (the gRPC service
/// <c>ingest.v1.Collector/Push</c> exposed over HTTP/JSON), in batches, with a hand-written retry.
/// </summary>
public sealed class TelemetryBatchPublisher
{
    private readonly HttpClient http;
    private readonly IIngestOptions options;
    private readonly IIngestLog log;

    public TelemetryBatchPublisher(HttpClient http, IIngestOptions options, IIngestLog log)
    {
        this.http = http;
        this.options = options;
        this.log = log;
    }

    public async Task<int> PublishAsync(string service, IReadOnlyList<MetricPoint> points, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(options.CollectorEndpoint, "v1/collector:push");
        var accepted = 0;
        foreach (var chunk in points.Chunk(options.BatchSize))
        {
            var batch = new IngestBatch(service, chunk);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    using var response = await http.PostAsJsonAsync(endpoint, batch, cancellationToken);
                    response.EnsureSuccessStatusCode();
                    var reply = await response.Content.ReadFromJsonAsync<IngestReply>(cancellationToken: cancellationToken);
                    accepted += reply?.Accepted ?? 0;
                    break;
                }
                catch (HttpRequestException ex) when (attempt < 4)
                {
                    var backoff = TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt));
                    log.Warn($"Push failed ({ex.Message}), retry {attempt} in {backoff.TotalMilliseconds} ms");
                    await Task.Delay(backoff, cancellationToken);
                }
            }
        }

        return accepted;
    }
}
