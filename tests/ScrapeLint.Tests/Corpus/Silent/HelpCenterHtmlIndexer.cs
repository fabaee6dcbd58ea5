using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using HtmlAgilityPack;

namespace Northwind.Docs.Search;

public sealed record IndexedArticle(string Path, string Title, IReadOnlyList<string> Headings, IReadOnlyList<string> Links, IReadOnlyList<string> Images);

/// <summary>
/// Builds the search index of our help centre from the static site generator's output folder
/// (HTML files on disk), and validates the links between articles.
/// </summary>
public sealed class HelpCenterHtmlIndexer
{
    public List<IndexedArticle> IndexFolder(string siteOutput)
    {
        var articles = new List<IndexedArticle>();
        foreach (var path in Directory.EnumerateFiles(siteOutput, "*.html", SearchOption.AllDirectories))
        {
            var document = new HtmlDocument();
            document.Load(path);
            articles.Add(Extract(Path.GetRelativePath(siteOutput, path), document));
        }

        return articles;
    }

    public List<IndexedArticle> IndexSnippets(IReadOnlyDictionary<string, string> snippets)
    {
        var articles = new List<IndexedArticle>();
        foreach (var (name, html) in snippets)
        {
            var document = new HtmlDocument();
            document.LoadHtml(html);
            articles.Add(Extract(name, document));
        }

        return articles;
    }

    public IEnumerable<string> BrokenLinks(string siteOutput, IEnumerable<IndexedArticle> articles)
    {
        var queue = new Queue<IndexedArticle>(articles);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (queue.Count > 0)
        {
            var article = queue.Dequeue();
            foreach (var link in article.Links.Where(l => !l.StartsWith("http", StringComparison.OrdinalIgnoreCase)))
            {
                var target = Path.GetFullPath(Path.Combine(siteOutput, Path.GetDirectoryName(article.Path) ?? "", link.Split('#')[0]));
                if (!seen.Add(target))
                {
                    continue;
                }

                if (!File.Exists(target))
                {
                    yield return $"{article.Path} -> {link}";
                }
            }
        }
    }

    private static IndexedArticle Extract(string path, HtmlDocument document)
    {
        var root = document.DocumentNode;
        var title = root.SelectSingleNode("//title")?.InnerText.Trim() ?? Path.GetFileNameWithoutExtension(path);
        var headings = root.SelectNodes("//h2|//h3")?.Select(h => HtmlEntity.DeEntitize(h.InnerText).Trim()).ToList() ?? new List<string>();
        var links = root.SelectNodes("//a[@href]")?.Select(a => a.GetAttributeValue("href", "")).Where(h => h.Length > 0).ToList() ?? new List<string>();
        var images = root.SelectNodes("//img[@src]")?.Select(i => i.GetAttributeValue("src", "")).ToList() ?? new List<string>();
        return new IndexedArticle(path, title, headings, links, images);
    }
}
