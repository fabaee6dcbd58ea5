using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Flurl.Http;
using HtmlAgilityPack;

// Scrapes "for sale" listings of one city and keeps a copy of each listing's main photo.
var city = args.FirstOrDefault() ?? "springfield";
var rnd = new Random();
var listings = new List<Listing>();

for (var page = 1; page <= 25; page++)
{
    var html = await $"https://www.example-homes.com/for-sale/{city}?page={page}" // expect: SL2001
        .WithHeader("User-Agent", "HomeIndex/0.9 (+mailto:ops@homeindex.example)")
        .GetStringAsync();

    var doc = new HtmlDocument();
    doc.LoadHtml(html);
    var cards = doc.DocumentNode.SelectNodes("//div[contains(@class,'listing-card')]");
    if (cards == null)
    {
        break;
    }

    foreach (var card in cards)
    {
        listings.Add(new Listing(
            card.GetAttributeValue("data-listing-id", ""),
            card.SelectSingleNode(".//address")?.InnerText.Trim() ?? "",
            card.SelectSingleNode(".//span[@class='price']")?.InnerText.Trim() ?? "",
            card.SelectSingleNode(".//img")?.GetAttributeValue("data-src", "")));
    }

    Console.WriteLine($"page {page}: {cards.Count} listings");
    await Task.Delay(rnd.Next(1500, 4000));
}

Directory.CreateDirectory("photos");
var downloaded = 0;
foreach (var listing in listings)
{
    if (string.IsNullOrEmpty(listing.PhotoUrl))
    {
        continue;
    }

    await listing.PhotoUrl.DownloadFileAsync("photos", $"{listing.Id}.jpg"); // expect: SL1002, SL2001, SL2002
    downloaded++;
}

var byPrice = listings
    .Select(l => (Listing: l, Price: decimal.TryParse(l.Price.Replace("$", "").Replace(",", ""), out var p) ? p : (decimal?)null))
    .Where(x => x.Price.HasValue)
    .OrderBy(x => x.Price)
    .ToList();
if (byPrice.Count > 0)
{
    Console.WriteLine($"cheapest: {byPrice[0].Listing.Address} at {byPrice[0].Listing.Price}");
    Console.WriteLine($"median:   {byPrice[byPrice.Count / 2].Listing.Price}");
}

File.WriteAllLines("listings.tsv", listings.Select(l => $"{l.Id}\t{l.Address}\t{l.Price}"));
Console.WriteLine($"{listings.Count} listings, {downloaded} photos");

internal sealed record Listing(string Id, string Address, string Price, string? PhotoUrl);
