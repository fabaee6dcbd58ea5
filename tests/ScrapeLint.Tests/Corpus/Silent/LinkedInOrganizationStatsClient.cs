using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Woodgrove.Brand.LinkedIn;

public interface ILinkedInCredentials
{
    string AccessToken { get; }
}

public sealed record FollowerCounts([property: JsonPropertyName("firstDegreeSize")] int FirstDegreeSize);

public sealed record OrganizationLookup(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("localizedName")] string LocalizedName);

public sealed record MemberProfile(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("localizedFirstName")] string? FirstName);

/// <summary>
/// Marketing dashboard over the LinkedIn Marketing API (api.linkedin.com, OAuth, versioned REST).
/// Covers our own organisation pages and the admins who authorised the app.
/// </summary>
public sealed class LinkedInOrganizationStatsClient
{
    private readonly HttpClient http;

    public LinkedInOrganizationStatsClient(HttpClient http, ILinkedInCredentials credentials)
    {
        this.http = http;
        http.BaseAddress = new Uri("https://api.linkedin.com/");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credentials.AccessToken);
        http.DefaultRequestHeaders.Add("LinkedIn-Version", "202405");
        http.DefaultRequestHeaders.Add("X-Restli-Protocol-Version", "2.0.0");
    }

    public async Task<Dictionary<long, int>> FollowersAsync(IEnumerable<long> organizationIds, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<long, int>();
        foreach (var id in organizationIds)
        {
            var url = $"https://api.linkedin.com/rest/networkSizes/urn:li:organization:{id}?edgeType=COMPANY_FOLLOWED_BY_MEMBER";
            var size = await http.GetFromJsonAsync<FollowerCounts>(url, cancellationToken);
            counts[id] = size?.FirstDegreeSize ?? 0;
        }

        return counts;
    }

    public async Task<List<OrganizationLookup>> OrganizationsAsync(IEnumerable<long> organizationIds, CancellationToken cancellationToken)
    {
        var list = new List<OrganizationLookup>();
        foreach (var id in organizationIds)
        {
            var org = await http.GetFromJsonAsync<OrganizationLookup>($"rest/organizations/{id}", cancellationToken);
            if (org is not null)
            {
                list.Add(org);
            }
        }

        return list;
    }

    /// <summary>Names of the page admins who granted our app access (one call per member id the ACL API returned).</summary>
    public async Task<List<MemberProfile>> AdminsAsync(IEnumerable<string> memberIds, CancellationToken cancellationToken)
    {
        var admins = new List<MemberProfile>();
        foreach (var memberId in memberIds)
        {
            var profile = await http.GetFromJsonAsync<MemberProfile>($"https://api.linkedin.com/v2/people/(id:{memberId})", cancellationToken);
            if (profile is not null)
            {
                admins.Add(profile);
            }
        }

        return admins;
    }
}
