using ScrapeLint.CodeFixes;
using ScrapeLint.Tests.Verifiers;
using Verify = ScrapeLint.Tests.Verifiers.CodeFixVerifier<ScrapeLint.Rules.RateLimitRule, ScrapeLint.CodeFixes.RateLimitCodeFixProvider>;

namespace ScrapeLint.Tests.CodeFixes;

/// <summary>SL2002's fix: a wait before the request, with the best API the compilation has.</summary>
public class SL2002RateLimitFixTests
{
    private const string AsyncLoop = """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class ArticleCrawler
        {
            private readonly HtmlWeb web = new HtmlWeb();

            public async Task CrawlAsync(IEnumerable<string> links, CancellationToken cancellationToken)
            {
                foreach (var link in links)
                {
                    var doc = await {|SL2002:web.LoadFromWebAsync(link, cancellationToken)|}; // the article
                    System.Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
            }
        }
        """;

    private const string SyncLoop = """
        using System.Collections.Generic;
        using HtmlAgilityPack;

        public class ArticleCrawler
        {
            public void Crawl(IEnumerable<string> links)
            {
                var web = new HtmlWeb();
                foreach (var link in links)
                {
                    var doc = {|SL2002:web.Load(link)|};
                    System.Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
            }
        }
        """;

    [Fact]
    public Task Compliance_AsyncLoop_WaitsTurnWithTheToken() => Verify.VerifyAsync(AsyncLoop, """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;
        using ScrapeLint.Compliance;

        public class ArticleCrawler
        {
            private readonly HtmlWeb web = new HtmlWeb();
            private static readonly CrawlPolicy crawlPolicy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "TestProject/1.0 (+https://example.com/bot)" });

            public async Task CrawlAsync(IEnumerable<string> links, CancellationToken cancellationToken)
            {
                foreach (var link in links)
                {
                    await crawlPolicy.WaitTurnAsync(new Uri(link), cancellationToken);
                    var doc = await web.LoadFromWebAsync(link, cancellationToken); // the article
                    System.Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
            }
        }
        """, equivalenceKey: RateLimitCodeFixProvider.CrawlPolicyKey);

    [Fact]
    public Task Compliance_SyncLoop_WaitsTurn() => Verify.VerifyAsync(SyncLoop, """
        using System;
        using System.Collections.Generic;
        using HtmlAgilityPack;
        using ScrapeLint.Compliance;

        public class ArticleCrawler
        {
            private static readonly CrawlPolicy crawlPolicy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "TestProject/1.0 (+https://example.com/bot)" });

            public void Crawl(IEnumerable<string> links)
            {
                var web = new HtmlWeb();
                foreach (var link in links)
                {
                    crawlPolicy.WaitTurn(new Uri(link));
                    var doc = web.Load(link);
                    System.Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
            }
        }
        """, equivalenceKey: RateLimitCodeFixProvider.CrawlPolicyKey);

    [Fact]
    public Task RateLimiting_AsyncLoop_AcquiresASharedLimiter() => Verify.VerifyAsync(AsyncLoop, """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.RateLimiting;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class ArticleCrawler
        {
            private readonly HtmlWeb web = new HtmlWeb();
            private static readonly RateLimiter rateLimiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions { TokenLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromMilliseconds(1000), QueueLimit = int.MaxValue, AutoReplenishment = true });

            public async Task CrawlAsync(IEnumerable<string> links, CancellationToken cancellationToken)
            {
                foreach (var link in links)
                {
                    using var lease = await rateLimiter.AcquireAsync(1, cancellationToken);
                    var doc = await web.LoadFromWebAsync(link, cancellationToken); // the article
                    System.Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
            }
        }
        """, FixLibraries.RateLimiting, equivalenceKey: RateLimitCodeFixProvider.RateLimiterKey);

    [Fact]
    public Task RateLimiting_SyncLoop_SleepsBecauseALoopThatBlocksCannotAwait() => Verify.VerifyAsync(SyncLoop, """
        using System.Collections.Generic;
        using System.Threading;
        using HtmlAgilityPack;

        public class ArticleCrawler
        {
            public void Crawl(IEnumerable<string> links)
            {
                var web = new HtmlWeb();
                foreach (var link in links)
                {
                    Thread.Sleep(1000);
                    var doc = web.Load(link);
                    System.Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
            }
        }
        """, FixLibraries.RateLimiting, equivalenceKey: RateLimitCodeFixProvider.DelayKey);

