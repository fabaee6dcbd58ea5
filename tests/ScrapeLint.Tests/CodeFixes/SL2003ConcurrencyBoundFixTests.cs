using ScrapeLint.CodeFixes;
using Verify = ScrapeLint.Tests.Verifiers.CodeFixVerifier<ScrapeLint.Rules.UnboundedConcurrencyRule, ScrapeLint.CodeFixes.ConcurrencyBoundCodeFixProvider>;

namespace ScrapeLint.Tests.CodeFixes;

/// <summary>SL2003's fix: MaxDegreeOfParallelism for Parallel, a SemaphoreSlim gate for Task.WhenAll over a projection.</summary>
public class SL2003ConcurrencyBoundFixTests
{
    [Fact]
    public Task ParallelForEachAsyncWithoutOptions_GetsParallelOptions() => Verify.VerifyAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public static class BulkLoader
        {
            public static async Task<ConcurrentDictionary<string, string>> LoadTitlesAsync(IEnumerable<string> urls)
            {
                var titles = new ConcurrentDictionary<string, string>();
                await {|SL2003:Parallel.ForEachAsync|}(urls, async (url, ct) =>
                {
                    var doc = await new HtmlWeb().LoadFromWebAsync(url, ct);
                    titles[url] = doc.DocumentNode.SelectSingleNode("//title")?.InnerText ?? "";
                });
                return titles;
            }
        }
        """, """
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
        """, equivalenceKey: ConcurrencyBoundCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task ParallelForEachAsyncWithToken_TokenMovesIntoTheOptions() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public static class BulkLoader
        {
            public static Task LoadAsync(IEnumerable<string> urls, CancellationToken cancellationToken)
                => {|SL2003:Parallel.ForEachAsync|}(urls, cancellationToken, async (url, ct) =>
                {
                    var doc = await new HtmlWeb().LoadFromWebAsync(url, ct);
                    System.Console.WriteLine(doc.DocumentNode.InnerText.Length);
                });
        }
        """, """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public static class BulkLoader
        {
            public static Task LoadAsync(IEnumerable<string> urls, CancellationToken cancellationToken)
                => Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (url, ct) =>
                {
                    var doc = await new HtmlWeb().LoadFromWebAsync(url, ct);
                    System.Console.WriteLine(doc.DocumentNode.InnerText.Length);
                });
        }
        """);

    [Fact]
    public Task UnlimitedDegree_IsReplacedByTheConfiguredLimit() => Verify.VerifyAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class SyncCrawler
        {
            public ConcurrentBag<HtmlDocument> LoadAll(IReadOnlyList<string> pageUrls)
            {
                var docs = new ConcurrentBag<HtmlDocument>();
                {|SL2003:Parallel.ForEach|}(pageUrls, new ParallelOptions { MaxDegreeOfParallelism = -1 }, url =>
                {
                    var web = new HtmlWeb();
                    docs.Add(web.Load(url));
                });
                return docs;
            }
        }
        """, """
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class SyncCrawler
        {
            public ConcurrentBag<HtmlDocument> LoadAll(IReadOnlyList<string> pageUrls)
            {
                var docs = new ConcurrentBag<HtmlDocument>();
                Parallel.ForEach(pageUrls, new ParallelOptions { MaxDegreeOfParallelism = 8 }, url =>
                {
                    var web = new HtmlWeb();
                    docs.Add(web.Load(url));
                });
                return docs;
            }
        }
        """, editorConfig: "scrapelint.max_concurrency = 8");

    [Fact]
    public Task OptionsLocal_IsMergedWhereItIsCreated() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PuppeteerSharp;

        public sealed class PageArchiver
        {
            private readonly IBrowser browser;

            public PageArchiver(IBrowser browser) => this.browser = browser;

            public Task ArchiveAsync(IEnumerable<string> pageUrls, CancellationToken cancellationToken)
            {
                var options = new ParallelOptions { CancellationToken = cancellationToken };
                return {|SL2003:Parallel.ForEachAsync|}(pageUrls, options, async (url, ct) =>
                {
                    var page = await browser.NewPageAsync();
                    await page.GoToAsync(url);
                    await page.CloseAsync();
                });
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using PuppeteerSharp;

        public sealed class PageArchiver
        {
            private readonly IBrowser browser;

            public PageArchiver(IBrowser browser) => this.browser = browser;

            public Task ArchiveAsync(IEnumerable<string> pageUrls, CancellationToken cancellationToken)
            {
                var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = 4 };
                return Parallel.ForEachAsync(pageUrls, options, async (url, ct) =>
                {
                    var page = await browser.NewPageAsync();
                    await page.GoToAsync(url);
                    await page.CloseAsync();
                });
            }
        }
        """);

    [Fact]
    public Task ParallelFor_GetsParallelOptions() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public static class ArchiveScraper
        {
            public static string[] ScrapeBodies(string[] pageUrls)
            {
                var bodies = new string[pageUrls.Length];
                {|SL2003:Parallel.For|}(0, pageUrls.Length, i =>
                {
                    var doc = new HtmlWeb().Load(pageUrls[i]);
                    bodies[i] = doc.DocumentNode.SelectSingleNode("//article")?.InnerText ?? "";
                });
                return bodies;
            }
        }
        """, """
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public static class ArchiveScraper
        {
            public static string[] ScrapeBodies(string[] pageUrls)
            {
                var bodies = new string[pageUrls.Length];
                Parallel.For(0, pageUrls.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
                {
                    var doc = new HtmlWeb().Load(pageUrls[i]);
                    bodies[i] = doc.DocumentNode.SelectSingleNode("//article")?.InnerText ?? "";
                });
                return bodies;
            }
        }
        """);

    [Fact]
    public Task WhenAllOverExpressionLambda_GetsASemaphoreGate() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class FastScraper
        {
            private readonly HttpClient http = new HttpClient();

            public async Task<int> CountHeadlinesAsync(IEnumerable<string> urls)
            {
                // Every page at once.
                var pages = await {|SL2003:Task.WhenAll|}(urls.Select(u => http.GetStringAsync(u)));
                var count = 0;
                foreach (var html in pages)
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(html);
                    count += doc.DocumentNode.SelectNodes("//h2")?.Count ?? 0;
                }

                return count;
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class FastScraper
        {
            private readonly HttpClient http = new HttpClient();

            public async Task<int> CountHeadlinesAsync(IEnumerable<string> urls)
            {
                var gate = new SemaphoreSlim(4);
                // Every page at once.
                var pages = await Task.WhenAll(urls.Select(async u =>
                {
                    await gate.WaitAsync();
                    try
                    {
                        return await http.GetStringAsync(u);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
                var count = 0;
                foreach (var html in pages)
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(html);
                    count += doc.DocumentNode.SelectNodes("//h2")?.Count ?? 0;
                }

                return count;
            }
        }
        """, equivalenceKey: ConcurrencyBoundCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task TasksLocalFromAsyncBlockLambda_GateWrapsTheBodyAndPassesTheToken() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class CategoryScraper
        {
            private readonly HttpClient http = new HttpClient();

            public async Task<string[]> ScrapeAsync(IEnumerable<string> links, CancellationToken cancellationToken)
            {
                var tasks = links.Select(async l =>
                {
                    var html = await http.GetStringAsync(l, cancellationToken);
                    var doc = new HtmlDocument();
                    doc.LoadHtml(html);
                    return doc.DocumentNode.SelectSingleNode("//h1")?.InnerText ?? "";
                });

                return await {|SL2003:Task.WhenAll|}(tasks);
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class CategoryScraper
        {
            private readonly HttpClient http = new HttpClient();

            public async Task<string[]> ScrapeAsync(IEnumerable<string> links, CancellationToken cancellationToken)
            {
                var gate = new SemaphoreSlim(3);
                var tasks = links.Select(async l =>
                {
                    await gate.WaitAsync(cancellationToken);
                    try
                    {
                        var html = await http.GetStringAsync(l, cancellationToken);
                        var doc = new HtmlDocument();
                        doc.LoadHtml(html);
                        return doc.DocumentNode.SelectSingleNode("//h1")?.InnerText ?? "";
                    }
                    finally
                    {
                        gate.Release();
                    }
                });

                return await Task.WhenAll(tasks);
            }
        }
        """, editorConfig: "scrapelint.max_concurrency = 3");
}
