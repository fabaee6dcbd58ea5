using ScrapeLint.CodeFixes;
using ScrapeLint.Tests.Verifiers;
using Verify = ScrapeLint.Tests.Verifiers.CodeFixVerifier<ScrapeLint.Rules.RobotsTxtRule, ScrapeLint.CodeFixes.RobotsCheckCodeFixProvider>;

namespace ScrapeLint.Tests.CodeFixes;

/// <summary>SL2001's fix: a robots.txt check before the request that skips disallowed URLs.</summary>
public class SL2001RobotsCheckFixTests
{
    [Fact]
    public Task AsyncLoop_WithCancellationToken_ChecksCrawlPolicyAndContinues() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class ArticleCrawler
        {
            private readonly HtmlWeb web = new HtmlWeb();

            public async Task<List<string>> CrawlAsync(IEnumerable<string> links, CancellationToken cancellationToken)
            {
                var titles = new List<string>();
                foreach (var link in links)
                {
                    // Each article page.
                    var doc = await {|SL2001:web.LoadFromWebAsync(link, cancellationToken)|};
                    titles.Add(doc.DocumentNode.SelectSingleNode("//h1")?.InnerText ?? "");
                }

                return titles;
            }
        }
        """, """
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

            public async Task<List<string>> CrawlAsync(IEnumerable<string> links, CancellationToken cancellationToken)
            {
                var titles = new List<string>();
                foreach (var link in links)
                {
                    if (!await crawlPolicy.IsAllowedAsync(new Uri(link), cancellationToken))
                    {
                        continue;
                    }

                    // Each article page.
                    var doc = await web.LoadFromWebAsync(link, cancellationToken);
                    titles.Add(doc.DocumentNode.SelectSingleNode("//h1")?.InnerText ?? "");
                }

                return titles;
            }
        }
        """, equivalenceKey: RobotsCheckCodeFixProvider.CrawlPolicyKey);

    [Fact]
    public Task SyncLoopThroughWrapper_ChecksIsAllowedOnTheWrappersUrlArgument() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using OpenQA.Selenium;

        public sealed class CatalogScraper
        {
            private readonly IWebDriver _driver;

            public CatalogScraper(IWebDriver driver) => _driver = driver;

            private void Open(string url) => _driver.Navigate().GoToUrl(url);

            public List<string> Scrape(IEnumerable<string> productUrls)
            {
                var titles = new List<string>();
                foreach (var productUrl in productUrls)
                {
                    {|SL2001:Open(productUrl)|};
                    titles.Add(_driver.FindElement(By.CssSelector("h1")).Text);
                }

                return titles;
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using OpenQA.Selenium;
        using ScrapeLint.Compliance;

        public sealed class CatalogScraper
        {
            private readonly IWebDriver _driver;
            private static readonly CrawlPolicy _crawlPolicy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "TestProject/1.0 (+https://example.com/bot)" });

            public CatalogScraper(IWebDriver driver) => _driver = driver;

            private void Open(string url) => _driver.Navigate().GoToUrl(url);

            public List<string> Scrape(IEnumerable<string> productUrls)
            {
                var titles = new List<string>();
                foreach (var productUrl in productUrls)
                {
                    if (!_crawlPolicy.IsAllowed(new Uri(productUrl)))
                    {
                        continue;
                    }

                    Open(productUrl);
                    titles.Add(_driver.FindElement(By.CssSelector("h1")).Text);
                }

                return titles;
            }
        }
        """);

    [Fact]
    public Task InlineUrl_BecomesALocalUsedByTheCheckAndTheRequest() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using PuppeteerSharp;

        public static class CatalogDump
        {
            public static async Task<List<string>> DumpAsync(IPage page, int pageCount)
            {
                var html = new List<string>();
                for (var i = 1; i <= pageCount; i++)
                {
                    await {|SL2001:page.GoToAsync($"https://www.example-shop.com/catalog?page={i}")|};
                    html.Add(await page.GetContentAsync());
                }

                return html;
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using PuppeteerSharp;
        using ScrapeLint.Compliance;

        public static class CatalogDump
        {
            private static readonly CrawlPolicy crawlPolicy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "TestProject/1.0 (+https://example.com/bot)" });

            public static async Task<List<string>> DumpAsync(IPage page, int pageCount)
            {
                var html = new List<string>();
                for (var i = 1; i <= pageCount; i++)
                {
                    var url = $"https://www.example-shop.com/catalog?page={i}";
                    if (!await crawlPolicy.IsAllowedAsync(new Uri(url)))
                    {
                        continue;
                    }

                    await page.GoToAsync(url);
                    html.Add(await page.GetContentAsync());
                }

                return html;
            }
        }
        """);

    [Fact]
    public Task AsyncLambdaOfAProjection_ReturnsEarlyWithNoResult() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class TitleCollector
        {
            public async Task<string?[]> CollectAsync(IEnumerable<string> links, CancellationToken ct)
            {
                var web = new HtmlWeb();
                var gate = new SemaphoreSlim(4);
                return await Task.WhenAll(links.Select(async link =>
                {
                    await gate.WaitAsync(ct);
                    try
                    {
                        var doc = await {|SL2001:web.LoadFromWebAsync(link, ct)|};
                        return doc.DocumentNode.SelectSingleNode("//title")?.InnerText;
                    }
                    finally
                    {
                        gate.Release();
                    }
                }));
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;
        using ScrapeLint.Compliance;

        public class TitleCollector
        {
            private static readonly CrawlPolicy crawlPolicy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "TestProject/1.0 (+https://example.com/bot)" });

            public async Task<string?[]> CollectAsync(IEnumerable<string> links, CancellationToken ct)
            {
                var web = new HtmlWeb();
                var gate = new SemaphoreSlim(4);
                return await Task.WhenAll(links.Select(async link =>
                {
                    await gate.WaitAsync(ct);
                    try
                    {
                        if (!await crawlPolicy.IsAllowedAsync(new Uri(link), ct))
                        {
                            return null;
                        }

                        var doc = await web.LoadFromWebAsync(link, ct);
                        return doc.DocumentNode.SelectSingleNode("//title")?.InnerText;
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
    public Task ExpressionBodiedTaskLambda_BecomesAsyncWithABlockBody() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class PageLoader
        {
            private readonly HtmlWeb web = new HtmlWeb();

            public Task<HtmlDocument[]> LoadAllAsync(IEnumerable<string> links)
                => Task.WhenAll(links.Take(10).Select(link => {|SL2001:web.LoadFromWebAsync(link)|}));
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using HtmlAgilityPack;
        using ScrapeLint.Compliance;

        public class PageLoader
        {
            private readonly HtmlWeb web = new HtmlWeb();
            private static readonly CrawlPolicy crawlPolicy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "TestProject/1.0 (+https://example.com/bot)" });

            public Task<HtmlDocument[]> LoadAllAsync(IEnumerable<string> links)
                => Task.WhenAll(links.Take(10).Select(async link =>
                {
                    if (!await crawlPolicy.IsAllowedAsync(new Uri(link)))
                    {
                        return null!;
                    }

                    return await web.LoadFromWebAsync(link);
                }));
        }
        """);

    [Fact]
    public Task ConfiguredRobotsMethod_IsPreferredOverCrawlPolicy() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        namespace Acme.Crawling
        {
            public static class RobotsRules
            {
                public static Task<bool> MayFetchAsync(string url, CancellationToken cancellationToken = default) => Task.FromResult(true);
            }

            public class Spider
            {
                public async Task RunAsync(IEnumerable<string> links, CancellationToken cancellationToken)
                {
                    var web = new HtmlWeb();
                    foreach (var link in links)
                    {
                        var doc = await {|SL2001:web.LoadFromWebAsync(link, cancellationToken)|};
                        System.Console.WriteLine(doc.DocumentNode.InnerText.Length);
                    }
                }
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        namespace Acme.Crawling
        {
            public static class RobotsRules
            {
                public static Task<bool> MayFetchAsync(string url, CancellationToken cancellationToken = default) => Task.FromResult(true);
            }

            public class Spider
            {
                public async Task RunAsync(IEnumerable<string> links, CancellationToken cancellationToken)
                {
                    var web = new HtmlWeb();
                    foreach (var link in links)
                    {
                        if (!await RobotsRules.MayFetchAsync(link, cancellationToken))
                        {
                            continue;
                        }

                        var doc = await web.LoadFromWebAsync(link, cancellationToken);
                        System.Console.WriteLine(doc.DocumentNode.InnerText.Length);
                    }
                }
            }
        }
        """, editorConfig: "scrapelint.robots_check_methods = Acme.Crawling.RobotsRules.MayFetchAsync", equivalenceKey: RobotsCheckCodeFixProvider.ConfiguredKey);

    [Fact]
    public Task ExistingCrawlPolicyField_IsReusedAndUserAgentOptionIgnored() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;
        using ScrapeLint.Compliance;

        public class Spider
        {
            private readonly CrawlPolicy policy;
            private readonly HtmlWeb web = new HtmlWeb();

            public Spider(CrawlPolicy policy) => this.policy = policy;

            public async Task RunAsync(IEnumerable<Uri> pages)
            {
                foreach (var page in pages)
                {
                    await policy.WaitTurnAsync(page);
                    var doc = await {|SL2001:web.LoadFromWebAsync(page.AbsoluteUri)|};
                    Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;
        using ScrapeLint.Compliance;

        public class Spider
        {
            private readonly CrawlPolicy policy;
            private readonly HtmlWeb web = new HtmlWeb();

            public Spider(CrawlPolicy policy) => this.policy = policy;

            public async Task RunAsync(IEnumerable<Uri> pages)
            {
                foreach (var page in pages)
                {
                    if (!await policy.IsAllowedAsync(new Uri(page.AbsoluteUri)))
                    {
                        continue;
                    }

                    await policy.WaitTurnAsync(page);
                    var doc = await web.LoadFromWebAsync(page.AbsoluteUri);
                    Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
            }
        }
        """, editorConfig: "scrapelint.user_agent = AcmeBot/2.0 (+https://acme.example/bot)");

    [Fact]
    public Task UserAgentOption_InitialisesTheNewPolicy() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Playwright;

        public class ListingScraper
        {
            public async Task ScrapeAsync(IPage page, IEnumerable<string> links)
            {
                foreach (var link in links)
                {
                    await {|SL2001:page.GotoAsync(link)|};
                }
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Playwright;
        using ScrapeLint.Compliance;

        public class ListingScraper
        {
            private static readonly CrawlPolicy crawlPolicy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "AcmeBot/2.0 (+https://acme.example/bot)" });

            public async Task ScrapeAsync(IPage page, IEnumerable<string> links)
            {
                foreach (var link in links)
                {
                    if (!await crawlPolicy.IsAllowedAsync(new Uri(link)))
                    {
                        continue;
                    }

                    await page.GotoAsync(link);
                }
            }
        }
        """, editorConfig: "scrapelint.user_agent = AcmeBot/2.0 (+https://acme.example/bot)");

    [Fact]
    public Task WithoutComplianceOrConfiguredMethod_NoFix() => Verify.VerifyNoFixAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Playwright;

        public class ListingScraper
        {
            public async Task ScrapeAsync(IPage page, IEnumerable<string> links)
            {
                foreach (var link in links)
                {
                    await {|SL2001:page.GotoAsync(link)|};
                }
            }
        }
        """, FixLibraries.RateLimiting);

    [Fact]
    public Task PageCounterAdvancedAfterTheRequest_NoFixBecauseContinueWouldSpin() => Verify.VerifyNoFixAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using PuppeteerSharp;

        public static class CatalogDump
        {
            public static async Task<List<string>> DumpAsync(IPage page)
            {
                var html = new List<string>();
                var number = 1;
                while (number < 50)
                {
                    await {|SL2001:page.GoToAsync($"https://www.example-shop.com/catalog?page={number}")|};
                    html.Add(await page.GetContentAsync());
                    number++;
                }

                return html;
            }
        }
        """);

    [Fact]
    public Task FixAll_AddsOnePolicyPerTypeAcrossDocuments() => Verify.VerifyAsync(
        new[]
        {
            """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.Playwright;

            public class ListingScraper
            {
                public async Task ScrapeAsync(IPage page, IEnumerable<string> links)
                {
                    foreach (var link in links)
                    {
                        await {|SL2001:page.GotoAsync(link)|};
                    }
                }

                public async Task ScrapeAgentsAsync(IPage page, IEnumerable<string> agents)
                {
                    foreach (var agent in agents)
                    {
                        await {|SL2001:page.GotoAsync("https://homes.example.com/agents/" + agent)|};
                    }
                }
            }
            """,
            """
            using System.Collections.Generic;
            using OpenQA.Selenium;

            public class ProductScraper
            {
                public void Scrape(IWebDriver driver, IEnumerable<string> products)
                {
                    foreach (var product in products) {|SL2001:driver.Navigate().GoToUrl(product)|};
                }
            }
            """,
        },
        new[]
        {
            """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.Playwright;
            using ScrapeLint.Compliance;

            public class ListingScraper
            {
                private static readonly CrawlPolicy crawlPolicy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "TestProject/1.0 (+https://example.com/bot)" });

                public async Task ScrapeAsync(IPage page, IEnumerable<string> links)
                {
                    foreach (var link in links)
                    {
                        if (!await crawlPolicy.IsAllowedAsync(new Uri(link)))
                        {
                            continue;
                        }

                        await page.GotoAsync(link);
                    }
                }

                public async Task ScrapeAgentsAsync(IPage page, IEnumerable<string> agents)
                {
                    foreach (var agent in agents)
                    {
                        var url = "https://homes.example.com/agents/" + agent;
                        if (!await crawlPolicy.IsAllowedAsync(new Uri(url)))
                        {
                            continue;
                        }

                        await page.GotoAsync(url);
                    }
                }
            }
            """,
            """
            using System;
            using System.Collections.Generic;
            using OpenQA.Selenium;
            using ScrapeLint.Compliance;

            public class ProductScraper
            {
                private static readonly CrawlPolicy crawlPolicy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "TestProject/1.0 (+https://example.com/bot)" });

                public void Scrape(IWebDriver driver, IEnumerable<string> products)
                {
                    foreach (var product in products)
                    {
                        if (!crawlPolicy.IsAllowed(new Uri(product)))
                        {
                            continue;
                        }

                        driver.Navigate().GoToUrl(product);
                    }
                }
            }
            """,
        });

    [Fact]
    public Task TopLevelProgram_DeclaresThePolicyAsALocalBeforeTheFirstStatement()
    {
        var test = Verify.CreateTest(
            new[]
            {
                """
                using System;
                using HtmlAgilityPack;

                // Dumps the article pages.
                var web = new HtmlWeb();
                foreach (var link in args)
                {
                    var doc = {|SL2001:web.Load(link)|};
                    Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
                """,
            },
            new[]
            {
                """
                using System;
                using HtmlAgilityPack;
                using ScrapeLint.Compliance;

                var crawlPolicy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "TestProject/1.0 (+https://example.com/bot)" });

                // Dumps the article pages.
                var web = new HtmlWeb();
                foreach (var link in args)
                {
                    if (!crawlPolicy.IsAllowed(new Uri(link)))
                    {
                        continue;
                    }

                    var doc = web.Load(link);
                    Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
                """,
            },
            FixLibraries.All,
            editorConfig: null);
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        return test.RunAsync();
    }
}
