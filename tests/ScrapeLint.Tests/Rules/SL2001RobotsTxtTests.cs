using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ScrapeLint.Tests.Verifiers;
using Verify = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.RobotsTxtRule>;

namespace ScrapeLint.Tests.Rules;

/// <summary>
/// SL2001: a crawl request (or an Abot crawler that does not respect robots.txt) with no robots.txt check
/// on its path. The span is the request invocation without <c>await</c>, or the call of the project helper
/// in the loop, or the recursive call of a recursive crawler.
/// </summary>
public class SL2001RobotsTxtTests
{
    private static DiagnosticResult Expected(int location = 0) => Verify.Diagnostic("SL2001").WithLocation(location);

    // ------------------------------------------------------------------------------------------------
    // Reported
    // ------------------------------------------------------------------------------------------------

    [Fact]
    public Task QueueDrainingHtmlAgilityPackCrawler_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        namespace Acme.Crawler
        {
            public sealed class SiteCrawler
            {
                private readonly HtmlWeb web = new HtmlWeb();

                public async Task<IReadOnlyList<string>> CrawlAsync(string seed, int maxPages = 500)
                {
                    var root = new Uri(seed);
                    var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    var frontier = new Queue<string>();
                    frontier.Enqueue(seed);

                    while (frontier.Count > 0 && visited.Count < maxPages)
                    {
                        var url = frontier.Dequeue();
                        if (!visited.Add(url))
                        {
                            continue;
                        }

                        var doc = await {|#0:web.LoadFromWebAsync(url)|};
                        var links = doc.DocumentNode.SelectNodes("//a[@href]") ?? Enumerable.Empty<HtmlNode>();
                        foreach (var link in links)
                        {
                            var href = link.GetAttributeValue("href", "");
                            if (Uri.TryCreate(root, href, out var next) && next.Host == root.Host)
                            {
                                frontier.Enqueue(next.GetLeftPart(UriPartial.Path));
                            }
                        }
                    }

                    return visited.ToList();
                }
            }
        }
        """, Expected());

    [Fact]
    public Task AngleSharpCrawlOverDiscoveredLinks_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using AngleSharp;
        using AngleSharp.Html.Dom;

        public class ArticleHarvester
        {
            public async Task<List<string>> HarvestTitlesAsync()
            {
                var context = BrowsingContext.New(Configuration.Default.WithDefaultLoader());
                var index = await context.OpenAsync("https://news.example.org/archive");
                var articleLinks = index.QuerySelectorAll("a.article-link")
                    .OfType<IHtmlAnchorElement>()
                    .Select(a => a.Href)
                    .Distinct()
                    .ToList();

                var titles = new List<string>();
                foreach (var href in articleLinks)
                {
                    var article = await {|#0:context.OpenAsync(href)|};
                    titles.Add(article.QuerySelector("h1")?.TextContent.Trim() ?? "");
                }

                return titles;
            }
        }
        """, Expected());

    [Fact]
    public Task SeleniumPageObjectVisitingProductPages_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using OpenQA.Selenium;

        namespace Shop.Scraper.Pages
        {
            public sealed class ProductPage
            {
                private readonly IWebDriver driver;

                public ProductPage(IWebDriver driver) => this.driver = driver;

                public void Open(string url) => driver.Navigate().GoToUrl(url);

                public string Title => driver.FindElement(By.CssSelector("h1.product-title")).Text;

                public string Price => driver.FindElement(By.CssSelector("span.price")).Text;
            }
        }

        namespace Shop.Scraper
        {
            using Shop.Scraper.Pages;

            public record Product(string Url, string Title, string Price);

            public sealed class CatalogScraper
            {
                private readonly ProductPage productPage;

                public CatalogScraper(ProductPage productPage) => this.productPage = productPage;

                public List<Product> Scrape(IEnumerable<string> productUrls)
                {
                    var products = new List<Product>();
                    foreach (var url in productUrls)
                    {
                        {|#0:productPage.Open(url)|};
                        products.Add(new Product(url, productPage.Title, productPage.Price));
                    }

                    return products;
                }
            }
        }
        """, Expected());

    [Fact]
    public Task PlaywrightLoopOverScrapedLinks_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Playwright;

        public class ListingScraper
        {
            public async Task<Dictionary<string, string>> ScrapeAsync(IPage page)
            {
                await page.GotoAsync("https://listings.example.com/search?q=apartments");
                var links = await page.Locator("a.listing-card").EvaluateAllAsync<string[]>("els => els.map(e => e.href)");

                var descriptions = new Dictionary<string, string>();
                foreach (var link in links)
                {
                    await {|#0:page.GotoAsync(link)|};
                    descriptions[link] = await page.Locator("div.description").InnerTextAsync();
                }

                return descriptions;
            }
        }
        """, Expected());

