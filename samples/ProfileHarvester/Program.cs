using System.Net;
using System.Text.Json;
using ProfileHarvester;

// ProfileHarvester <handles.txt> <output-dir> [--team-page <url>]
if (args.Length < 2 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("""
        usage: ProfileHarvester <handles.txt> <output-dir> [--team-page <url>]

          handles.txt   one LinkedIn handle per line (the part after /in/), # for comments
          output-dir    where profiles.json and photos/ are written
          --team-page   also crawl a company site from <url> and add the LinkedIn handles it links to

        This is ScrapeLint's deliberately non-compliant sample. Build it to see the warnings;
        do not run it against real sites.
        """);
    return 2;
}

var outputDir = args[1];
Directory.CreateDirectory(outputDir);

// Look like a browser so the pages come back the same as in Chrome.
var handler = new HttpClientHandler
{
    AutomaticDecompression = DecompressionMethods.All,
    CookieContainer = new CookieContainer(),
    UseCookies = true,
};
using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36");
http.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");

var handles = File.ReadLines(args[0])
    .Select(line => line.Trim())
    .Where(line => line.Length > 0 && !line.StartsWith('#'))
    .ToList();

var teamPage = Array.IndexOf(args, "--team-page");
if (teamPage >= 0 && teamPage + 1 < args.Length)
{
    var crawler = new LinkCrawler(http, maxPages: 200);
    var pages = await crawler.CrawlAsync(new Uri(args[teamPage + 1]));
    handles = handles.Concat(pages.SelectMany(p => p.LinkedInHandles))
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .ToList();
}

Console.WriteLine($"{handles.Count} handles");

var scraper = new ProfileScraper(http, new AvatarDownloader(http, Path.Combine(outputDir, "photos")));
var profiles = await scraper.ScrapeAsync(handles);

var fetcher = new ParallelFetcher(http);
var experience = await fetcher.FetchAllAsync(
    profiles.Select(p => $"https://www.linkedin.com/in/{p.Handle}/details/experience/").ToList());

var result = new HarvestResult(DateTimeOffset.UtcNow, profiles, experience);
await using (var output = File.Create(Path.Combine(outputDir, "profiles.json")))
{
    await JsonSerializer.SerializeAsync(output, result, new JsonSerializerOptions { WriteIndented = true });
}

Console.WriteLine($"saved {profiles.Count} profiles to {outputDir}");
return 0;
