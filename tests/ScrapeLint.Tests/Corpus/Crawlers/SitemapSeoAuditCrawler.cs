using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using HtmlAgilityPack;

namespace SeoAudit;

public sealed record PageAudit(string Url, int Status, string Title, string MetaDescription, int H1Count);

/// <summary>Audits a client's site from its sitemap: titles, descriptions, headings, broken links.</summary>
public sealed class SeoAuditor
{
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly HttpClient _http;

    public SeoAuditor(HttpClient http) => _http = http;

    public async Task<List<PageAudit>> AuditAsync(Uri site, CancellationToken ct)
    {
        var robots = await _http.GetStringAsync(new Uri(site, "/robots.txt"), ct);
        var lines = robots.Split('\n').Select(l => l.Trim()).ToList();
        var disallow = lines
            .Where(l => l.StartsWith("Disallow:", StringComparison.OrdinalIgnoreCase))
            .Select(l => l.Substring(9).Trim())
            .Where(p => p.Length > 0)
            .ToList();
        var sitemapUrl = lines.FirstOrDefault(l => l.StartsWith("Sitemap:", StringComparison.OrdinalIgnoreCase))?.Substring(8).Trim()
            ?? new Uri(site, "/sitemap.xml").ToString();

        var sitemap = XDocument.Parse(await _http.GetStringAsync(sitemapUrl, ct));
        var audits = new List<PageAudit>();
        foreach (var loc in sitemap.Descendants(Sitemap + "loc").Select(e => e.Value.Trim()))
        {
            if (disallow.Any(d => new Uri(loc).AbsolutePath.StartsWith(d, StringComparison.Ordinal)))
            {
                continue;
            }

            using var response = await _http.GetAsync(loc, ct); // expect: SL2002
            var doc = new HtmlDocument();
            doc.LoadHtml(await response.Content.ReadAsStringAsync(ct));
            audits.Add(new PageAudit(
                loc,
                (int)response.StatusCode,
                doc.DocumentNode.SelectSingleNode("//title")?.InnerText.Trim() ?? "",
                doc.DocumentNode.SelectSingleNode("//meta[@name='description']")?.GetAttributeValue("content", "") ?? "",
                doc.DocumentNode.SelectNodes("//h1")?.Count ?? 0));
        }

        return audits;
    }

    public async Task<List<string>> BrokenLinksAsync(IEnumerable<string> links, CancellationToken ct)
    {
        var broken = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(links, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (link, token) =>
        {
            using var head = new HttpRequestMessage(HttpMethod.Head, link);
            using var response = await _http.SendAsync(head, token);
            if ((int)response.StatusCode >= 400)
            {
                broken.Add(link);
            }
        });

        return broken.OrderBy(l => l).ToList();
    }
}
