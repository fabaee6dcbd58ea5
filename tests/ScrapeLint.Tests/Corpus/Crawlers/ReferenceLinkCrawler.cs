using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using HtmlAgilityPack;

namespace CiteCheck;

/// <summary>Follows the references of encyclopedia articles to check what they point at.</summary>
public sealed class ReferenceLinkCrawler
{
    private static readonly Regex Href = new Regex("href=\"(https?://[^\"]+)\"", RegexOptions.Compiled);

    private readonly HttpClient _http;
    private readonly HtmlWeb _web = new HtmlWeb();
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(4);
    private readonly Dictionary<string, string[]> _disallowed = new Dictionary<string, string[]>();

    public ReferenceLinkCrawler(HttpClient http) => _http = http;

    public async Task<Dictionary<string, string>> TitlesAsync(IReadOnlyList<Uri> pages, CancellationToken ct)
    {
        var results = await Task.WhenAll(pages.Select(async page =>
        {
            await _gate.WaitAsync(ct);
            try
            {
                if (!await AllowedAsync(page, ct))
                {
                    return (Url: page, Title: "");
                }

                var html = await _http.GetStringAsync(page, ct);
                var doc = new HtmlDocument();
                doc.LoadHtml(html);
                return (Url: page, Title: doc.DocumentNode.SelectSingleNode("//title")?.InnerText.Trim() ?? "");
            }
            finally
            {
                _gate.Release();
            }
        }));

        return results.ToDictionary(r => r.Url.ToString(), r => r.Title);
    }

    public async Task<HashSet<string>> FollowReferencesAsync(IEnumerable<Uri> articles, CancellationToken ct)
    {
        var outbound = new HashSet<string>();
        foreach (var article in articles)
        {
            if (!await AllowedAsync(article, ct))
            {
                continue;
            }

            var html = await _http.GetStringAsync(article, ct); // expect: SL2002
            foreach (Match m in Href.Matches(html))
            {
                outbound.Add(m.Groups[1].Value);
            }
        }

        return outbound;
    }

    public async Task<int> WarmCacheAsync(IEnumerable<string> urls)
    {
        var docs = await Task.WhenAll(urls.Select(u => _web.LoadFromWebAsync(u))); // expect: SL2001, SL2003
        return docs.Count(d => d.DocumentNode.SelectSingleNode("//title") != null);
    }

    private async Task<bool> AllowedAsync(Uri url, CancellationToken ct)
    {
        if (!_disallowed.TryGetValue(url.Host, out var rules))
        {
            string text;
            try
            {
                text = await _http.GetStringAsync(new Uri(url, "/robots.txt"), ct);
            }
            catch (HttpRequestException)
            {
                text = "";
            }

            rules = text.Split('\n')
                .Where(l => l.StartsWith("Disallow:", StringComparison.OrdinalIgnoreCase))
                .Select(l => l.Substring(9).Trim())
                .Where(p => p.Length > 0)
                .ToArray();
            _disallowed[url.Host] = rules;
        }

        return !rules.Any(r => url.AbsolutePath.StartsWith(r, StringComparison.Ordinal));
    }
}
