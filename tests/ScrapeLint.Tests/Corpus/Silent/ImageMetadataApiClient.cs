using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Acme.Catalog;

public sealed record ImageMetadata(string Id, int Width, int Height, string Checksum);

/// <summary>Reads metadata of the shop's own product images from its asset API: JSON, not image downloads.</summary>
public sealed class ImageMetadataApiClient
{
    private readonly HttpClient http;

    public ImageMetadataApiClient(HttpClient http) => this.http = http;

    public async Task<List<ImageMetadata>> DescribeAsync(IEnumerable<string> imageIds, CancellationToken cancellationToken)
    {
        var result = new List<ImageMetadata>();
        foreach (var imageId in imageIds)
        {
            var meta = await http.GetFromJsonAsync<ImageMetadata>($"https://assets.acme-shop.example/images/{imageId}/meta", cancellationToken);
            if (meta is not null)
            {
                result.Add(meta);
            }
        }

        return result;
    }
}
