using HtmlAgilityPack;

namespace ProfileHarvester;

/// <summary>
/// Breadth-first crawl of one site (typically a company's "team" or "about us" pages), collecting the
/// LinkedIn handles its pages link to.
/// </summary>
public sealed class LinkCrawler
{
    private readonly HttpClient http;
    private readonly int maxPages;

    public LinkCrawler(HttpClient http, int maxPages)
    {
        this.http = http;
        this.maxPages = maxPages;
    }

    public async Task<IReadOnlyList<CrawledPage>> CrawlAsync(Uri start)
    {
        var queue = new Queue<Uri>();
        var seen = new HashSet<Uri> { start };
        var pages = new List<CrawledPage>();
        queue.Enqueue(start);

        while (queue.Count > 0 && pages.Count < maxPages)
        {
            var url = queue.Dequeue();
            string html;
            try
            {
                html = await http.GetStringAsync(url);
            }
            catch (HttpRequestException ex)
            {
                Console.Error.WriteLine($"skip {url}: {ex.StatusCode}");
                continue;
            }

            var doc = new HtmlDocument();
            doc.LoadHtml(html);
            var handles = new List<string>();
            foreach (var a in doc.DocumentNode.SelectNodes("//a[@href]") ?? Enumerable.Empty<HtmlNode>())
            {
                if (!Uri.TryCreate(url, a.GetAttributeValue("href", ""), out var link))
                {
                    continue;
                }

                if (link.Host.EndsWith("linkedin.com", StringComparison.OrdinalIgnoreCase)
                    && link.Segments.Length > 2 && link.Segments[1] == "in/")
                {
                    handles.Add(link.Segments[2].TrimEnd('/'));
                }
                else if (link.Host == start.Host && link.Scheme is "http" or "https")
                {
                    var next = new UriBuilder(link) { Fragment = "" }.Uri;
                    if (seen.Add(next))
                    {
                        queue.Enqueue(next);
                    }
                }
            }

            var title = doc.DocumentNode.SelectSingleNode("//title")?.InnerText.Trim() ?? "";
            pages.Add(new CrawledPage(url, title, handles));
        }

        return pages;
    }
}
