// A request wrapper passed as a method group: once per element of the collection it is applied to.
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using HtmlAgilityPack;

namespace Fan;

public sealed class TitleScraper
{
    private readonly HttpClient _client = new();

    public async Task<string?> TitleAsync(string url)
    {
        var doc = new HtmlDocument();
        doc.LoadHtml(await _client.GetStringAsync(url));
        return doc.DocumentNode.SelectSingleNode("//title")?.InnerText;
    }

    public string? Title(string url)
    {
        var doc = new HtmlWeb().Load(url);
        return doc.DocumentNode.SelectSingleNode("//title")?.InnerText;
    }
}

public static class MethodGroupFanOut
{
    public static async Task<string?[]> AllAsync(List<string> urls, TitleScraper scraper)
    {
        var tasks = urls.Select(scraper.TitleAsync).ToList(); // expect: SL2001
        return await Task.WhenAll(tasks); // expect: SL2003
    }

    public static List<string?> Sequential(List<string> urls, TitleScraper scraper)
        => urls.Select(scraper.Title).ToList(); // expect: SL2001, SL2002

    public static List<string?> Converted(List<string> urls, TitleScraper scraper)
        => urls.ConvertAll(scraper.Title); // no iteration context is modelled for ConvertAll yet
}
