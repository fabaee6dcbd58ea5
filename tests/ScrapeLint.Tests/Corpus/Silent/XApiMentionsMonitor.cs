using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Proseware.Support.Social;

public interface ISupportLog
{
    void Info(string message);
}

public sealed record Tweet([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("text")] string Text);

public sealed record TweetMeta([property: JsonPropertyName("next_token")] string? NextToken);

public sealed record TweetsResponse(
    [property: JsonPropertyName("data")] List<Tweet>? Data,
    [property: JsonPropertyName("meta")] TweetMeta? Meta);

/// <summary>Reads mentions of our support accounts with the X API v2 so the support team can answer them.</summary>
public sealed class XApiMentionsMonitor
{
    private readonly HttpClient http;
    private readonly ISupportLog log;

    public XApiMentionsMonitor(HttpClient http, string bearerToken, ISupportLog log)
    {
        this.http = http;
        this.log = log;
        this.http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
    }

    public async Task<List<Tweet>> MentionsAsync(IReadOnlyList<string> supportAccountIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var all = new List<Tweet>();
        foreach (var userId in supportAccountIds)
        {
            string? paginationToken = null;
            do
            {
                var url = $"https://api.x.com/2/users/{userId}/mentions?max_results=100&start_time={since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}";
                if (paginationToken is not null)
                {
                    url += $"&pagination_token={paginationToken}";
                }

                var response = await http.GetFromJsonAsync<TweetsResponse>(url, cancellationToken);
                all.AddRange(response?.Data ?? new List<Tweet>());
                paginationToken = response?.Meta?.NextToken;
            }
            while (paginationToken is not null);

            log.Info($"Account {userId}: {all.Count} mentions so far");
        }

        return all;
    }

    public async Task<Dictionary<string, Tweet?>> LookupAsync(IEnumerable<string> tweetIds, CancellationToken cancellationToken)
    {
        var tasks = new Dictionary<string, Task<HttpResponseMessage>>();
        foreach (var id in tweetIds)
        {
            tasks[id] = http.GetAsync($"https://api.twitter.com/2/tweets/{id}", cancellationToken);
        }

        await Task.WhenAll(tasks.Values);
        var result = new Dictionary<string, Tweet?>();
        foreach (var (id, task) in tasks)
        {
            using var response = await task;
            result[id] = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<Tweet>(cancellationToken: cancellationToken) : null;
        }

        return result;
    }
}
