using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Litware.Social.Insights;

public interface IInsightsLog
{
    void Warn(string message);
}

public sealed record PagePost(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("created_time")] string CreatedTime);

public sealed record Paging([property: JsonPropertyName("next")] string? Next);

public sealed record PostsPage(
    [property: JsonPropertyName("data")] List<PagePost> Data,
    [property: JsonPropertyName("paging")] Paging? Paging);

/// <summary>Exports the posts of the Facebook Pages we manage (Graph API, page access token) to JSON lines.</summary>
public sealed class FacebookPagePostsExporter
{
    private const string GraphVersion = "v19.0";
    private readonly HttpClient http;
    private readonly IInsightsLog log;

    public FacebookPagePostsExporter(HttpClient http, IInsightsLog log)
    {
        this.http = http;
        this.log = log;
    }

    public async Task ExportAsync(IReadOnlyDictionary<string, string> pageTokens, string outputDirectory, CancellationToken cancellationToken)
    {
        foreach (var (pageId, accessToken) in pageTokens)
        {
            var path = Path.Combine(outputDirectory, $"{pageId}.jsonl");
            await using var writer = new StreamWriter(path);
            string? next = $"https://graph.facebook.com/{GraphVersion}/{pageId}/posts?fields=id,message,created_time&limit=100&access_token={accessToken}";
            var count = 0;
            while (next is not null)
            {
                var page = await http.GetFromJsonAsync<PostsPage>(next, cancellationToken);
                if (page is null)
                {
                    log.Warn($"Page {pageId}: empty response, stopping");
                    break;
                }

                foreach (var post in page.Data)
                {
                    await writer.WriteLineAsync(JsonSerializer.Serialize(post));
                    count++;
                }

                next = page.Paging?.Next;
            }

            if (count == 0)
            {
                log.Warn($"Page {pageId} has no posts");
            }
        }
    }
}
