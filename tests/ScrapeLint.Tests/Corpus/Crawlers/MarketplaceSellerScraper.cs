using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading;
using HtmlAgilityPack;

namespace SellerIndex;

public class Seller
{
    public string Id = "";
    public string Name = "";
    public string Rating = "";
    public string Since = "";
}

// old .NET Framework tool, ported as is
public static class SellerScraper
{
    const string Site = "https://www.example-market.com";

    public static List<string> SellerIds(int pages)
    {
        var ids = new List<string>();
        using (var wc = new WebClient())
        {
            wc.Headers[HttpRequestHeader.UserAgent] = "SellerIndex/2.0 (+https://sellerindex.example/bot)";
            for (int p = 1; p <= pages; p++)
            {
                var html = wc.DownloadString(Site + "/search?sort=newest&page=" + p); // expect: SL2001, SL2002
                foreach (Match m in Regex.Matches(html, "href=\"/members/(\\d+)/\""))
                {
                    if (!ids.Contains(m.Groups[1].Value)) ids.Add(m.Groups[1].Value);
                }
            }
        }
        return ids;
    }

    public static List<Seller> Scrape(List<string> sellerIds, string avatarDir)
    {
        var sellers = new List<Seller>();
        Directory.CreateDirectory(avatarDir);
        using var wc = new WebClient();
        wc.Headers[HttpRequestHeader.UserAgent] = "SellerIndex/2.0 (+https://sellerindex.example/bot)";

        sellerIds.ForEach(id =>
        {
            var html = wc.DownloadString($"{Site}/members/{id}/"); // expect: SL1001, SL2001
            var doc = new HtmlDocument();
            doc.LoadHtml(html);

            var avatar = doc.DocumentNode.SelectSingleNode("//img[@class='avatar']")?.GetAttributeValue("src", "");
            if (!string.IsNullOrEmpty(avatar))
            {
                wc.DownloadFile(new Uri(new Uri(Site), avatar), Path.Combine(avatarDir, id + ".png")); // expect: SL1002, SL2001
            }

            sellers.Add(new Seller
            {
                Id = id,
                Name = doc.DocumentNode.SelectSingleNode("//h1")?.InnerText.Trim() ?? "",
                Rating = doc.DocumentNode.SelectSingleNode("//span[@class='rating']")?.InnerText.Trim() ?? "",
                Since = doc.DocumentNode.SelectSingleNode("//span[@class='member-since']")?.InnerText.Trim() ?? "",
            });

            Thread.Sleep(1200);
        });

        return sellers;
    }

    // TODO: call this before scraping (never wired up)
    static bool RobotsAllows(WebClient wc, string path)
    {
        var txt = wc.DownloadString(Site + "/robots.txt");
        return !txt.Contains("Disallow: " + path);
    }
}
