using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ScrapeLint.Tests.Verifiers;
using Verify = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.UnboundedConcurrencyRule>;

namespace ScrapeLint.Tests.Rules;

/// <summary>
/// SL2003: crawl requests fanned out concurrently with no bound. The span is the fan-out call's method
/// expression without its arguments (<c>Task.WhenAll</c>, <c>Parallel.ForEachAsync</c>, ...), one
/// diagnostic per fan-out however many requests its lambda makes.
/// </summary>
public class SL2003ConcurrencyTests
{
    private static DiagnosticResult Expected(int location = 0) => Verify.Diagnostic("SL2003").WithLocation(location);

    // ------------------------------------------------------------------------------------------------
    // Reported
    // ------------------------------------------------------------------------------------------------

    [Fact]
    public Task WhenAllOverSelectOfPageDownloadsParsedAsHtml_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class FastScraper
        {
            private readonly HttpClient http;

            public FastScraper(HttpClient http) => this.http = http;

            public async Task<List<string>> GetHeadlinesAsync(IEnumerable<string> urls)
            {
                var pages = await {|#0:Task.WhenAll|}(urls.Select(u => http.GetStringAsync(u)));
                var headlines = new List<string>();
                foreach (var html in pages)
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(html);
                    headlines.AddRange(doc.DocumentNode.SelectNodes("//h2")?.Select(n => n.InnerText.Trim()) ?? Enumerable.Empty<string>());
                }

                return headlines;
            }
        }
        """, Expected());

    [Fact]
    public Task TasksLocalFromAsyncLambdaOverScrapedLinks_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class CategoryScraper
        {
            private readonly HttpClient http = new HttpClient();

            public async Task<string[]> ScrapeCategoryAsync(string categoryUrl)
            {
                var index = new HtmlDocument();
                index.LoadHtml(await http.GetStringAsync(categoryUrl));
                var links = index.DocumentNode.SelectNodes("//a[@class='product']")
                    .Select(a => new Uri(new Uri(categoryUrl), a.GetAttributeValue("href", "")).AbsoluteUri)
                    .Distinct();

                var tasks = links.Select(async l =>
                {
                    var html = await http.GetStringAsync(l);
                    var doc = new HtmlDocument();
                    doc.LoadHtml(html);
                    return doc.DocumentNode.SelectSingleNode("//h1")?.InnerText ?? "";
                });

                return await {|#0:Task.WhenAll|}(tasks);
            }
        }
        """, Expected());

    [Fact]
    public Task ParallelForEachAsyncWithoutOptions_Reports() => Verify.VerifyAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public static class BulkLoader
        {
            public static async Task<ConcurrentDictionary<string, string>> LoadTitlesAsync(IEnumerable<string> urls)
            {
                var titles = new ConcurrentDictionary<string, string>();
                await {|#0:Parallel.ForEachAsync|}(urls, async (url, ct) =>
                {
                    var doc = await new HtmlWeb().LoadFromWebAsync(url, ct);
                    titles[url] = doc.DocumentNode.SelectSingleNode("//title")?.InnerText ?? "";
                });
                return titles;
            }
        }
        """, Expected());

    [Fact]
    public Task ParallelForEachWithUnlimitedDegree_Reports() => Verify.VerifyAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class SyncCrawler
        {
            public ConcurrentBag<HtmlDocument> LoadAll(IReadOnlyList<string> pageUrls)
            {
                var docs = new ConcurrentBag<HtmlDocument>();
                {|#0:Parallel.ForEach|}(pageUrls, new ParallelOptions { MaxDegreeOfParallelism = -1 }, url =>
                {
                    var web = new HtmlWeb();
                    docs.Add(web.Load(url));
                });
                return docs;
            }
        }
        """, Expected());

    [Fact]
    public Task ParallelForOverArrayOfPageUrls_Reports() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public static class ArchiveScraper
        {
            public static string[] ScrapeBodies(string[] pageUrls)
            {
                var bodies = new string[pageUrls.Length];
                {|#0:Parallel.For|}(0, pageUrls.Length, i =>
                {
                    var doc = new HtmlWeb().Load(pageUrls[i]);
                    bodies[i] = doc.DocumentNode.SelectSingleNode("//article")?.InnerText ?? "";
                });
                return bodies;
            }
        }
        """, Expected());

    [Fact]
    public Task PlaywrightPagesInWhenAll_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.Playwright;

        public sealed class ParallelBrowserScraper
        {
            private readonly IBrowser browser;

            public ParallelBrowserScraper(IBrowser browser) => this.browser = browser;

            public async Task<string[]> ScrapeAsync(IEnumerable<string> links)
            {
                return await {|#0:Task.WhenAll|}(links.Select(async link =>
                {
                    var page = await browser.NewPageAsync();
                    try
                    {
                        await page.GotoAsync(link);
                        return await page.Locator("main").InnerTextAsync();
                    }
                    finally
                    {
                        await page.CloseAsync();
                    }
                }));
            }
        }
        """, Expected());

    [Fact]
    public Task HelperWrapperCalledInLambda_Reports() => Verify.VerifyAsync(new[]
    {
        """
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        namespace Acme.Scraping
        {
            public sealed class PageFetcher
            {
                private readonly HttpClient http;

                public PageFetcher(HttpClient http) => this.http = http;

                public async Task<HtmlDocument> FetchAsync(string url)
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(await DownloadAsync(url));
                    return doc;
                }

                private Task<string> DownloadAsync(string url) => http.GetStringAsync(url);
            }
        }
        """,
        """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        namespace Acme.Scraping
        {
            public sealed class MarketplaceCrawler
            {
                private readonly PageFetcher fetcher;

                public MarketplaceCrawler(PageFetcher fetcher) => this.fetcher = fetcher;

                public async Task<List<string>> CrawlAsync(IEnumerable<string> listingUrls)
                {
                    var docs = await {|#0:Task.WhenAll|}(listingUrls.Select(url => fetcher.FetchAsync(url)));
                    return docs.Select(d => d.DocumentNode.SelectSingleNode("//h1")?.InnerText ?? "").ToList();
                }
            }
        }
        """,
    }, editorConfig: null, OutputKind.DynamicallyLinkedLibrary, Expected());

    [Fact]
    public Task TaskDelayInsideLambdaDoesNotBoundConcurrency_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using AngleSharp;

        public class PoliteLookingScraper
        {
            public async Task<string[]> ScrapeAsync(IEnumerable<string> urls)
            {
                var context = BrowsingContext.New(Configuration.Default.WithDefaultLoader());
                return await {|#0:Task.WhenAll|}(urls.Select(async url =>
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500));
                    var document = await context.OpenAsync(url);
                    return document.Title ?? "";
                }));
            }
        }
        """, Expected());

    [Fact]
    public Task LambdaWithTwoRequests_ReportsOncePerFanOut() => Verify.VerifyAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class ProductAndReviewsScraper
        {
            private readonly HttpClient http;

            public ProductAndReviewsScraper(HttpClient http) => this.http = http;

            public async Task<ConcurrentDictionary<string, (string Product, string Reviews)>> ScrapeAsync(IEnumerable<string> productUrls)
            {
                var result = new ConcurrentDictionary<string, (string, string)>();
                await {|#0:Parallel.ForEachAsync|}(productUrls, async (url, ct) =>
                {
                    var product = new HtmlDocument();
                    product.LoadHtml(await http.GetStringAsync(url, ct));
                    var reviews = new HtmlDocument();
                    reviews.LoadHtml(await http.GetStringAsync(url + "/reviews", ct));
                    result[url] = (product.DocumentNode.SelectSingleNode("//h1")?.InnerText ?? "",
                                   reviews.DocumentNode.SelectSingleNode("//div[@class='reviews']")?.InnerText ?? "");
                });
                return result;
            }
        }
        """, Expected());

    [Fact]
    public Task ParallelOptionsWithOnlyCancellationToken_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PuppeteerSharp;

        public sealed class PageArchiver
        {
            private readonly IBrowser browser;

            public PageArchiver(IBrowser browser) => this.browser = browser;

            public Task ArchiveAsync(IEnumerable<string> pageUrls, string outputDir, CancellationToken cancellationToken)
            {
                var options = new ParallelOptions { CancellationToken = cancellationToken };
                return {|#0:Parallel.ForEachAsync|}(pageUrls, options, async (url, ct) =>
                {
                    var page = await browser.NewPageAsync();
                    await page.GoToAsync(url);
                    var html = await page.GetContentAsync();
                    await System.IO.File.WriteAllTextAsync(System.IO.Path.Combine(outputDir, System.IO.Path.GetRandomFileName() + ".html"), html, ct);
                    await page.CloseAsync();
                });
            }
        }
        """, Expected());

    [Fact]
    public Task TopLevelProgramWithToListedProjection_Reports() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using System.Linq;
        using System.Net.Http;
        using System.Text.RegularExpressions;
        using System.Threading.Tasks;

        using var http = new HttpClient();
        var seeds = File.ReadAllLines("seeds.txt");
        var downloads = seeds.Select(async url =>
        {
            var html = await http.GetStringAsync(url);
            return Regex.Matches(html, "href=\"(https?://[^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        }).ToList();

        var found = await {|#0:Task.WhenAll|}(downloads);
        File.WriteAllLines("links.txt", found.SelectMany(f => f).Distinct());
        Console.WriteLine($"{found.Length} pages scanned");
        """, Expected());

    [Fact]
    public Task RobotsCheckedButUnboundedFanOut_StillReports() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class CompliantButGreedyCrawler
        {
            private readonly HttpClient http;

            public CompliantButGreedyCrawler(HttpClient http) => this.http = http;

            public async Task<HtmlDocument[]> LoadAsync(Uri site, IEnumerable<string> paths)
            {
                var robots = await http.GetStringAsync(new Uri(site, "/robots.txt"));
                var allowed = paths.Where(p => !robots.Contains("Disallow: " + p, StringComparison.Ordinal));
                return await {|#0:Task.WhenAll|}(allowed.Select(async p =>
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(await http.GetStringAsync(new Uri(site, p)));
                    return doc;
                }));
            }
        }
        """, Expected());

    [Fact]
    public Task SeleniumStyleSyncParallelForEachOverDiscoveredLinks_Reports() => Verify.VerifyAsync("""
        using System.Collections.Concurrent;
        using System.Linq;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class LinkGraphBuilder
        {
            public ConcurrentDictionary<string, string[]> Build(string start)
            {
                var web = new HtmlWeb();
                var root = web.Load(start);
                var links = root.DocumentNode.SelectNodes("//a[@href]")
                    .Select(a => a.GetAttributeValue("href", ""))
                    .Where(h => h.StartsWith("https://", System.StringComparison.Ordinal))
                    .ToList();

                var graph = new ConcurrentDictionary<string, string[]>();
                {|#0:Parallel.ForEach|}(links, link =>
                {
                    var doc = new HtmlWeb().Load(link);
                    graph[link] = doc.DocumentNode.SelectNodes("//a[@href]")?.Select(a => a.GetAttributeValue("href", "")).ToArray() ?? new string[0];
                });
                return graph;
            }
        }
        """, Expected());

    [Fact]
    public Task WhenAllOverOwnDomainWithoutAllowedDomainsOption_Reports() => Verify.VerifyAsync(OwnSiteFanOutSource, Expected());

    // ------------------------------------------------------------------------------------------------
    // Silent
    // ------------------------------------------------------------------------------------------------

    [Fact]
    public Task ParallelForEachAsyncWithInlineMaxDegree_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public static class BulkLoader
        {
            public static async Task<ConcurrentDictionary<string, string>> LoadTitlesAsync(IEnumerable<string> urls)
            {
                var titles = new ConcurrentDictionary<string, string>();
                await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (url, ct) =>
                {
                    var doc = await new HtmlWeb().LoadFromWebAsync(url, ct);
                    titles[url] = doc.DocumentNode.SelectSingleNode("//title")?.InnerText ?? "";
                });
                return titles;
            }
        }
        """);

    [Fact]
    public Task ParallelOptionsInLocalWithMaxDegree_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class BoundedCrawler
        {
            private const int MaxConcurrency = 4;
            private readonly HttpClient http;

            public BoundedCrawler(HttpClient http) => this.http = http;

            public async Task<ConcurrentBag<string>> CrawlAsync(IEnumerable<string> urls, CancellationToken cancellationToken)
            {
                var titles = new ConcurrentBag<string>();
                var options = new ParallelOptions
                {
                    MaxDegreeOfParallelism = MaxConcurrency,
                    CancellationToken = cancellationToken,
                };
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
    public Task MaxDegreeFromProcessorCount_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class SyncCrawler
        {
            public void LoadAll(IReadOnlyList<string> pageUrls, Action<string, HtmlDocument> onPage)
            {
                Parallel.ForEach(pageUrls, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, url =>
                {
                    onPage(url, new HtmlWeb().Load(url));
                });
            }
        }
        """);

    [Fact]
    public Task SemaphoreSlimGateInLambda_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class GatedScraper
        {
            private readonly HttpClient http;
            private readonly SemaphoreSlim gate = new SemaphoreSlim(4);

            public GatedScraper(HttpClient http) => this.http = http;

            public async Task<string[]> GetTitlesAsync(IEnumerable<string> urls)
            {
                return await Task.WhenAll(urls.Select(async url =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        var doc = new HtmlDocument();
                        doc.LoadHtml(await http.GetStringAsync(url));
                        return doc.DocumentNode.SelectSingleNode("//title")?.InnerText ?? "";
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }
        }
        """);

    [Fact]
    public Task RateLimiterAcquiredInLambda_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.RateLimiting;
        using System.Threading.Tasks;
        using Microsoft.Playwright;

        public sealed class LimitedBrowserScraper
        {
            private static readonly RateLimiter Limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
            {
                PermitLimit = 3,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            });

            private readonly IBrowser browser;

            public LimitedBrowserScraper(IBrowser browser) => this.browser = browser;

            public Task<string[]> ScrapeAsync(IEnumerable<string> links)
            {
                return Task.WhenAll(links.Select(async link =>
                {
                    using var lease = await Limiter.AcquireAsync();
                    var page = await browser.NewPageAsync();
                    await page.GotoAsync(link);
                    var text = await page.Locator("main").InnerTextAsync();
                    await page.CloseAsync();
                    return text;
                }));
            }
        }
        """);

    [Fact]
    public Task SequentialForeachCrawl_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class SequentialScraper
        {
            private readonly HttpClient http;

            public SequentialScraper(HttpClient http) => this.http = http;

            public async Task<List<string>> GetTitlesAsync(IEnumerable<string> urls)
            {
                var titles = new List<string>();
                foreach (var url in urls)
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(await http.GetStringAsync(url));
                    titles.Add(doc.DocumentNode.SelectSingleNode("//title")?.InnerText ?? "");
                }

                return titles;
            }
        }
        """);

    [Fact]
    public Task WhenAllOverOwnBackendOnLocalhost_IsSilent() => Verify.VerifyAsync("""
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class DevStackWarmup
        {
            private static readonly string[] Services = { "orders", "catalog", "payments", "search" };
            private readonly HttpClient http = new HttpClient();

            public async Task<bool> AllHealthyAsync()
            {
                var responses = await Task.WhenAll(Services.Select(s => http.GetAsync($"http://localhost:8080/{s}/health")));
                return responses.All(r => r.IsSuccessStatusCode);
            }
        }
        """);

    [Fact]
    public Task WhenAllOverGitHubApiCalls_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json;
        using System.Threading.Tasks;

        public record Repo(string FullName, int StargazersCount);

        public sealed class StarCounter
        {
            private static readonly JsonSerializerOptions Options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
            private readonly HttpClient http;

            public StarCounter(HttpClient http) => this.http = http;

            public async Task<int> CountStarsAsync(IEnumerable<string> repoNames)
            {
                var repos = await Task.WhenAll(repoNames.Select(name => http.GetFromJsonAsync<Repo>($"https://api.github.com/repos/{name}", Options)));
                return repos.Sum(r => r?.StargazersCount ?? 0);
            }
        }
        """);

    [Fact]
    public Task WhenAllOverJsonCallsToOwnApi_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        namespace Storefront
        {
            public record Customer(int Id, string Email);

            public sealed class CustomerApiClient
            {
                private readonly HttpClient http;

                public CustomerApiClient(HttpClient http) => this.http = http;

                public async Task<Customer?[]> GetManyAsync(IEnumerable<int> ids)
                    => await Task.WhenAll(ids.Select(id => http.GetFromJsonAsync<Customer>($"https://crm.acme-corp.example/api/customers/{id}")));
            }
        }
        """);

    [Fact]
    public Task ChunkedFanOut_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class BatchedScraper
        {
            private readonly HttpClient http;

            public BatchedScraper(HttpClient http) => this.http = http;

            public async Task<List<string>> GetTitlesAsync(IEnumerable<string> urls)
            {
                var titles = new List<string>();
                foreach (var chunk in urls.Chunk(5))
                {
                    var pages = await Task.WhenAll(chunk.Select(u => http.GetStringAsync(u)));
                    foreach (var html in pages)
                    {
                        var doc = new HtmlDocument();
                        doc.LoadHtml(html);
                        titles.Add(doc.DocumentNode.SelectSingleNode("//title")?.InnerText ?? "");
                    }
                }

                return titles;
            }
        }
        """);

    [Fact]
    public Task ParallelForEachOverLocalFiles_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Concurrent;
        using System.IO;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public static class OfflineIndexer
        {
            public static ConcurrentDictionary<string, string> Index(string exportDir)
            {
                var index = new ConcurrentDictionary<string, string>();
                Parallel.ForEach(Directory.EnumerateFiles(exportDir, "*.html", SearchOption.AllDirectories), file =>
                {
                    var doc = new HtmlDocument();
                    doc.Load(file);
                    index[file] = doc.DocumentNode.SelectSingleNode("//title")?.InnerText ?? "";
                });
                return index;
            }
        }
        """);

    [Fact]
    public Task AllowedDomainFromOptions_IsSilent() => Verify.VerifyAsync(
        TestMarkup.Strip(OwnSiteFanOutSource),
        "scrapelint.allowed_domains = acme-corp.com");

    [Fact]
    public Task WhenAllOfTwoDifferentFixedPages_IsSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class ExchangeRateScraper
        {
            private readonly HttpClient http;

            public ExchangeRateScraper(HttpClient http) => this.http = http;

            public async Task<(string Eur, string Gbp)> GetRatesAsync()
            {
                var eurTask = http.GetStringAsync("https://rates.example-bank.com/eur");
                var gbpTask = http.GetStringAsync("https://rates.example-bank.com/gbp");
                await Task.WhenAll(eurTask, gbpTask);

                var eur = new HtmlDocument();
                eur.LoadHtml(eurTask.Result);
                var gbp = new HtmlDocument();
                gbp.LoadHtml(gbpTask.Result);
                return (eur.DocumentNode.SelectSingleNode("//td[@id='rate']")?.InnerText ?? "",
                        gbp.DocumentNode.SelectSingleNode("//td[@id='rate']")?.InnerText ?? "");
            }
        }
        """);

    [Fact]
    public Task WhenAllOverCpuWorkWithoutRequests_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public static class HtmlSanitizer
        {
            public static Task<string[]> StripScriptsAsync(IEnumerable<string> htmlDocuments)
                => Task.WhenAll(htmlDocuments.Select(html => Task.Run(() =>
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(html);
                    foreach (var script in doc.DocumentNode.SelectNodes("//script")?.ToList() ?? new List<HtmlNode>())
                    {
                        script.Remove();
                    }

                    return doc.DocumentNode.OuterHtml;
                })));
        }
        """);

    [Fact]
    public Task MockedHandlerFanOutInUnitTest_IsSilent() => Verify.VerifyAsync("""
        using System.Linq;
        using System.Net;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        namespace Scraper.Tests
        {
            public class ConcurrentParsingTests
            {
                private sealed class StubHandler : HttpMessageHandler
                {
                    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                        => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<title>ok</title>") });
                }

                public async Task AllPagesParse()
                {
                    var http = new HttpClient(new StubHandler());
                    var urls = Enumerable.Range(1, 20).Select(i => $"https://shop.example.com/p/{i}");
                    var pages = await Task.WhenAll(urls.Select(u => http.GetStringAsync(u)));
                    foreach (var html in pages)
                    {
                        var doc = new HtmlDocument();
                        doc.LoadHtml(html);
                        if (doc.DocumentNode.SelectSingleNode("//title")?.InnerText != "ok")
                        {
                            throw new System.Exception("unexpected title");
                        }
                    }
                }
            }
        }
        """);

    // ------------------------------------------------------------------------------------------------
    // Shared sources for option tests (the same code with and without the option)
    // ------------------------------------------------------------------------------------------------

    private const string OwnSiteFanOutSource = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class SearchIndexWarmer
        {
            private readonly HttpClient http;

            public SearchIndexWarmer(HttpClient http) => this.http = http;

            public async Task<Dictionary<string, string>> FetchAsync(IEnumerable<string> slugs)
            {
                var pages = await {|#0:Task.WhenAll|}(slugs.Select(async slug =>
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(await http.GetStringAsync($"https://www.acme-corp.com/kb/{slug}"));
                    return (slug, text: doc.DocumentNode.SelectSingleNode("//article")?.InnerText ?? "");
                }));
                return pages.ToDictionary(p => p.slug, p => p.text);
            }
        }
        """;
}
