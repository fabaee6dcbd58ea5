using HtmlAgilityPack;

namespace ProfileHarvester;

/// <summary>Fetches a batch of pages at once and keeps their title and readable text.</summary>
public sealed class ParallelFetcher
{
    private readonly HttpClient http;

    public ParallelFetcher(HttpClient http)
    {
        this.http = http;
    }

    public async Task<IReadOnlyList<PageSnapshot>> FetchAllAsync(IReadOnlyList<string> urls)
    {
        var bodies = await Task.WhenAll(urls.Select(u => http.GetStringAsync(u)));

        var snapshots = new List<PageSnapshot>(bodies.Length);
        for (var i = 0; i < bodies.Length; i++)
        {
            var doc = new HtmlDocument();
            doc.LoadHtml(bodies[i]);
            var title = doc.DocumentNode.SelectSingleNode("//title")?.InnerText.Trim() ?? "";
            var main = doc.DocumentNode.SelectSingleNode("//main") ?? doc.DocumentNode;
            snapshots.Add(new PageSnapshot(urls[i], title, HtmlEntity.DeEntitize(main.InnerText).Trim()));
        }

        return snapshots;
    }
}