    [Fact]
    public Task Bcl_AsyncLoop_DelaysTheConfiguredTimeWithTheToken() => Verify.VerifyAsync(AsyncLoop, """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class ArticleCrawler
        {
            private readonly HtmlWeb web = new HtmlWeb();

            public async Task CrawlAsync(IEnumerable<string> links, CancellationToken cancellationToken)
            {
                foreach (var link in links)
                {
                    await Task.Delay(2500, cancellationToken);
                    var doc = await web.LoadFromWebAsync(link, cancellationToken); // the article
                    System.Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
            }
        }
        """, FixLibraries.None, editorConfig: "scrapelint.min_delay_ms = 2500", equivalenceKey: RateLimitCodeFixProvider.DelayKey);

    [Fact]
    public Task Bcl_AsyncLoopWithoutToken_Delays() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Playwright;

        public class ListingScraper
        {
            public async Task ScrapeAsync(IPage page, IEnumerable<string> links)
            {
                foreach (var link in links)
                    await {|SL2002:page.GotoAsync(link)|};
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Playwright;

        public class ListingScraper
        {
            public async Task ScrapeAsync(IPage page, IEnumerable<string> links)
            {
                foreach (var link in links)
                {
                    await Task.Delay(1000);
                    await page.GotoAsync(link);
                }
            }
        }
        """, FixLibraries.None);

    [Fact]
    public Task Bcl_SyncLoop_Sleeps() => Verify.VerifyAsync(SyncLoop, """
        using System.Collections.Generic;
        using System.Threading;
        using HtmlAgilityPack;

        public class ArticleCrawler
        {
            public void Crawl(IEnumerable<string> links)
            {
                var web = new HtmlWeb();
                foreach (var link in links)
                {
                    Thread.Sleep(1000);
                    var doc = web.Load(link);
                    System.Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
            }
        }
        """, FixLibraries.None);

    [Fact]
    public Task ConfiguredRateLimitMethod_IsCalledThroughTheFieldThatHoldsIt() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        namespace Acme.Crawling
        {
            public sealed class HostThrottle
            {
                public Task PauseAsync(System.Uri url, CancellationToken cancellationToken) => Task.CompletedTask;
            }

            public class Spider
            {
                private readonly HostThrottle hosts = new HostThrottle();

                public async Task RunAsync(IEnumerable<string> links, CancellationToken cancellationToken)
                {
                    var web = new HtmlWeb();
                    foreach (var link in links)
                    {
                        var doc = await {|SL2002:web.LoadFromWebAsync(link + "?print=1", cancellationToken)|};
                        System.Console.WriteLine(doc.DocumentNode.InnerText.Length);
                    }
                }
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        namespace Acme.Crawling
        {
            public sealed class HostThrottle
            {
                public Task PauseAsync(System.Uri url, CancellationToken cancellationToken) => Task.CompletedTask;
            }

            public class Spider
            {
                private readonly HostThrottle hosts = new HostThrottle();

                public async Task RunAsync(IEnumerable<string> links, CancellationToken cancellationToken)
                {
                    var web = new HtmlWeb();
                    foreach (var link in links)
                    {
                        var url = link + "?print=1";
                        await hosts.PauseAsync(new Uri(url), cancellationToken);
                        var doc = await web.LoadFromWebAsync(url, cancellationToken);
                        System.Console.WriteLine(doc.DocumentNode.InnerText.Length);
                    }
                }
            }
        }
        """, editorConfig: "scrapelint.rate_limit_methods = Acme.Crawling.HostThrottle.PauseAsync", equivalenceKey: RateLimitCodeFixProvider.ConfiguredKey);

    [Fact]
    public Task RelativePathOnAClientWithBaseAddress_ResolvesTheUriAgainstIt() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class ForumReader
        {
            private readonly HttpClient client = new HttpClient { BaseAddress = new Uri("https://forum.example.org") };

            public async Task ReadAsync(int threads)
            {
                for (var id = 1; id <= threads; id++)
                {
                    var html = await {|SL2002:client.GetStringAsync($"/threads/{id}")|};
                    var doc = new HtmlDocument();
                    doc.LoadHtml(html);
                }
            }
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;
        using ScrapeLint.Compliance;

        public class ForumReader
        {
            private readonly HttpClient client = new HttpClient { BaseAddress = new Uri("https://forum.example.org") };
            private static readonly CrawlPolicy crawlPolicy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "TestProject/1.0 (+https://example.com/bot)" });

            public async Task ReadAsync(int threads)
            {
                for (var id = 1; id <= threads; id++)
                {
                    var url = $"/threads/{id}";
                    await crawlPolicy.WaitTurnAsync(new Uri(client.BaseAddress!, url));
                    var html = await client.GetStringAsync(url);
                    var doc = new HtmlDocument();
                    doc.LoadHtml(html);
                }
            }
        }
        """);
}
