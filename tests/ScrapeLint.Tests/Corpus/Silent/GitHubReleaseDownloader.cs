using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Updater;

public sealed record ReleaseAsset(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("url")] string ApiUrl);

public sealed record Release(
    [property: JsonPropertyName("tag_name")] string TagName,
    [property: JsonPropertyName("assets")] List<ReleaseAsset> Assets);

public interface IUpdaterLog
{
    void Info(string message);
}

/// <summary>Downloads the assets of the latest release of our own repository (contoso/desktop-agent).</summary>
public sealed class GitHubReleaseDownloader
{
    private const string Owner = "contoso";
    private const string Repo = "desktop-agent";
    private readonly HttpClient http;
    private readonly IUpdaterLog log;

    public GitHubReleaseDownloader(HttpClient http, string token, IUpdaterLog log)
    {
        this.http = http;
        this.log = log;
        http.DefaultRequestHeaders.UserAgent.ParseAdd("contoso-desktop-agent-updater/1.4");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async Task<string> DownloadLatestAsync(string targetDirectory, CancellationToken cancellationToken)
    {
        var release = await http.GetFromJsonAsync<Release>($"https://api.github.com/repos/{Owner}/{Repo}/releases/latest", cancellationToken)
            ?? throw new InvalidOperationException("No release found");
        var directory = Directory.CreateDirectory(Path.Combine(targetDirectory, release.TagName)).FullName;

        foreach (var asset in release.Assets)
        {
            var destination = Path.Combine(directory, asset.Name);
            if (File.Exists(destination) && new FileInfo(destination).Length == asset.Size)
            {
                log.Info($"{asset.Name} already downloaded");
                continue;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, $"https://api.github.com/repos/{Owner}/{Repo}/releases/assets/{asset.Id}");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/octet-stream"));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();

            await using (var source = await response.Content.ReadAsStreamAsync(cancellationToken))
            await using (var file = File.Create(destination))
            {
                await source.CopyToAsync(file, cancellationToken);
            }

            log.Info($"Downloaded {asset.Name} ({asset.Size} bytes), sha256 {await HashAsync(destination, cancellationToken)}");
        }

        return directory;
    }

    private static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
