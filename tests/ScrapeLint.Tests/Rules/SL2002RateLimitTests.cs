using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ScrapeLint.Tests.Verifiers;
using Verify = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.RateLimitRule>;

namespace ScrapeLint.Tests.Rules;

/// <summary>
/// SL2002: a sequential crawl request with no throttle on its path. Concurrent fan-outs belong to SL2003
/// and stay silent here. The span is the request invocation without <c>await</c>, or the call of the
/// project helper in the loop, or the recursive call of a recursive crawler.
/// </summary>
public class SL2002RateLimitTests
{
    private static DiagnosticResult Expected(int location = 0) => Verify.Diagnostic("SL2002").WithLocation(location);

    // ------------------------------------------------------------------------------------------------
    // Reported
    // ------------------------------------------------------------------------------------------------

    [Fact]
    public Task QueueDrainingCrawlerWithRobotsCheckButNoDelay_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class SiteCrawler
        {
            private readonly HttpClient http;
            private readonly Dictionary<string, string> robotsByHost = new Dictionary<string, string>();

            public SiteCrawler(HttpClient http) => this.http = http;

            public async Task<int> CrawlAsync(Uri seed)
            {
                var frontier = new Queue<Uri>();
                var seen = new HashSet<string> { seed.AbsoluteUri };
                frontier.Enqueue(seed);
                while (frontier.Count > 0)
                {
                    var page = frontier.Dequeue();
                    if (!robotsByHost.TryGetValue(page.Host, out var robots))
                    {
                        robots = await http.GetStringAsync(new Uri(page, "/robots.txt"));
                        robotsByHost[page.Host] = robots;
                    }

                    if (robots.Contains("Disallow: " + page.AbsolutePath, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var html = await {|#0:http.GetStringAsync(page)|};
                    var doc = new HtmlDocument();
                    doc.LoadHtml(html);
                    foreach (var href in doc.DocumentNode.SelectNodes("//a[@href]")?.Select(a => a.GetAttributeValue("href", "")) ?? Enumerable.Empty<string>())
                    {
                        if (Uri.TryCreate(page, href, out var next) && next.Host == seed.Host && seen.Add(next.AbsoluteUri))
                        {
                            frontier.Enqueue(next);
                        }
                    }
                }

                return seen.Count;
            }
        }
        """, Expected());

    [Fact]
    public Task SeleniumLoopOverProductPagesWithoutPause_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using OpenQA.Selenium;

        public class ReviewScraper
        {
            private readonly IWebDriver driver;

            public ReviewScraper(IWebDriver driver) => this.driver = driver;

            public Dictionary<string, List<string>> Scrape(IEnumerable<string> productUrls)
            {
                var reviews = new Dictionary<string, List<string>>();
                foreach (var url in productUrls)
                {
                    {|#0:driver.Navigate().GoToUrl(url)|};
                    reviews[url] = driver.FindElements(By.CssSelector("div.review-text")).Select(e => e.Text).ToList();
                }

                return reviews;
            }
        }
        """, Expected());

    [Fact]
    public Task SeleniumUrlSetterFollowingLinks_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using OpenQA.Selenium;

        public class CategoryWalker
        {
            public List<string> Walk(IWebDriver driver, string categoryPage)
            {
                driver.Navigate().GoToUrl(categoryPage);
                var links = driver.FindElements(By.TagName("a"))
                    .Select(a => a.GetAttribute("href"))
                    .Where(h => h != null && h.Contains("/item/"))
                    .Distinct()
                    .ToList();

                var titles = new List<string>();
                foreach (var link in links)
                {
                    {|#0:driver.Url = link|};
                    titles.Add(driver.Title);
                }

                return titles;
            }
        }
        """, Expected());

    [Fact]
    public Task PlaywrightLoopOverScrapedLinks_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Playwright;

        public class EventScraper
        {
            public async Task<List<string>> ScrapeAsync()
            {
                using var playwright = await Playwright.CreateAsync();
                await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { Headless = true });
                var page = await browser.NewPageAsync();
                await page.GotoAsync("https://events.example.org/calendar");
                var eventLinks = await page.Locator("a.event").EvaluateAllAsync<string[]>("els => els.map(e => e.href)");

                var venues = new List<string>();
                foreach (var link in eventLinks)
                {
                    await {|#0:page.GotoAsync(link)|};
                    venues.Add(await page.Locator(".venue").InnerTextAsync());
                }

                return venues;
            }
        }
        """, Expected());

    [Fact]
    public Task PuppeteerPaginationWithoutDelay_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using PuppeteerSharp;

        public sealed class SearchResultsScraper
        {
            private readonly IPage page;

            public SearchResultsScraper(IPage page) => this.page = page;

            public async Task<List<string>> ScrapeAsync(string query, int pages)
            {
                var results = new List<string>();
                for (var p = 1; p <= pages; p++)
                {
                    await {|#0:page.GoToAsync($"https://www.example-classifieds.com/search?q={query}&page={p}")|};
                    var titles = await page.EvaluateFunctionAsync<string[]>("() => Array.from(document.querySelectorAll('h3.result')).map(h => h.textContent)");
                    results.AddRange(titles);
                }

                return results;
            }
        }
        """, Expected());

    [Fact]
    public Task AngleSharpLoopOverArticleLinks_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using AngleSharp;
        using AngleSharp.Html.Dom;

        public static class WikiMirror
        {
            public static async Task<Dictionary<string, string>> MirrorAsync(string indexUrl)
            {
                var context = BrowsingContext.New(Configuration.Default.WithDefaultLoader());
                var index = await context.OpenAsync(indexUrl);
                var pages = new Dictionary<string, string>();
                foreach (var anchor in index.QuerySelectorAll("#content a").OfType<IHtmlAnchorElement>())
                {
                    var doc = await {|#0:context.OpenAsync(anchor.Href)|};
                    pages[anchor.Href] = doc.Body?.TextContent ?? "";
                }

                return pages;
            }
        }
        """, Expected());

    [Fact]
    public Task InjectedHttpClientWithHtmlParsingInForeach_Reports() => Verify.VerifyAsync("""
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
    public Task HelperTwoCallsDeep_ReportsAtCallInLoop() => Verify.VerifyAsync(new[]
    {
        """
        using System.Net.Http;
        using System.Threading.Tasks;
        using AngleSharp.Html.Dom;
        using AngleSharp.Html.Parser;

        namespace Acme.Scraping
        {
            public sealed class HtmlClient
            {
                private readonly HttpClient http;
                private readonly HtmlParser parser = new HtmlParser();

                public HtmlClient(HttpClient http) => this.http = http;

                public async Task<IHtmlDocument> GetDocumentAsync(string url)
                    => parser.ParseDocument(await GetBodyAsync(url));

                private async Task<string> GetBodyAsync(string url)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    using var response = await http.SendAsync(request);
                    return await response.Content.ReadAsStringAsync();
                }
            }
        }
        """,
        """
        using System.Collections.Generic;
        using System.Threading.Tasks;

        namespace Acme.Scraping
        {
            public record Listing(string Url, string Title, string Price);

            public sealed class ListingCrawler
            {
                private readonly HtmlClient client;

                public ListingCrawler(HtmlClient client) => this.client = client;

                public async Task<List<Listing>> CrawlAsync(IEnumerable<string> listingUrls)
                {
                    var listings = new List<Listing>();
                    foreach (var url in listingUrls)
                    {
                        var doc = await {|#0:client.GetDocumentAsync(url)|};
                        listings.Add(new Listing(url, doc.Title ?? "", doc.QuerySelector(".price")?.TextContent ?? ""));
                    }

                    return listings;
                }
            }
        }
        """,
    }, editorConfig: null, OutputKind.DynamicallyLinkedLibrary, Expected());

    [Fact]
    public Task DelayInMethodThatIsNeverCalled_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class ForumArchiver
        {
            private readonly HtmlWeb web = new HtmlWeb();

            public static Task BeNiceAsync() => Task.Delay(TimeSpan.FromSeconds(1));

            public async Task<List<string>> ArchiveAsync(string forum, int threadCount)
            {
                var posts = new List<string>();
                for (var id = 1; id <= threadCount; id++)
                {
                    var doc = await {|#0:web.LoadFromWebAsync($"https://forum.example.net/{forum}/thread/{id}")|};
                    posts.Add(doc.DocumentNode.SelectSingleNode("//div[@class='post']")?.InnerText ?? "");
                }

                return posts;
            }
        }
        """, Expected());

    [Fact]
    public Task AbotWithZeroCrawlDelay_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using Abot2.Crawler;
        using Abot2.Poco;

        public class AbotRunner
        {
            public async Task RunAsync()
            {
                var crawler = new PoliteWebCrawler(new CrawlConfiguration
                {
                    IsRespectRobotsDotTextEnabled = true,
                    MinCrawlDelayPerDomainMilliSeconds = 0,
                    MaxPagesToCrawl = 10000,
                });
                await {|#0:crawler.CrawlAsync(new Uri("https://www.example-shop.com/"))|};
            }
        }
        """, Expected());

    [Fact]
    public Task AbotWithCrawlDelayLeftUnset_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using Abot2.Crawler;
        using Abot2.Poco;

        public static class SiteMirror
        {
            public static async Task MirrorAsync(Uri site)
            {
                var config = new CrawlConfiguration { IsRespectRobotsDotTextEnabled = true, MaxPagesToCrawl = 250 };
                var crawler = new PoliteWebCrawler(config);
                var result = await {|#0:crawler.CrawlAsync(site)|};
                Console.WriteLine(result.ErrorOccurred);
            }
        }
        """, Expected());

    [Fact]
    public Task RecursiveCrawler_ReportsAtRecursiveCall() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using HtmlAgilityPack;

        public class DepthFirstCrawler
        {
            private readonly HashSet<string> visited = new HashSet<string>();
            private readonly HtmlWeb web = new HtmlWeb();

            public void Crawl(string url, int depth = 0)
            {
                if (depth > 4 || !visited.Add(url))
                {
                    return;
                }

                var doc = web.Load(url);
                var anchors = doc.DocumentNode.SelectNodes("//a[@href]");
                if (anchors == null)
                {
                    return;
                }

                foreach (var a in anchors)
                {
                    var href = a.GetAttributeValue("href", "");
                    if (href.StartsWith("https://blog.example.io/", StringComparison.Ordinal))
                    {
                        {|#0:Crawl(href, depth + 1)|};
                    }
                }
            }
        }
        """, Expected());

    [Fact]
    public Task TopLevelProgramCrawl_Reports() => Verify.VerifyProgramAsync("""
        using System;
        using System.Net.Http;
        using System.Text.RegularExpressions;

        using var http = new HttpClient();
        var emails = new System.Collections.Generic.HashSet<string>();
        for (var page = 1; page <= 40; page++)
        {
            var html = await {|#0:http.GetStringAsync($"https://directory.example-chamber.org/members?page={page}")|};
            foreach (Match m in Regex.Matches(html, "href=\"mailto:([^\"]+)\""))
            {
                emails.Add(m.Groups[1].Value);
            }
        }

        Console.WriteLine(string.Join(Environment.NewLine, emails));
        """, Expected());

    [Fact]
    public Task AwaitForeachOverChannelReader_Reports() => Verify.VerifyAsync("""
        using System.Threading;
        using System.Threading.Channels;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class PageWorker
        {
            private readonly ChannelReader<string> urls;
            private readonly ChannelWriter<HtmlDocument> pages;

            public PageWorker(ChannelReader<string> urls, ChannelWriter<HtmlDocument> pages)
            {
                this.urls = urls;
                this.pages = pages;
            }

            public async Task RunAsync(CancellationToken ct)
            {
                var web = new HtmlWeb();
                await foreach (var url in urls.ReadAllAsync(ct))
                {
                    var doc = await {|#0:web.LoadFromWebAsync(url, ct)|};
                    await pages.WriteAsync(doc, ct);
                }

                pages.Complete();
            }
        }
        """, Expected());

    [Fact]
    public Task RateLimitMethodNotListedInOptions_Reports() => Verify.VerifyAsync(ThrottleInterfaceSource, Expected());

    // ------------------------------------------------------------------------------------------------
    // Silent
    // ------------------------------------------------------------------------------------------------

    [Fact]
    public Task TaskDelayInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class PriceScraper
        {
            private readonly HttpClient http;

            public PriceScraper(HttpClient http) => this.http = http;

            public async Task<Dictionary<string, string>> GetPricesAsync(IReadOnlyList<string> productUrls, CancellationToken ct)
            {
                var prices = new Dictionary<string, string>();
                foreach (var url in productUrls)
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(await http.GetStringAsync(url, ct));
                    prices[url] = doc.DocumentNode.SelectSingleNode("//span[@itemprop='price']")?.InnerText.Trim() ?? "n/a";
                    await Task.Delay(1000, ct);
                }

                return prices;
            }
        }
        """);

    [Fact]
    public Task ThreadSleepInSeleniumLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading;
        using OpenQA.Selenium;

        public class ReviewScraper
        {
            private readonly IWebDriver driver;

            public ReviewScraper(IWebDriver driver) => this.driver = driver;

            public List<string> Scrape(IEnumerable<string> productUrls)
            {
                var ratings = new List<string>();
                foreach (var url in productUrls)
                {
                    driver.Navigate().GoToUrl(url);
                    ratings.Add(driver.FindElement(By.CssSelector(".rating")).Text);
                    Thread.Sleep(2500);
                }

                return ratings;
            }
        }
        """);

    [Fact]
    public Task TokenBucketRateLimiterAcquiredInLoop_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.RateLimiting;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class ThrottledCrawler : IDisposable
        {
            private readonly HtmlWeb web = new HtmlWeb();
            private readonly RateLimiter limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = 1,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 1000,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                AutoReplenishment = true,
            });

            public async Task<List<string>> CrawlAsync(IEnumerable<string> urls, CancellationToken ct)
            {
                var titles = new List<string>();
                foreach (var url in urls)
                {
                    using var lease = await limiter.AcquireAsync(1, ct);
                    if (!lease.IsAcquired)
                    {
                        continue;
                    }

                    var doc = await web.LoadFromWebAsync(url, ct);
                    titles.Add(doc.DocumentNode.SelectSingleNode("//title")?.InnerText ?? "");
                }

                return titles;
            }

            public void Dispose() => limiter.Dispose();
        }
        """);

    [Fact]
    public Task ThrottleHelperCalledInLoop_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Playwright;

        public sealed class HostPacer
        {
            private readonly Dictionary<string, DateTime> lastHit = new Dictionary<string, DateTime>();
            private readonly TimeSpan interval;

            public HostPacer(TimeSpan interval) => this.interval = interval;

            public async Task WaitTurnAsync(string url)
            {
                var host = new Uri(url).Host;
                if (lastHit.TryGetValue(host, out var last))
                {
                    var wait = last + interval - DateTime.UtcNow;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait);
                    }
                }

                lastHit[host] = DateTime.UtcNow;
            }
        }

        public sealed class GalleryScraper
        {
            private readonly HostPacer pacer = new HostPacer(TimeSpan.FromSeconds(2));

            public async Task<List<string>> ScrapeAsync(IPage page, IEnumerable<string> galleryUrls)
            {
                var captions = new List<string>();
                foreach (var url in galleryUrls)
                {
                    await pacer.WaitTurnAsync(url);
                    await page.GotoAsync(url);
                    captions.Add(await page.Locator("figcaption").First.InnerTextAsync());
                }

                return captions;
            }
        }
        """);

    [Fact]
    public Task RateLimitMethodListedInOptions_IsSilent() => Verify.VerifyAsync(
        TestMarkup.Strip(ThrottleInterfaceSource),
        "scrapelint.rate_limit_methods = Acme.Crawl.IRequestPacer.WaitAsync");

    [Fact]
    public Task ThrottlingDelegatingHandlerInClientPipeline_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class ThrottlingHandler : DelegatingHandler
        {
            private readonly SemaphoreSlim gate = new SemaphoreSlim(1, 1);
            private readonly TimeSpan delay;

            public ThrottlingHandler(TimeSpan delay, HttpMessageHandler inner) : base(inner) => this.delay = delay;

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    await Task.Delay(delay, cancellationToken);
                    return await base.SendAsync(request, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            }
        }

        public static class CatalogCrawler
        {
            private static readonly HttpClient Http = new HttpClient(new ThrottlingHandler(TimeSpan.FromSeconds(1), new HttpClientHandler()));

            public static async Task<List<string>> CrawlAsync(IEnumerable<string> categoryUrls)
            {
                var names = new List<string>();
                foreach (var url in categoryUrls)
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(await Http.GetStringAsync(url));
                    foreach (var node in doc.DocumentNode.SelectNodes("//h2[@class='product-name']") ?? new HtmlNodeCollection(null))
                    {
                        names.Add(node.InnerText.Trim());
                    }
                }

                return names;
            }
        }
        """);