    [Fact]
    public Task PuppeteerPaginationOverCatalogPages_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using PuppeteerSharp;

        public static class CatalogDump
        {
            public static async Task<List<string>> DumpAsync(int pageCount)
            {
                var browser = await Puppeteer.LaunchAsync(new LaunchOptions { Headless = true });
                try
                {
                    var page = await browser.NewPageAsync();
                    var html = new List<string>();
                    for (var i = 1; i <= pageCount; i++)
                    {
                        await {|#0:page.GoToAsync($"https://www.example-shop.com/catalog?page={i}")|};
                        html.Add(await page.GetContentAsync());
                    }

                    return html;
                }
                finally
                {
                    await browser.CloseAsync();
                }
            }
        }
        """, Expected());

    [Fact]
    public Task InjectedHttpClientWithHtmlDocumentLoadHtmlInForeach_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        namespace PriceWatch
        {
            public sealed class PriceScraper
            {
                private readonly HttpClient http;

                public PriceScraper(HttpClient http) => this.http = http;

                public async Task<Dictionary<string, string>> GetPricesAsync(IReadOnlyList<string> productUrls, CancellationToken ct)
                {
                    var prices = new Dictionary<string, string>();
                    foreach (var url in productUrls)
                    {
                        var html = await {|#0:http.GetStringAsync(url, ct)|};
                        var doc = new HtmlDocument();
                        doc.LoadHtml(html);
                        prices[url] = doc.DocumentNode.SelectSingleNode("//span[@itemprop='price']")?.InnerText.Trim() ?? "n/a";
                    }

                    return prices;
                }
            }
        }
        """, Expected());

    [Fact]
    public Task RegexHrefScanOfFetchedPages_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Text.RegularExpressions;
        using System.Threading.Tasks;

        public class LinkCollector
        {
            private static readonly Regex HrefPattern = new Regex("href=\"(https?://[^\"]+)\"", RegexOptions.IgnoreCase | RegexOptions.Compiled);
            private readonly HttpClient client = new HttpClient();

            public async Task<HashSet<string>> CollectAsync(IEnumerable<string> pages)
            {
                var found = new HashSet<string>();
                foreach (var page in pages)
                {
                    string body = await {|#0:client.GetStringAsync(page)|};
                    foreach (Match m in HrefPattern.Matches(body))
                    {
                        found.Add(m.Groups[1].Value);
                    }
                }

                return found;
            }
        }
        """, Expected());

    [Fact]
    public Task RecursiveCrawler_ReportsAtRecursiveCall() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Concurrent;
        using System.Linq;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class RecursiveCrawler
        {
            private readonly HtmlWeb web = new HtmlWeb();
            private readonly ConcurrentDictionary<string, string> pages = new ConcurrentDictionary<string, string>();

            public Task RunAsync() => CrawlAsync("https://docs.example.net/", 0);

            private async Task CrawlAsync(string url, int depth)
            {
                if (depth > 3 || !pages.TryAdd(url, ""))
                {
                    return;
                }

                var doc = await web.LoadFromWebAsync(url);
                pages[url] = doc.DocumentNode.InnerText;

                var links = doc.DocumentNode.SelectNodes("//a[@href]")?
                    .Select(a => a.GetAttributeValue("href", ""))
                    .Where(h => h.StartsWith("https://docs.example.net/", StringComparison.Ordinal))
                    .ToList();
                if (links is null)
                {
                    return;
                }

                foreach (var link in links)
                {
                    await {|#0:CrawlAsync(link, depth + 1)|};
                }
            }
        }
        """, Expected());

    [Fact]
    public Task HelperTwoCallsDeepInInjectedService_ReportsAtCallInLoop() => Verify.VerifyAsync(new[]
    {
        """
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        namespace Acme.Scraping.Infrastructure
        {
            public sealed class PageFetcher
            {
                private readonly HttpClient httpClient;

                public PageFetcher(HttpClient httpClient) => this.httpClient = httpClient;

                public async Task<HtmlDocument> FetchDocumentAsync(string url, CancellationToken ct = default)
                {
                    var html = await DownloadAsync(url, ct);
                    var doc = new HtmlDocument();
                    doc.LoadHtml(html);
                    return doc;
                }

                private async Task<string> DownloadAsync(string url, CancellationToken ct)
                {
                    using var response = await httpClient.GetAsync(url, ct);
                    response.EnsureSuccessStatusCode();
                    return await response.Content.ReadAsStringAsync(ct);
                }
            }
        }
        """,
        """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Acme.Scraping.Infrastructure;

        namespace Acme.Scraping
        {
            public sealed class ForumCrawler
            {
                private readonly PageFetcher fetcher;

                public ForumCrawler(PageFetcher fetcher) => this.fetcher = fetcher;

                public async Task<int> CrawlAsync(Uri start, CancellationToken ct)
                {
                    var seen = new HashSet<string> { start.AbsoluteUri };
                    var pending = new Queue<string>(seen);
                    while (pending.TryDequeue(out var url))
                    {
                        var doc = await {|#0:fetcher.FetchDocumentAsync(url, ct)|};
                        foreach (var href in doc.DocumentNode.SelectNodes("//a[@href]")?.Select(n => n.GetAttributeValue("href", "")) ?? Enumerable.Empty<string>())
                        {
                            if (Uri.TryCreate(start, href, out var abs) && abs.Host == start.Host && seen.Add(abs.AbsoluteUri))
                            {
                                pending.Enqueue(abs.AbsoluteUri);
                            }
                        }
                    }

                    return seen.Count;
                }
            }
        }
        """,
    }, editorConfig: null, OutputKind.DynamicallyLinkedLibrary, Expected());

