// Uploading an album's photos one by one to a photo service's endpoints: the URLs name photos, but every request
// sends an image, none downloads one.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Albums;

public sealed class AlbumPhotoUploader
{
    private readonly HttpClient _http = new();

    public async Task UploadAsync(string albumId, IEnumerable<string> files)
    {
        var n = 0;
        foreach (var file in files)
        {
            using var content = new StreamContent(File.OpenRead(file));
            await _http.PutAsync($"https://photos.example-cloud.net/albums/{albumId}/photo_{n++}.jpg", content);
        }
    }

    public async Task UploadSignedAsync(IEnumerable<(string Id, byte[] Bytes)> photos)
    {
        foreach (var (id, bytes) in photos)
        {
            await UploadSinglePhoto(id, bytes);
        }
    }

    public void UploadLegacy(IEnumerable<string> files)
    {
        using var client = new WebClient();
        foreach (var file in files)
        {
            client.UploadFile("https://photos.example-cloud.net/upload/" + Path.GetFileName(file) + ".png", file);
        }
    }

    public async Task UploadThroughProcessorAsync(IEnumerable<(string Id, byte[] Bytes)> photos)
    {
        foreach (var (id, bytes) in photos)
        {
            await UploadPhotoPart(id, bytes);
        }
    }

    private Task<HttpResponseMessage> UploadPhotoPart(string id, byte[] bytes)
    {
        var request = NewRequest(HttpMethod.Post, new Uri($"https://photos.example-cloud.net/rupload_igphoto/{id}_0.jpg"));
        request.Content = new ByteArrayContent(bytes);
        return SendRequest(request);
    }

    private static HttpRequestMessage NewRequest(HttpMethod method, Uri uri) => new HttpRequestMessage(method, uri);

    private Task<HttpResponseMessage> SendRequest(HttpRequestMessage message) => _http.SendAsync(message);

    private Task<HttpResponseMessage> UploadSinglePhoto(string id, byte[] bytes)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"https://photos.example-cloud.net/rupload_photo/{id}.jpg")
        {
            Content = new ByteArrayContent(bytes),
        };
        return _http.SendAsync(request);
    }
}
