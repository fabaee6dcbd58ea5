using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.DevMetrics.GitHub;

public interface IMetricsLog
{
    void Info(string message);
}

public sealed record Repository(
    [property: JsonPropertyName("full_name")] string FullName,
    [property: JsonPropertyName("stargazers_count")] int Stars,
    [property: JsonPropertyName("fork")] bool Fork);

/// <summary>
/// Collects public repositories of the engineers in our GitHub organisation through the REST API,
/// following the RFC 5988 Link header for pagination.
/// </summary>
public sealed class GitHubUserReposPager
{
    private const string ApiRoot = "https://api.github.com";
    private readonly HttpClient http;
    private readonly IMetricsLog log;

    public GitHubUserReposPager(HttpClient http, IMetricsLog log)
    {
        this.http = http;
        this.log = log;
        this.http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Contoso-DevMetrics", "2.3"));
        this.http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
    }

    public async Task<Dictionary<string, List<Repository>>> ReposByEngineerAsync(IReadOnlyList<string> logins, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, List<Repository>>(StringComparer.OrdinalIgnoreCase);
        foreach (var login in logins)
        {
            var repos = new List<Repository>();
            string? next = $"{ApiRoot}/users/{Uri.EscapeDataString(login)}/repos?per_page=100&type=owner";
            while (next is not null)
            {
                using var response = await http.GetAsync(next, cancellationToken);
                response.EnsureSuccessStatusCode();
                var page = await response.Content.ReadFromJsonAsync<List<Repository>>(cancellationToken: cancellationToken) ?? new List<Repository>();
                repos.AddRange(page.Where(r => !r.Fork));
                next = NextLink(response);
            }

            log.Info($"{login}: {repos.Count} repositories");
            result[login] = repos;
        }

        return result;
    }

    /// <summary>Parses <c>Link: &lt;https://api.github.com/...&gt;; rel="next"</c>.</summary>
    internal static string? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var part in string.Join(",", values).Split(','))
        {
            var segments = part.Split(';');
            if (segments.Length < 2 || !segments[1].Trim().Equals("rel=\"next\"", StringComparison.Ordinal))
            {
                continue;
            }

            var link = segments[0].Trim();
            if (link.StartsWith('<') && link.EndsWith('>'))
            {
                return link[1..^1];
            }
        }

        return null;
    }
}