    [Fact]
    public Task AwaitForeachOverChannelReader_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Threading;
        using System.Threading.Channels;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class ChannelCrawler
        {
            private readonly Channel<string> frontier = Channel.CreateUnbounded<string>();
            private readonly HtmlWeb web = new HtmlWeb();

            public void Seed(string url) => frontier.Writer.TryWrite(url);

            public async Task RunAsync(CancellationToken ct)
            {
                await foreach (var url in frontier.Reader.ReadAllAsync(ct))
                {
                    var doc = await {|#0:web.LoadFromWebAsync(url, ct)|};
                    var anchors = doc.DocumentNode.SelectNodes("//a[@href]");
                    if (anchors is null)
                    {
                        continue;
                    }

                    foreach (var a in anchors)
                    {
                        var href = a.GetAttributeValue("href", "");
                        if (href.StartsWith("https://", StringComparison.Ordinal))
                        {
                            frontier.Writer.TryWrite(href);
                        }
                    }
                }
            }
        }
        """, Expected());

    [Fact]
    public Task TopLevelProgramLoadingUrlsFromFile_Reports() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using HtmlAgilityPack;

        var web = new HtmlWeb();
        var urls = File.ReadAllLines("urls.txt");
        using var output = new StreamWriter("titles.csv");
        foreach (var url in urls)
        {
            var doc = {|#0:web.Load(url)|};
            var title = doc.DocumentNode.SelectSingleNode("//title")?.InnerText ?? "";
            output.WriteLine($"{url},{title.Replace(',', ' ')}");
        }

        Console.WriteLine($"Scraped {urls.Length} pages");
        """, Expected());

    [Fact]
    public Task AbotCrawlerWithoutRobotsRespect_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using Abot2.Crawler;
        using Abot2.Poco;

        public class AbotRunner
        {
            public async Task RunAsync()
            {
                var config = new CrawlConfiguration
                {
                    MaxPagesToCrawl = 5000,
                    MinCrawlDelayPerDomainMilliSeconds = 1000,
                };
                var crawler = new PoliteWebCrawler(config);
                var result = await {|#0:crawler.CrawlAsync(new Uri("https://www.example-shop.com/"))|};
                Console.WriteLine(result.ErrorOccurred ? "failed" : "done");
            }
        }
        """, Expected());

    [Fact]
    public Task AbotCrawlerWithDefaultConfiguration_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using Abot2.Crawler;

        public static class QuickCrawl
        {
            public static async Task RunAsync(string site)
            {
                var crawler = new PoliteWebCrawler();
                await {|#0:crawler.CrawlAsync(new Uri(site))|};
            }
        }
        """, Expected());

    [Fact]
    public Task RobotsRoutineDefinedButNeverCalled_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class BlogCrawler
        {
            private readonly HttpClient http;

            public BlogCrawler(HttpClient http) => this.http = http;

            // TODO: wire this in before going to production
            public async Task<bool> IsAllowedByRobotsAsync(Uri url)
            {
                var robots = await http.GetStringAsync(new Uri(url, "/robots.txt"));
                return !robots.Split('\n')
                    .Where(l => l.StartsWith("Disallow:", StringComparison.OrdinalIgnoreCase))
                    .Select(l => l.Substring("Disallow:".Length).Trim())
                    .Any(p => p.Length > 0 && url.AbsolutePath.StartsWith(p, StringComparison.Ordinal));
            }

            public async Task<List<string>> CrawlAsync(IEnumerable<Uri> posts)
            {
                var bodies = new List<string>();
                foreach (var post in posts)
                {
                    var html = await {|#0:http.GetStringAsync(post)|};
                    var doc = new HtmlDocument();
                    doc.LoadHtml(html);
                    bodies.Add(doc.DocumentNode.SelectSingleNode("//article")?.InnerText ?? "");
                }

                return bodies;
            }
        }
        """, Expected());

    [Fact]
    public Task DelayButNoRobotsCheck_StillReports() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class PoliteButBlindCrawler
        {
            public async Task<List<HtmlDocument>> FetchAllAsync(IEnumerable<string> urls)
            {
                var web = new HtmlWeb();
                var docs = new List<HtmlDocument>();
                foreach (var url in urls)
                {
                    docs.Add(await {|#0:web.LoadFromWebAsync(url)|});
                    await Task.Delay(TimeSpan.FromSeconds(2));
                }

                return docs;
            }
        }
        """, Expected());

