using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Northwind.Marketing.YouTube;

public interface IYouTubeOptions
{
    string ApiKey { get; }
    IReadOnlyList<string> PlaylistIds { get; }
}

public sealed record PlaylistItemSnippet(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("publishedAt")] DateTimeOffset PublishedAt,
    [property: JsonPropertyName("thumbnails")] Dictionary<string, Thumbnail>? Thumbnails);

public sealed record Thumbnail([property: JsonPropertyName("url")] string Url, [property: JsonPropertyName("width")] int Width);

public sealed record PlaylistItem([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("snippet")] PlaylistItemSnippet Snippet);

public sealed record PlaylistItemListResponse(
    [property: JsonPropertyName("items")] List<PlaylistItem> Items,
    [property: JsonPropertyName("nextPageToken")] string? NextPageToken);

/// <summary>Lists the videos of our own channel's playlists with the YouTube Data API v3.</summary>
public sealed class YouTubePlaylistItemsClient
{
    private readonly HttpClient http;
    private readonly IYouTubeOptions options;

    public YouTubePlaylistItemsClient(HttpClient http, IYouTubeOptions options)
    {
        this.http = http;
        this.options = options;
    }

    public async IAsyncEnumerable<PlaylistItem> ItemsAsync(string playlistId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? pageToken = null;
        do
        {
            var url = "https://www.googleapis.com/youtube/v3/playlistItems?part=snippet&maxResults=50"
                + $"&playlistId={Uri.EscapeDataString(playlistId)}&key={options.ApiKey}";
            if (pageToken is not null)
            {
                url += "&pageToken=" + Uri.EscapeDataString(pageToken);
            }

            var page = await http.GetFromJsonAsync<PlaylistItemListResponse>(url, cancellationToken)
                ?? throw new InvalidOperationException($"Empty response for playlist {playlistId}");
            foreach (var item in page.Items)
            {
                yield return item;
            }

            pageToken = page.NextPageToken;
        }
        while (pageToken is not null);
    }

    public async Task<int> CountAllAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var playlistId in options.PlaylistIds)
        {
            await foreach (var item in ItemsAsync(playlistId, cancellationToken))
            {
                if (item.Snippet.PublishedAt > DateTimeOffset.UtcNow.AddDays(-30))
                {
                    total++;
                }
            }
        }

        return total;
    }
}
