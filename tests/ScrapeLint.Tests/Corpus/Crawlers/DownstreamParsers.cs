// Pages parsed after they leave the request's lambda or loop: in the next LINQ stage, from an array the loop
// fills, or from a list; and a page object whose URL gets a conditional tail.
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using HtmlAgilityPack;
using Microsoft.Playwright;

namespace Downstream;

public static class DownstreamParsers
{
    public static int Chained(string[] urls)
    {
        var docs = urls.Select(u => Download(u)).Select(Parse); // expect: SL2001, SL2002
        return docs.Count(d => d.DocumentNode.SelectSingleNode("//h1") != null);
    }

    public static string[] IntoArray(string[] urls)
    {
        var pages = new string[urls.Length];
        var client = new WebClient();
        for (var i = 0; i < urls.Length; i++)
        {
            using var reader = new StreamReader(client.OpenRead(urls[i])); // expect: SL2001, SL2002
            pages[i] = reader.ReadToEnd();
        }

        foreach (var html in pages)
        {
            Parse(html);
        }

        return pages;
    }

    public static void IntoList(IEnumerable<string> urls)
    {
        var pages = new List<string>();
        using var client = new WebClient();
        foreach (var url in urls)
        {
            pages.Add(client.DownloadString(url)); // expect: SL2001, SL2002
        }

        var titles = pages.Select(p => Parse(p).DocumentNode.SelectSingleNode("//title")?.InnerText).ToList();
    }

    private static string Download(string url)
    {
        using var client = new WebClient();
        return client.DownloadString(url);
    }

    private static HtmlDocument Parse(string html)
    {
        var doc = new HtmlDocument();
        doc.LoadHtml(html);
        return doc;
    }
}

public sealed class ReviewListPage
{
    private readonly IPage _page;
    private readonly string _userId;

    public ReviewListPage(IPage page, string userId)
    {
        _page = page;
        _userId = userId;
    }

    public async Task LoadAsync(int? listPage = null)
    {
        var url = $"https://books.example.org/review/list/{_userId}?shelf=read";
        if (listPage != null)
        {
            url += $"&page={listPage}";
        }

        await _page.GotoAsync(url);
    }
}

public sealed class ReviewUsers
{
    public async Task VisitAsync(IPage page, List<string> userIds)
    {
        foreach (var userId in userIds)
        {
            await new ReviewListPage(page, userId).LoadAsync(); // expect: SL2001, SL2002
        }
    }
}
