using HtmlAgilityPack;

namespace ProfileHarvester;

/// <summary>Saves the pictures of a fetched profile page (avatar, cover, post images) to disk.</summary>
public sealed class AvatarDownloader
{
    private readonly HttpClient http;
    private readonly string dir;

    public AvatarDownloader(HttpClient http, string dir)
    {
        this.http = http;
        this.dir = dir;
        Directory.CreateDirectory(dir);
    }

    public async Task<IReadOnlyList<string>> SaveImagesAsync(string handle, HtmlDocument page)
    {
        var saved = new List<string>();
        var images = page.DocumentNode.SelectNodes("//img[@src]") ?? Enumerable.Empty<HtmlNode>();
        foreach (var img in images)
        {
            var src = img.GetAttributeValue("src", "");
            if (!src.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                continue; // data: URIs, spacer gifs
            }

            var id = $"{handle}-{saved.Count}";
            var bytes = await http.GetByteArrayAsync(src);
            await File.WriteAllBytesAsync($"{dir}/{id}.jpg", bytes);
            saved.Add($"{dir}/{id}.jpg");
        }

        return saved;
    }
}
