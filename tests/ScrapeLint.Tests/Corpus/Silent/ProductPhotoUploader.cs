using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Tailspin.Catalog.Media;

public sealed record UploadedImage(string Sku, string ImageId, Uri Location);

public interface ICatalogLog
{
    void Info(string message);
}

/// <summary>
/// Seeds the catalogue on a developer machine: uploads every product photo from the design team's
/// export folder to the local catalogue API, then mirrors them to the shared Google Photos album.
/// </summary>
public sealed class ProductPhotoUploader
{
    private readonly HttpClient http;
    private readonly ICatalogLog log;

    public ProductPhotoUploader(HttpClient http, ICatalogLog log)
    {
        this.http = http;
        this.log = log;
    }

    public async Task<List<UploadedImage>> UploadFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var uploaded = new List<UploadedImage>();
        foreach (var photo in Directory.EnumerateFiles(folder, "*.jpg"))
        {
            var sku = Path.GetFileNameWithoutExtension(photo);
            await using var image = File.OpenRead(photo);
            using var content = new MultipartFormDataContent();
            var file = new StreamContent(image);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, "image", Path.GetFileName(photo));

            using var response = await http.PostAsync($"https://localhost:7001/api/products/{sku}/images", content, cancellationToken);
            response.EnsureSuccessStatusCode();
            var created = await response.Content.ReadFromJsonAsync<UploadedImage>(cancellationToken: cancellationToken);
            if (created is not null)
            {
                uploaded.Add(created);
                log.Info($"{sku}: image {created.ImageId}");
            }
        }

        return uploaded;
    }

    public async Task<List<string>> MirrorToAlbumAsync(IEnumerable<string> photoPaths, string accessToken, CancellationToken cancellationToken)
    {
        var uploadTokens = new List<string>();
        foreach (var photoPath in photoPaths)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "https://photoslibrary.googleapis.com/v1/uploads")
            {
                Content = new ByteArrayContent(await File.ReadAllBytesAsync(photoPath, cancellationToken)),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            request.Headers.Add("X-Goog-Upload-File-Name", Path.GetFileName(photoPath));
            request.Headers.Add("X-Goog-Upload-Protocol", "raw");
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

            using var response = await http.SendAsync(request, cancellationToken);
            response.EnsureSuccessStatusCode();
            uploadTokens.Add(await response.Content.ReadAsStringAsync(cancellationToken));
        }

        return uploadTokens;
    }
}
