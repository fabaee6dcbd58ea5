using System.Net;
using HtmlAgilityPack;

namespace ProfileHarvester;

/// <summary>Fetches public LinkedIn profile pages and pulls name, headline and location out of the HTML.</summary>
public sealed class ProfileScraper
{
    private readonly HttpClient http;
    private readonly AvatarDownloader? avatars;

    public ProfileScraper(HttpClient http, AvatarDownloader? avatars = null)
    {
        this.http = http;
        this.avatars = avatars;
    }

    public async Task<IReadOnlyList<ProfileSummary>> ScrapeAsync(IEnumerable<string> handles)
    {
        var profiles = new List<ProfileSummary>();
        foreach (var handle in handles)
        {
            string html;
            try
            {
                html = await FetchProfileHtmlAsync(handle);
            }
            catch (HttpRequestException ex)
            {
                Console.Error.WriteLine($"{handle}: {ex.Message}");
                continue;
            }

            var doc = new HtmlDocument();
            doc.LoadHtml(html);
            var profile = Parse(handle, doc);
            if (avatars is not null)
            {
                profile = profile with { PhotoFiles = await avatars.SaveImagesAsync(handle, doc) };
            }

            profiles.Add(profile);
            Console.WriteLine($"{handle}: {profile.Name ?? "(no name)"}");
        }

        return profiles;
    }

    public async Task<string> FetchProfileHtmlAsync(string handle)
    {
        var url = $"https://www.linkedin.com/in/{handle}/";
        using var response = await http.GetAsync(url);

        // LinkedIn answers 999 when it thinks you are a bot.
        if ((int)response.StatusCode == 999 || response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new HttpRequestException($"blocked with {(int)response.StatusCode}", null, response.StatusCode);
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    private static ProfileSummary Parse(string handle, HtmlDocument doc)
    {
        var root = doc.DocumentNode;
        var name = Meta(root, "og:title") ?? root.SelectSingleNode("//h1")?.InnerText;
        var headline = Meta(root, "description") ?? root.SelectSingleNode("//h2")?.InnerText;
        var location = root.SelectSingleNode("//*[contains(@class,'top-card__subline-item')]")?.InnerText;
        return new ProfileSummary(handle, Clean(name), Clean(headline), Clean(location));
    }

    private static string? Meta(HtmlNode root, string key)
        => root.SelectSingleNode($"//meta[@property='{key}' or @name='{key}']")?.GetAttributeValue("content", null);

    private static string? Clean(string? text)
        => string.IsNullOrWhiteSpace(text) ? null : HtmlEntity.DeEntitize(text).Trim();
}
