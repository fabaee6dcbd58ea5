using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace CreatorGraph;

public interface IBackgroundWorker
{
    Task ExecuteAsync(CancellationToken ct);
}

public sealed record ChannelInfo(string Handle, string? Subscribers, int AboutPageBytes);

public interface IChannelSink
{
    Task UpsertAsync(ChannelInfo info, CancellationToken ct);
}

public sealed record ChannelListResponse([property: JsonPropertyName("items")] List<ChannelItem> Items);

public sealed record ChannelItem([property: JsonPropertyName("statistics")] ChannelStatistics? Statistics);

public sealed record ChannelStatistics([property: JsonPropertyName("subscriberCount")] string? SubscriberCount);

/// <summary>
/// Snowball discovery of YouTube creators: every channel's about page is read, the channels it links to are
/// queued, and subscriber counts come from the Data API.
/// </summary>
public sealed class ChannelDiscoveryWorker : IBackgroundWorker
{
    private static readonly Regex HandleLink = new Regex("\"canonicalBaseUrl\":\"/@([A-Za-z0-9_.-]+)\"", RegexOptions.Compiled);

    private readonly HttpClient _http;
    private readonly IChannelSink _sink;
    private readonly string _apiKey;
    private readonly Channel<string> _handles = Channel.CreateUnbounded<string>();
    private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    public ChannelDiscoveryWorker(HttpClient http, IChannelSink sink, string apiKey)
    {
        _http = http;
        _sink = sink;
        _apiKey = apiKey;
    }

    public void Seed(IEnumerable<string> handles)
    {
        foreach (var handle in handles)
        {
            if (_seen.Add(handle))
            {
                _handles.Writer.TryWrite(handle);
            }
        }
    }

    public async Task ExecuteAsync(CancellationToken ct)
    {
        await foreach (var handle in _handles.Reader.ReadAllAsync(ct))
        {
            var html = await _http.GetStringAsync($"https://www.youtube.com/@{handle}/about", ct); // expect: SL1001, SL2001, SL2002, SL4001

            var stats = await _http.GetFromJsonAsync<ChannelListResponse>(
                $"https://www.googleapis.com/youtube/v3/channels?part=statistics&forHandle=@{handle}&key={_apiKey}", ct);
            var subscribers = stats?.Items.FirstOrDefault()?.Statistics?.SubscriberCount;
            await _sink.UpsertAsync(new ChannelInfo(handle, subscribers, html.Length), ct);

            foreach (Match match in HandleLink.Matches(html))
            {
                var related = match.Groups[1].Value;
                if (_seen.Add(related))
                {
                    await _handles.Writer.WriteAsync(related, ct);
                }
            }
        }
    }
}
