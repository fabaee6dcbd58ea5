// Tasks started per element against the team's own ingestion API, and CPU work started with Task.Run per file:
// concurrent, but no crawl.
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;

namespace Telemetry;

public sealed record MetricBatch(string Name, double[] Values);

public sealed class MetricsBatchFanOut
{
    private readonly HttpClient _http = new();

    public async Task PublishAsync(IEnumerable<MetricBatch> batches)
    {
        var tasks = new List<Task>();
        foreach (var batch in batches)
        {
            tasks.Add(_http.PostAsJsonAsync("https://ingest.internal.example/api/metrics", batch));
        }

        await Task.WhenAll(tasks);
    }

    public static void HashAll(IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            _ = Task.Run(() => File.ReadAllBytes(file).Length);
        }
    }
}