    [Fact]
    public Task WhilePaginationOverHtmlListingPages_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class JobBoardScraper
        {
            private const string BaseUrl = "https://jobs.example-board.com/listings";
            private readonly HttpClient http;

            public JobBoardScraper(HttpClient http) => this.http = http;

            public async Task<List<string>> ScrapeTitlesAsync()
            {
                var titles = new List<string>();
                var page = 1;
                var hasNext = true;
                while (hasNext)
                {
                    var html = await {|#0:http.GetStringAsync(BaseUrl + "?page=" + page)|};
                    var doc = new HtmlDocument();
                    doc.LoadHtml(html);
                    foreach (var node in doc.DocumentNode.SelectNodes("//h2[@class='job-title']") ?? new HtmlNodeCollection(null))
                    {
                        titles.Add(node.InnerText.Trim());
                    }

                    hasNext = doc.DocumentNode.SelectSingleNode("//a[@rel='next']") != null;
                    page++;
                }

                return titles;
            }
        }
        """, Expected());

    [Fact]
    public Task FlurlStringExtensionWithAngleSharpParser_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using AngleSharp.Html.Parser;
        using Flurl.Http;

        public class RecipeScraper
        {
            private readonly HtmlParser parser = new HtmlParser();

            public async Task<List<string>> GetIngredientsAsync(IEnumerable<string> recipeSlugs)
            {
                var all = new List<string>();
                foreach (var slug in recipeSlugs)
                {
                    var url = $"https://recipes.example.com/r/{slug}";
                    var html = await {|#0:url.GetStringAsync()|};
                    var document = parser.ParseDocument(html);
                    foreach (var li in document.QuerySelectorAll("ul.ingredients li"))
                    {
                        all.Add(li.TextContent.Trim());
                    }
                }

                return all;
            }
        }
        """, Expected());

    [Fact]
    public Task ConcurrentFanOutWithoutRobots_ReportsAtRequestInLambda() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class FastScraper
        {
            private readonly HttpClient http;

            public FastScraper(HttpClient http) => this.http = http;

            public async Task<HtmlDocument[]> LoadAllAsync(IEnumerable<string> urls)
            {
                return await Task.WhenAll(urls.Select(async u =>
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(await {|#0:http.GetStringAsync(u)|});
                    return doc;
                }));
            }
        }
        """, Expected());

    [Fact]
    public Task RobotsPolicyMethodNotListedInOptions_Reports() => Verify.VerifyAsync(RobotsPolicyInterfaceSource, Expected());

    // ------------------------------------------------------------------------------------------------
    // Silent
    // ------------------------------------------------------------------------------------------------

    [Fact]
    public Task RobotsTxtFetchedInLoop_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class SiteCrawler
        {
            private readonly HttpClient http;
            private readonly Dictionary<string, string[]> disallowByHost = new Dictionary<string, string[]>();

            public SiteCrawler(HttpClient http) => this.http = http;

            public async Task CrawlAsync(string seed)
            {
                var frontier = new Queue<string>(new[] { seed });
                var visited = new HashSet<string>();
                while (frontier.Count > 0)
                {
                    var u = new Uri(frontier.Dequeue());
                    if (!visited.Add(u.AbsoluteUri))
                    {
                        continue;
                    }

                    if (!disallowByHost.TryGetValue(u.Host, out var disallowed))
                    {
                        var robots = await http.GetStringAsync(new Uri(u, "/robots.txt"));
                        disallowed = robots.Split('\n')
                            .Where(l => l.StartsWith("Disallow:", StringComparison.OrdinalIgnoreCase))
                            .Select(l => l.Substring(9).Trim())
                            .Where(p => p.Length > 0)
                            .ToArray();
                        disallowByHost[u.Host] = disallowed;
                    }

                    if (disallowed.Any(p => u.AbsolutePath.StartsWith(p, StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    var doc = new HtmlDocument();
                    doc.LoadHtml(await http.GetStringAsync(u));
                    foreach (var a in doc.DocumentNode.SelectNodes("//a[@href]") ?? Enumerable.Empty<HtmlNode>())
                    {
                        if (Uri.TryCreate(u, a.GetAttributeValue("href", ""), out var next))
                        {
                            frontier.Enqueue(next.AbsoluteUri);
                        }
                    }
                }
            }
        }
        """);

