using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Fabrikam.Directory.Sync;

public interface ITokenProvider
{
    Task<string> GetAccessTokenAsync(string scope, CancellationToken cancellationToken);
}

public interface IDeltaStore
{
    Task<string?> LoadDeltaLinkAsync(CancellationToken cancellationToken);
    Task SaveDeltaLinkAsync(string deltaLink, CancellationToken cancellationToken);
    Task UpsertAsync(GraphUser user, CancellationToken cancellationToken);
}

public sealed record GraphUser(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("mail")] string? Mail,
    [property: JsonPropertyName("jobTitle")] string? JobTitle);

public sealed class UserDeltaPage
{
    [JsonPropertyName("value")] public List<GraphUser> Value { get; set; } = new();
    [JsonPropertyName("@odata.nextLink")] public string? NextLink { get; set; }
    [JsonPropertyName("@odata.deltaLink")] public string? DeltaLink { get; set; }
}

/// <summary>Mirrors our Entra ID tenant's users into the HR database with Microsoft Graph delta queries.</summary>
public sealed class GraphUsersDeltaSync
{
    private const string InitialUrl = "https://graph.microsoft.com/v1.0/users/delta?$select=id,displayName,mail,jobTitle";
    private readonly HttpClient http;
    private readonly ITokenProvider tokens;
    private readonly IDeltaStore store;

    public GraphUsersDeltaSync(HttpClient http, ITokenProvider tokens, IDeltaStore store)
    {
        this.http = http;
        this.tokens = tokens;
        this.store = store;
    }

    public async Task<int> SyncAsync(CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync("https://graph.microsoft.com/.default", cancellationToken);
        var url = await store.LoadDeltaLinkAsync(cancellationToken) ?? InitialUrl;
        var changed = 0;

        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            var page = await response.Content.ReadFromJsonAsync<UserDeltaPage>(cancellationToken: cancellationToken)
                ?? throw new InvalidOperationException("Graph returned an empty body.");

            foreach (var user in page.Value)
            {
                await store.UpsertAsync(user, cancellationToken);
                changed++;
            }

            if (page.DeltaLink is not null)
            {
                await store.SaveDeltaLinkAsync(page.DeltaLink, cancellationToken);
            }

            url = page.NextLink!;
        }
        while (url is not null);

        return changed;
    }

    /// <summary>Refreshes manager links of the given users, one Graph call per user.</summary>
    public async Task<Dictionary<string, string?>> ManagersAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAccessTokenAsync("https://graph.microsoft.com/.default", cancellationToken);
        var managers = new Dictionary<string, string?>();
        foreach (var id in userIds)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"https://graph.microsoft.com/v1.0/users/{id}/manager?$select=id");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, cancellationToken);
            managers[id] = response.IsSuccessStatusCode
                ? (await response.Content.ReadFromJsonAsync<GraphUser>(cancellationToken: cancellationToken))?.Id
                : null;
        }

        return managers;
    }
}
