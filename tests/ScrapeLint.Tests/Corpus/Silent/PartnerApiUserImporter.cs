using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Litware.Crm.Import;

public sealed record ApiUser(int Id, string Email, string Name, string Role, DateTimeOffset CreatedAt);

public interface IImportLog
{
    void Info(string message);
}

/// <summary>
/// Imports the user accounts of a customer's tenant from the partner's documented REST API
/// (https://api.example.com/v1) after the customer connected it with an API key.
/// </summary>
public sealed class PartnerApiUserImporter
{
    private readonly HttpClient http;
    private readonly IImportLog log;

    public PartnerApiUserImporter(HttpClient http, string apiKey, IImportLog log)
    {
        this.http = http;
        this.log = log;
        this.http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        this.http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    public async Task<List<ApiUser>> ImportAsync(IEnumerable<int> userIds, CancellationToken cancellationToken)
    {
        var imported = new List<ApiUser>();
        foreach (var id in userIds)
        {
            using var response = await http.GetAsync($"https://api.example.com/v1/users/{id}", cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                log.Info($"User {id} no longer exists");
                continue;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(5);
                await Task.Delay(wait, cancellationToken);
                continue;
            }

            response.EnsureSuccessStatusCode();
            var user = await response.Content.ReadFromJsonAsync<ApiUser>(cancellationToken: cancellationToken);
            if (user is not null)
            {
                imported.Add(user);
            }
        }

        return imported;
    }

    public async Task<Dictionary<int, List<string>>> RolesAsync(IEnumerable<int> userIds, CancellationToken cancellationToken)
    {
        var roles = new Dictionary<int, List<string>>();
        foreach (var id in userIds)
        {
            roles[id] = await http.GetFromJsonAsync<List<string>>($"https://api.example.com/v1/users/{id}/roles", cancellationToken) ?? new List<string>();
        }

        return roles;
    }
}