    [Fact]
    public Task RobotsFetchedOnceBeforeCrawl_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class SingleSiteCrawler
        {
            public async Task<int> CrawlAsync(Uri site, IEnumerable<string> paths)
            {
                var web = new HtmlWeb();
                var robots = await new System.Net.Http.HttpClient().GetStringAsync(new Uri(site, "/robots.txt"));
                var disallowed = robots.Split('\n')
                    .Where(l => l.StartsWith("Disallow:", StringComparison.OrdinalIgnoreCase))
                    .Select(l => l.Substring(9).Trim())
                    .Where(p => p.Length > 0)
                    .ToList();

                var count = 0;
                foreach (var path in paths.Where(p => !disallowed.Any(d => p.StartsWith(d, StringComparison.Ordinal))))
                {
                    var doc = await web.LoadFromWebAsync(new Uri(site, path).AbsoluteUri);
                    count += doc.DocumentNode.SelectNodes("//p")?.Count ?? 0;
                }

                return count;
            }
        }
        """);

    [Fact]
    public Task RobotsHelperClassCalledInLoop_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        namespace Acme.Crawl
        {
            public sealed class RobotsChecker
            {
                private readonly HttpClient http;
                private readonly ConcurrentDictionary<string, string[]> cache = new ConcurrentDictionary<string, string[]>();

                public RobotsChecker(HttpClient http) => this.http = http;

                public async Task<bool> IsAllowedByRobotsAsync(Uri url)
                {
                    if (!cache.TryGetValue(url.Host, out var rules))
                    {
                        string text;
                        try
                        {
                            text = await http.GetStringAsync(new Uri(url, "/robots.txt"));
                        }
                        catch (HttpRequestException)
                        {
                            text = "";
                        }

                        rules = text.Split('\n')
                            .Where(l => l.TrimStart().StartsWith("Disallow:", StringComparison.OrdinalIgnoreCase))
                            .Select(l => l.Split(':', 2)[1].Trim())
                            .Where(p => p.Length > 0)
                            .ToArray();
                        cache[url.Host] = rules;
                    }

                    return !rules.Any(r => url.AbsolutePath.StartsWith(r, StringComparison.Ordinal));
                }
            }

            public sealed class CatalogCrawler
            {
                private readonly HttpClient http;
                private readonly RobotsChecker robots;

                public CatalogCrawler(HttpClient http, RobotsChecker robots)
                {
                    this.http = http;
                    this.robots = robots;
                }

                public async Task<List<string>> CrawlAsync(IEnumerable<Uri> pages)
                {
                    var names = new List<string>();
                    foreach (var page in pages)
                    {
                        if (!await robots.IsAllowedByRobotsAsync(page))
                        {
                            continue;
                        }

                        var doc = new HtmlDocument();
                        doc.LoadHtml(await http.GetStringAsync(page));
                        names.Add(doc.DocumentNode.SelectSingleNode("//h1")?.InnerText ?? "");
                    }

                    return names;
                }
            }
        }
        """);

    [Fact]
    public Task RobotsCheckTwoCallsDeep_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Playwright;

        public sealed class CrawlPolicyService
        {
            private readonly HttpClient http;
            private readonly Dictionary<string, string> robotsByHost = new Dictionary<string, string>();

            public CrawlPolicyService(HttpClient http) => this.http = http;

            public async Task<bool> ShouldVisitAsync(string url)
            {
                var uri = new Uri(url);
                var robots = await GetRobotsAsync(uri);
                return !robots.Contains("Disallow: " + uri.AbsolutePath, StringComparison.OrdinalIgnoreCase);
            }

            private async Task<string> GetRobotsAsync(Uri uri)
            {
                if (!robotsByHost.TryGetValue(uri.Host, out var text))
                {
                    text = await http.GetStringAsync($"{uri.Scheme}://{uri.Host}/robots.txt");
                    robotsByHost[uri.Host] = text;
                }

                return text;
            }
        }

        public sealed class GalleryScraper
        {
            private readonly CrawlPolicyService policy;

            public GalleryScraper(CrawlPolicyService policy) => this.policy = policy;

            public async Task<List<string>> ScrapeAsync(IPage page, IEnumerable<string> galleryUrls)
            {
                var captions = new List<string>();
                foreach (var url in galleryUrls)
                {
                    if (!await policy.ShouldVisitAsync(url))
                    {
                        continue;
                    }

                    await page.GotoAsync(url);
                    captions.Add(await page.Locator("figcaption").First.InnerTextAsync());
                }

                return captions;
            }
        }
        """);

    [Fact]
    public Task RobotsCheckMethodListedInOptions_IsSilent() => Verify.VerifyAsync(
        TestMarkup.Strip(RobotsPolicyInterfaceSource),
        "scrapelint.robots_check_methods = Acme.Crawl.IFetchGate.CanFetchAsync");

    [Fact]
    public Task RobotsCheckInDelegatingHandlerOfTheClient_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class RobotsTxtHandler : DelegatingHandler
        {
            private readonly Dictionary<string, string[]> disallowByHost = new Dictionary<string, string[]>();

            public RobotsTxtHandler(HttpMessageHandler inner) : base(inner) { }

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var uri = request.RequestUri!;
                if (!disallowByHost.TryGetValue(uri.Host, out var disallowed))
                {
                    using var robotsRequest = new HttpRequestMessage(HttpMethod.Get, new Uri(uri, "/robots.txt"));
                    using var robotsResponse = await base.SendAsync(robotsRequest, cancellationToken);
                    var text = robotsResponse.IsSuccessStatusCode ? await robotsResponse.Content.ReadAsStringAsync(cancellationToken) : "";
                    disallowed = text.Split('\n')
                        .Where(l => l.StartsWith("Disallow:", StringComparison.OrdinalIgnoreCase))
                        .Select(l => l.Substring(9).Trim())
                        .Where(p => p.Length > 0)
                        .ToArray();
                    disallowByHost[uri.Host] = disallowed;
                }

                if (disallowed.Any(p => uri.AbsolutePath.StartsWith(p, StringComparison.Ordinal)))
                {
                    return new HttpResponseMessage(HttpStatusCode.Forbidden) { RequestMessage = request };
                }

                return await base.SendAsync(request, cancellationToken);
            }
        }

        public static class HandbookCrawler
        {
            public static async Task<List<string>> CrawlAsync(IEnumerable<string> chapterUrls)
            {
                using var http = new HttpClient(new RobotsTxtHandler(new HttpClientHandler()));
                var chapters = new List<string>();
                foreach (var url in chapterUrls)
                {
                    using var response = await http.GetAsync(url);
                    if (!response.IsSuccessStatusCode)
                    {
                        continue;
                    }

                    var doc = new HtmlDocument();
                    doc.LoadHtml(await response.Content.ReadAsStringAsync());
                    chapters.Add(doc.DocumentNode.SelectSingleNode("//main")?.InnerText ?? "");
                }

                return chapters;
            }
        }
        """);

    [Fact]
    public Task AbotCrawlerRespectingRobots_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using Abot2.Crawler;
        using Abot2.Poco;

        public class AbotRunner
        {
            public async Task RunAsync()
            {
                var config = new CrawlConfiguration
                {
                    IsRespectRobotsDotTextEnabled = true,
                    MinCrawlDelayPerDomainMilliSeconds = 1500,
                    MaxPagesToCrawl = 5000,
                    UserAgentString = "AcmeBot/1.0 (+https://acme.example/bot)",
                };
                var crawler = new PoliteWebCrawler(config);
                await crawler.CrawlAsync(new Uri("https://www.example-shop.com/"));
            }
        }
        """);

    [Fact]
    public Task AbotRobotsEnabledByPropertyAssignment_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using Abot2.Crawler;
        using Abot2.Poco;

        public static class NightlyCrawl
        {
            public static async Task RunAsync(string site)
            {
                var config = new CrawlConfiguration();
                config.MaxPagesToCrawl = 200;
                config.IsRespectRobotsDotTextEnabled = true;
                config.MinCrawlDelayPerDomainMilliSeconds = 2000;
                IWebCrawler crawler = new PoliteWebCrawler(config);
                await crawler.CrawlAsync(new Uri(site));
            }
        }
        """);

    [Fact]
    public Task JsonApiPaginationLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Billing.Sync
        {
            public record Invoice(string Id, decimal Amount);
            public record InvoicePage(List<Invoice> Items, string? NextCursor);

            public sealed class InvoiceClient
            {
                private readonly HttpClient http;

                public InvoiceClient(HttpClient http) => this.http = http;

                public async Task<List<Invoice>> GetAllAsync(CancellationToken ct)
                {
                    var all = new List<Invoice>();
                    string? cursor = null;
                    do
                    {
                        var url = cursor is null ? "https://billing.acme-corp.example/v1/invoices" : $"https://billing.acme-corp.example/v1/invoices?cursor={cursor}";
                        var page = await http.GetFromJsonAsync<InvoicePage>(url, ct);
                        if (page is null)
                        {
                            break;
                        }

                        all.AddRange(page.Items);
                        cursor = page.NextCursor;
                    }
                    while (cursor != null);

                    return all;
                }
            }
        }
        """);

    [Fact]
    public Task OfficialApiHostFollowingLinkHeader_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text.Json;
        using System.Text.RegularExpressions;
        using System.Threading.Tasks;

        public sealed class GitHubRepoLister
        {
            private static readonly Regex NextLink = new Regex("<([^>]+)>;\\s*rel=\"next\"");
            private readonly HttpClient http;

            public GitHubRepoLister(HttpClient http) => this.http = http;

            public async Task<List<string>> ListAsync(string org)
            {
                var names = new List<string>();
                string? url = $"https://api.github.com/orgs/{org}/repos?per_page=100";
                while (url != null)
                {
                    using var response = await http.GetAsync(url);
                    response.EnsureSuccessStatusCode();
                    using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    names.AddRange(json.RootElement.EnumerateArray().Select(r => r.GetProperty("full_name").GetString() ?? ""));
                    url = NextPage(response.Headers);
                }

                return names;
            }

            private static string? NextPage(HttpResponseHeaders headers)
            {
                if (!headers.TryGetValues("Link", out var values))
                {
                    return null;
                }

                var match = NextLink.Match(string.Join(",", values));
                return match.Success ? match.Groups[1].Value : null;
            }
        }
        """);

    [Fact]
    public Task LocalhostSiteCrawledInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class LocalSiteLinkChecker
        {
            public async Task<List<string>> FindPagesWithoutTitleAsync(IEnumerable<string> slugs)
            {
                var web = new HtmlWeb();
                var missing = new List<string>();
                foreach (var slug in slugs)
                {
                    var doc = await web.LoadFromWebAsync($"http://localhost:5000/{slug}");
                    if (doc.DocumentNode.SelectSingleNode("//title") == null)
                    {
                        missing.Add(slug);
                    }
                }

                return missing;
            }
        }
        """);

    [Fact]
    public Task AllowedDomainFromOptions_IsSilent() => Verify.VerifyAsync(
        TestMarkup.Strip(OwnDocsCrawlerSource),
        "scrapelint.allowed_domains = acme-corp.com");

    [Fact]
    public Task OwnDocsCrawlerWithoutAllowedDomainsOption_Reports() => Verify.VerifyAsync(
        OwnDocsCrawlerSource,
        Expected());

    [Fact]
    public Task PollingOneFixedPage_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class StatusPageWatcher
        {
            private const string StatusPage = "https://status.vendor.example/";
            private readonly HttpClient http;

            public StatusPageWatcher(HttpClient http) => this.http = http;

            public event Action<string>? StatusChanged;

            public async Task WatchAsync(CancellationToken ct)
            {
                var last = "";
                while (!ct.IsCancellationRequested)
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(await http.GetStringAsync(StatusPage, ct));
                    var status = doc.DocumentNode.SelectSingleNode("//div[@class='overall-status']")?.InnerText.Trim() ?? "";
                    if (status != last)
                    {
                        StatusChanged?.Invoke(status);
                        last = status;
                    }

                    await Task.Delay(TimeSpan.FromMinutes(1), ct);
                }
            }
        }
        """);

    [Fact]
    public Task SinglePageFetchWithLoopOnlyOverParsedLinks_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public static class LinkExtractor
        {
            public static async Task<List<string>> GetLinksAsync(string pageUrl)
            {
                var doc = await new HtmlWeb().LoadFromWebAsync(pageUrl);
                var links = new List<string>();
                foreach (var a in doc.DocumentNode.SelectNodes("//a[@href]") ?? new HtmlNodeCollection(null))
                {
                    links.Add(a.GetAttributeValue("href", ""));
                }

                return links;
            }
        }
        """);

    [Fact]
    public Task MockedHandlerInUnitTest_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        namespace Shop.Scraper.Tests
        {
            public class ProductParsingTests
            {
                private sealed class CannedHtmlHandler : HttpMessageHandler
                {
                    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                        => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
                        {
                            Content = new StringContent($"<html><h1>Product {request.RequestUri!.Segments.Last()}</h1></html>"),
                        });
                }

                public async Task ParsesEveryProductPage()
                {
                    var http = new HttpClient(new CannedHtmlHandler());
                    var titles = new List<string>();
                    foreach (var id in Enumerable.Range(1, 5))
                    {
                        var doc = new HtmlDocument();
                        doc.LoadHtml(await http.GetStringAsync($"https://shop.example.com/products/{id}"));
                        titles.Add(doc.DocumentNode.SelectSingleNode("//h1").InnerText);
                    }

                    if (titles.Count != 5)
                    {
                        throw new System.Exception("expected five titles");
                    }
                }
            }
        }
        """);

    [Fact]
    public Task HealthChecksOfOwnServices_AreSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class HealthProbe
        {
            private readonly HttpClient http;
            private readonly IReadOnlyList<string> serviceBaseUrls;

            public HealthProbe(HttpClient http, IReadOnlyList<string> serviceBaseUrls)
            {
                this.http = http;
                this.serviceBaseUrls = serviceBaseUrls;
            }

            public async Task<Dictionary<string, bool>> ProbeAsync()
            {
                var result = new Dictionary<string, bool>();
                foreach (var baseUrl in serviceBaseUrls)
                {
                    try
                    {
                        using var response = await http.GetAsync($"{baseUrl}/healthz");
                        result[baseUrl] = response.IsSuccessStatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        result[baseUrl] = false;
                    }
                }

                return result;
            }
        }
        """);

    [Fact]
    public Task DownloadingOwnReleaseFiles_IsSilent() => Verify.VerifyAsync("""
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;

        public static class ReleaseMirror
        {
            public static async Task MirrorAsync(HttpClient http, string[] versions, string targetDir)
            {
                foreach (var version in versions)
                {
                    var bytes = await http.GetByteArrayAsync($"https://downloads.acme-corp.example/releases/{version}/acme-cli.zip");
                    await File.WriteAllBytesAsync(Path.Combine(targetDir, $"acme-cli-{version}.zip"), bytes);
                }
            }
        }
        """);

    [Fact]
    public Task DisplayUrlsThatAreNeverRequested_AreSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Text;
        using HtmlAgilityPack;

        public static class SitemapPage
        {
            public static string Render(IEnumerable<string> slugs)
            {
                var doc = new HtmlDocument();
                var body = new StringBuilder("<ul>");
                foreach (var slug in slugs)
                {
                    var url = $"https://www.example-shop.com/products/{slug}";
                    body.Append("<li><a href=\"").Append(url).Append("\">").Append(slug).Append("</a></li>");
                }

                doc.LoadHtml(body.Append("</ul>").ToString());
                return doc.DocumentNode.OuterHtml;
            }
        }
        """);

    // ------------------------------------------------------------------------------------------------
    // Shared sources for option tests (the same code with and without the option)
    // ------------------------------------------------------------------------------------------------

    private const string RobotsPolicyInterfaceSource = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        namespace Acme.Crawl
        {
            public interface IFetchGate
            {
                Task<bool> CanFetchAsync(string url);
            }

            public sealed class DirectoryCrawler
            {
                private readonly IFetchGate robots;
                private readonly HtmlWeb web = new HtmlWeb();

                public DirectoryCrawler(IFetchGate robots) => this.robots = robots;

                public async Task<List<string>> CrawlAsync(IEnumerable<string> listingUrls)
                {
                    var names = new List<string>();
                    foreach (var url in listingUrls)
                    {
                        if (!await robots.CanFetchAsync(url))
                        {
                            continue;
                        }

                        var doc = await {|#0:web.LoadFromWebAsync(url)|};
                        names.Add(doc.DocumentNode.SelectSingleNode("//h1")?.InnerText ?? "");
                    }

                    return names;
                }
            }
        }
        """;

    private const string OwnDocsCrawlerSource = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class DocsSearchIndexer
        {
            private readonly HtmlWeb web = new HtmlWeb();

            public async Task<Dictionary<string, string>> IndexAsync(IEnumerable<string> paths)
            {
                var index = new Dictionary<string, string>();
                foreach (var path in paths)
                {
                    var url = "https://docs.acme-corp.com/" + path.TrimStart('/');
                    var doc = await {|#0:web.LoadFromWebAsync(url)|};
                    index[url] = doc.DocumentNode.SelectSingleNode("//main")?.InnerText ?? "";
                }

                return index;
            }
        }
        """;

    /// <summary>Paging through a restricted platform's official API is no crawl (issue 16); its web pages are.</summary>
    [Theory]
    [InlineData("https://graph.instagram.com/v21.0/", false)]
    [InlineData("https://api.vk.com/method/users.get?v=5.199&user_ids=", false)]
    [InlineData("https://www.instagram.com/", true)]
    public Task LoopOverAPlatformsApiHost_IsNoCrawl(string prefix, bool reported)
    {
        var source = $$"""
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;

            public sealed class Accounts
            {
                public async Task LoadAsync(HttpClient http, IEnumerable<string> ids)
                {
                    foreach (var id in ids)
                    {
                        var html = await {|#0:http.GetStringAsync("{{prefix}}" + id)|};
                        var links = new HtmlAgilityPack.HtmlDocument();
                        links.LoadHtml(html);
                    }
                }
            }
            """;
        return reported ? Verify.VerifyAsync(source, Expected()) : Verify.VerifyAsync(TestMarkup.Strip(source));
    }
}
