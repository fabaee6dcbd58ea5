using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Tailspin.Catalog.Cdn;

public interface ICdnOptions
{
    string ZoneId { get; }
    string ApiToken { get; }
    string PublicImageBase { get; }
}

public sealed record PurgeResult(bool Success);

/// <summary>
/// After product photos are replaced, purges their URLs from the CDN cache through the CDN's API
/// (max 30 URLs per call). The images themselves are never downloaded.
/// </summary>
public sealed class CdnImageCachePurger
{
    private readonly HttpClient http;
    private readonly ICdnOptions options;

    public CdnImageCachePurger(HttpClient http, ICdnOptions options)
    {
        this.http = http;
        this.options = options;
        this.http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiToken);
    }

    public async Task<int> PurgeAsync(IEnumerable<string> imagePaths, CancellationToken cancellationToken)
    {
        var purgeUrl = $"https://api.cloudflare.com/client/v4/zones/{options.ZoneId}/purge_cache";
        var imageUrls = imagePaths
            .Select(path => $"{options.PublicImageBase.TrimEnd('/')}/{path.TrimStart('/')}")
            .SelectMany(url => new[] { url, url.Replace(".jpg", ".webp", StringComparison.OrdinalIgnoreCase) })
            .Distinct()
            .ToList();

        var purged = 0;
        foreach (var batch in imageUrls.Chunk(30))
        {
            using var response = await http.PostAsJsonAsync(purgeUrl, new { files = batch }, cancellationToken);
            var result = await response.Content.ReadFromJsonAsync<PurgeResult>(cancellationToken: cancellationToken);
            if (result?.Success == true)
            {
                purged += batch.Length;
            }
        }

        return purged;
    }

    public async Task PurgeOneByOneAsync(IEnumerable<Uri> avatarUrls, CancellationToken cancellationToken)
    {
        foreach (var avatar in avatarUrls)
        {
            using var request = new HttpRequestMessage(new HttpMethod("PURGE"), "https://cdn-admin.tailspin.internal/purge");
            request.Headers.Add("X-Purge-Url", avatar.AbsoluteUri);
            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
    }
}