    [Fact]
    public Task AbotWithMinimumCrawlDelay_IsSilent() => Verify.VerifyAsync("""
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
                    MinCrawlDelayPerDomainMilliSeconds = 1000,
                    MaxPagesToCrawl = 10000,
                };
                var crawler = new PoliteWebCrawler(config);
                await crawler.CrawlAsync(new Uri("https://www.example-shop.com/"));
            }
        }
        """);

    [Fact]
    public Task UnboundedWhenAllFanOut_IsSilentBecauseItIsSL2003s() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class FastScraper
        {
            private readonly HttpClient http;

            public FastScraper(HttpClient http) => this.http = http;

            public async Task<string[]> GetTitlesAsync(IEnumerable<string> urls)
            {
                var pages = await Task.WhenAll(urls.Select(u => http.GetStringAsync(u)));
                return pages.Select(html =>
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(html);
                    return doc.DocumentNode.SelectSingleNode("//title")?.InnerText ?? "";
                }).ToArray();
            }
        }
        """);

    [Fact]
    public Task ParallelForEachAsyncFanOut_IsSilentBecauseItIsSL2003s() => Verify.VerifyAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public static class BulkLoader
        {
            public static async Task<ConcurrentDictionary<string, HtmlDocument>> LoadAsync(IEnumerable<string> urls)
            {
                var docs = new ConcurrentDictionary<string, HtmlDocument>();
                await Parallel.ForEachAsync(urls, async (url, ct) =>
                {
                    var web = new HtmlWeb();
                    docs[url] = await web.LoadFromWebAsync(url, ct);
                });
                return docs;
            }
        }
        """);

    [Fact]
    public Task BoundedConcurrentCrawlWithoutDelay_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class BoundedCrawler
        {
            private readonly HttpClient http;

            public BoundedCrawler(HttpClient http) => this.http = http;

            public async Task<ConcurrentBag<string>> CrawlAsync(IEnumerable<string> urls)
            {
                var titles = new ConcurrentBag<string>();
                var options = new ParallelOptions { MaxDegreeOfParallelism = 2 };
                await Parallel.ForEachAsync(urls, options, async (url, ct) =>
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(await http.GetStringAsync(url, ct));
                    titles.Add(doc.DocumentNode.SelectSingleNode("//title")?.InnerText ?? "");
                });
                return titles;
            }
        }
        """);

    [Fact]
    public Task JsonApiLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Text.Json;
        using System.Threading.Tasks;

        namespace Inventory.Sync
        {
            public record StockLevel(string Sku, int Quantity);

            public sealed class WarehouseClient
            {
                private static readonly JsonSerializerOptions Json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
                private readonly HttpClient http;

                public WarehouseClient(HttpClient http) => this.http = http;

                public async Task<List<StockLevel>> GetStockAsync(IEnumerable<string> skus)
                {
                    var levels = new List<StockLevel>();
                    foreach (var sku in skus)
                    {
                        var body = await http.GetStringAsync($"https://warehouse.acme-corp.example/api/stock/{sku}");
                        levels.Add(JsonSerializer.Deserialize<StockLevel>(body, Json)!);
                    }

                    return levels;
                }
            }
        }
        """);

    [Fact]
    public Task OfficialApiHostLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        public record DriveFile(string Id, string Name);
        public record FileList(List<DriveFile> Files, string? NextPageToken);

        public sealed class DriveLister
        {
            private readonly HttpClient http;

            public DriveLister(HttpClient http) => this.http = http;

            public async Task<List<DriveFile>> ListAllAsync()
            {
                var files = new List<DriveFile>();
                string? token = null;
                do
                {
                    var url = "https://www.googleapis.com/drive/v3/files?pageSize=100" + (token is null ? "" : "&pageToken=" + token);
                    var page = await http.GetFromJsonAsync<FileList>(url);
                    files.AddRange(page!.Files);
                    token = page.NextPageToken;
                }
                while (token != null);

                return files;
            }
        }
        """);

    [Fact]
    public Task LoopbackPagesCrawledInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class RenderSmokeTest
        {
            private readonly HttpClient http = new HttpClient();

            public async Task<List<string>> FindBrokenPagesAsync(IEnumerable<string> routes)
            {
                var broken = new List<string>();
                foreach (var route in routes)
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(await http.GetStringAsync("http://127.0.0.1:8080" + route));
                    if (doc.DocumentNode.SelectSingleNode("//div[@id='error']") != null)
                    {
                        broken.Add(route);
                    }
                }

                return broken;
            }
        }
        """);

    [Fact]
    public Task AllowedDomainFromOptions_IsSilent() => Verify.VerifyAsync(
        TestMarkup.Strip(OwnShopCrawlerSource),
        "scrapelint.allowed_domains = acme-corp.com, acme-partner.net");

    [Fact]
    public Task OwnShopCrawlerWithoutAllowedDomainsOption_Reports() => Verify.VerifyAsync(OwnShopCrawlerSource, Expected());

    [Fact]
    public Task RetryLoopOnOneFixedPage_IsSilent() => Verify.VerifyAsync("""
        using OpenQA.Selenium;

        public class LoginFlow
        {
            private const string LoginPage = "https://portal.example-vendor.com/login";

            public bool SignIn(IWebDriver driver, string user, string password)
            {
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    driver.Navigate().GoToUrl(LoginPage);
                    driver.FindElement(By.Id("user")).SendKeys(user);
                    driver.FindElement(By.Id("password")).SendKeys(password);
                    driver.FindElement(By.CssSelector("button[type=submit]")).Click();
                    if (driver.FindElements(By.CssSelector(".dashboard")).Count > 0)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
        """);

    [Fact]
    public Task RandomJitterDelayInLoop_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using PuppeteerSharp;

        public sealed class SearchResultsScraper
        {
            private readonly IPage page;

            public SearchResultsScraper(IPage page) => this.page = page;

            public async Task<List<string>> ScrapeAsync(string query, int pages)
            {
                var results = new List<string>();
                for (var p = 1; p <= pages; p++)
                {
                    await page.GoToAsync($"https://www.example-classifieds.com/search?q={query}&page={p}");
                    results.Add(await page.GetContentAsync());
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1500, 4000)));
                }

                return results;
            }
        }
        """);

    // ------------------------------------------------------------------------------------------------
    // Shared sources for option tests (the same code with and without the option)
    // ------------------------------------------------------------------------------------------------

    private const string ThrottleInterfaceSource = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using AngleSharp;

        namespace Acme.Crawl
        {
            public interface IRequestPacer
            {
                Task WaitAsync(string host, CancellationToken ct);
            }

            public sealed class ShopCrawler
            {
                private readonly IRequestPacer throttle;
                private readonly IBrowsingContext context = BrowsingContext.New(Configuration.Default.WithDefaultLoader());

                public ShopCrawler(IRequestPacer throttle) => this.throttle = throttle;

                public async Task<List<string>> CrawlAsync(IEnumerable<string> pageUrls, CancellationToken ct)
                {
                    var headings = new List<string>();
                    foreach (var url in pageUrls)
                    {
                        await throttle.WaitAsync("www.example-shop.com", ct);
                        var document = await {|#0:context.OpenAsync(url, ct)|};
                        headings.Add(document.QuerySelector("h1")?.TextContent ?? "");
                    }

                    return headings;
                }
            }
        }
        """;

    private const string OwnShopCrawlerSource = """
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class StorefrontAudit
        {
            private readonly HttpClient http;

            public StorefrontAudit(HttpClient http) => this.http = http;

            public async Task<List<string>> FindMissingImagesAltAsync(IEnumerable<string> productSlugs)
            {
                var offenders = new List<string>();
                foreach (var slug in productSlugs)
                {
                    var html = await {|#0:http.GetStringAsync($"https://shop.acme-corp.com/p/{slug}")|};
                    var doc = new HtmlDocument();
                    doc.LoadHtml(html);
                    if (doc.DocumentNode.SelectNodes("//img[not(@alt)]") != null)
                    {
                        offenders.Add(slug);
                    }
                }

                return offenders;
            }
        }
        """;
}
