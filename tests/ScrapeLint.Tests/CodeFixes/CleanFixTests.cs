using System.Text;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using ScrapeLint.CodeFixes;
using ScrapeLint.Tests.Verifiers;
using Robots = ScrapeLint.Tests.Verifiers.CodeFixVerifier<ScrapeLint.Rules.RobotsTxtRule, ScrapeLint.CodeFixes.RobotsCheckCodeFixProvider>;
using RateLimit = ScrapeLint.Tests.Verifiers.CodeFixVerifier<ScrapeLint.Rules.RateLimitRule, ScrapeLint.CodeFixes.RateLimitCodeFixProvider>;
using Bound = ScrapeLint.Tests.Verifiers.CodeFixVerifier<ScrapeLint.Rules.UnboundedConcurrencyRule, ScrapeLint.CodeFixes.ConcurrencyBoundCodeFixProvider>;

namespace ScrapeLint.Tests.CodeFixes;

/// <summary>
/// Fixes that leave clean code: the document's line ends and encoding, the user's own expressions untouched,
/// the CancellationToken in scope, the robots.txt check before the wait, and one Fix All for every SL2003 shape.
/// (Every fix test also compiles the fixed code with warnings as errors and nullable annotations on.)
/// </summary>
public class CleanFixTests
{
    private const string InlineUrlLoop = """
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
        """;

    private const string InlineUrlLoopFixed = """
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
        """;

    [Fact]
    public Task A_crlf_document_gets_crlf_lines_only()
        => Robots.VerifyAsync(InlineUrlLoop.ReplaceLineEndings("\r\n"), InlineUrlLoopFixed.ReplaceLineEndings("\r\n"));

    [Fact]
    public Task An_lf_document_gets_lf_lines_even_where_the_workspace_writes_crlf()
    {
        // What Visual Studio on Windows does with a file checked out with LF line ends.
        var test = Robots.CreateTest(new[] { InlineUrlLoop }, new[] { InlineUrlLoopFixed }, FixLibraries.All, editorConfig: null);
        test.OptionsTransforms.Add(options => options.WithChangedOption(FormattingOptions.NewLine, Microsoft.CodeAnalysis.LanguageNames.CSharp, "\r\n"));
        return test.RunAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("latin1")]
    public Task The_document_keeps_its_encoding(string encodingName)
    {
        Encoding encoding = encodingName == "latin1" ? Encoding.Latin1 : new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        var test = Robots.CreateTest(Array.Empty<string>(), Array.Empty<string>(), FixLibraries.All, editorConfig: null);
        test.TestState.Sources.Add(("/0/Test0.cs", SourceText.From(InlineUrlLoop, encoding)));
        test.FixedState.Sources.Add(("/0/Test0.cs", SourceText.From(InlineUrlLoopFixed, encoding)));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task The_users_qualified_names_survive_in_the_moved_url_expression() => Robots.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using PuppeteerSharp;

        public static class ProfileDump
        {
            public static async Task DumpAsync(IPage page, IEnumerable<string> names)
            {
                foreach (var name in names)
                {
                    await {|SL2001:page.GoToAsync("https://forum.example.org/members/" + System.Uri.EscapeDataString(name) + "/" + System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToLower(name))|};
                }
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using PuppeteerSharp;
        using ScrapeLint.Compliance;

        public static class ProfileDump
        {
            private static readonly CrawlPolicy crawlPolicy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "TestProject/1.0 (+https://example.com/bot)" });

            public static async Task DumpAsync(IPage page, IEnumerable<string> names)
            {
                foreach (var name in names)
                {
                    var url = "https://forum.example.org/members/" + System.Uri.EscapeDataString(name) + "/" + System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToLower(name);
                    if (!await crawlPolicy.IsAllowedAsync(new Uri(url)))
                    {
                        continue;
                    }

                    await page.GoToAsync(url);
                }
            }
        }
        """);

    [Fact]
    public Task A_hundred_part_url_expression_is_moved_as_written()
    {
        // 5.9 s per fix when the simplifier was given the user's expression; its spacing was rewritten too.
        var parts = string.Join(" +  ", Enumerable.Range(0, 50).Select(i => $"\"/s{i}/\" +System.Uri.EscapeDataString(id)"));
        var source = $$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using PuppeteerSharp;

            public static class DeepDump
            {
                public static async Task DumpAsync(IPage page, IEnumerable<string> ids)
                {
                    foreach (var id in ids)
                    {
                        await {|SL2001:page.GoToAsync("https://deep.example.org" + {{parts}})|};
                    }
                }
            }
            """;
        var fixedSource = $$"""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using PuppeteerSharp;
            using ScrapeLint.Compliance;

            public static class DeepDump
            {
                private static readonly CrawlPolicy crawlPolicy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "TestProject/1.0 (+https://example.com/bot)" });

                public static async Task DumpAsync(IPage page, IEnumerable<string> ids)
                {
                    foreach (var id in ids)
                    {
                        var url = "https://deep.example.org" + {{parts}};
                        if (!await crawlPolicy.IsAllowedAsync(new Uri(url)))
                        {
                            continue;
                        }

                        await page.GoToAsync(url);
                    }
                }
            }
            """;
        return Robots.VerifyAsync(source, fixedSource);
    }

    [Fact]
    public Task The_robots_check_goes_before_an_existing_wait() => Robots.VerifyAsync("""
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
                    var doc = await {|SL2001:web.LoadFromWebAsync(link, cancellationToken)|};
                    Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
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

            public async Task CrawlAsync(IEnumerable<string> links, CancellationToken cancellationToken)
            {
                foreach (var link in links)
                {
                    if (!await crawlPolicy.IsAllowedAsync(new Uri(link), cancellationToken))
                    {
                        continue;
                    }

                    await crawlPolicy.WaitTurnAsync(new Uri(link), cancellationToken);
                    var doc = await web.LoadFromWebAsync(link, cancellationToken);
                    Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
            }
        }
        """);

    [Fact]
    public Task The_wait_takes_a_token_from_a_local_source() => RateLimit.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class ArticleCrawler
        {
            private readonly HtmlWeb web = new HtmlWeb();

            public async Task CrawlAsync(IEnumerable<string> links)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
                foreach (var link in links)
                {
                    var doc = await {|SL2002:web.LoadFromWebAsync(link, cts.Token)|};
                    Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class ArticleCrawler
        {
            private readonly HtmlWeb web = new HtmlWeb();

            public async Task CrawlAsync(IEnumerable<string> links)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
                foreach (var link in links)
                {
                    await Task.Delay(1000, cts.Token);
                    var doc = await web.LoadFromWebAsync(link, cts.Token);
                    Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
            }
        }
        """, FixLibraries.None);

    [Fact]
    public Task The_wait_takes_the_token_field_of_a_worker() => RateLimit.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class ArticleCrawler
        {
            private readonly HtmlWeb web = new HtmlWeb();
            private readonly CancellationToken stopping;

            public ArticleCrawler(CancellationToken stopping) => this.stopping = stopping;

            public async Task CrawlAsync(IEnumerable<string> links)
            {
                foreach (var link in links)
                {
                    var doc = await {|SL2002:web.LoadFromWebAsync(link, stopping)|};
                    Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
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
            private readonly CancellationToken stopping;
            private static readonly CrawlPolicy crawlPolicy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "TestProject/1.0 (+https://example.com/bot)" });

            public ArticleCrawler(CancellationToken stopping) => this.stopping = stopping;

            public async Task CrawlAsync(IEnumerable<string> links)
            {
                foreach (var link in links)
                {
                    await crawlPolicy.WaitTurnAsync(new Uri(link), stopping);
                    var doc = await web.LoadFromWebAsync(link, stopping);
                    Console.WriteLine(doc.DocumentNode.InnerText.Length);
                }
            }
        }
        """, equivalenceKey: RateLimitCodeFixProvider.CrawlPolicyKey);

    [Fact]
    public Task The_sync_wait_passes_the_token_too() => RateLimit.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using HtmlAgilityPack;

        public class ArticleCrawler
        {
            public void Crawl(IEnumerable<string> links, CancellationToken cancellationToken)
            {
                var web = new HtmlWeb();
                foreach (var link in links)
                {
                    var doc = {|SL2002:web.Load(link)|};
                    Console.WriteLine(doc.DocumentNode.InnerText.Length + cancellationToken.GetHashCode());
                }
            }
        }
        """, """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using HtmlAgilityPack;
        using ScrapeLint.Compliance;

        public class ArticleCrawler
        {
            private static readonly CrawlPolicy crawlPolicy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "TestProject/1.0 (+https://example.com/bot)" });

            public void Crawl(IEnumerable<string> links, CancellationToken cancellationToken)
            {
                var web = new HtmlWeb();
                foreach (var link in links)
                {
                    crawlPolicy.WaitTurn(new Uri(link), cancellationToken);
                    var doc = web.Load(link);
                    Console.WriteLine(doc.DocumentNode.InnerText.Length + cancellationToken.GetHashCode());
                }
            }
        }
        """, equivalenceKey: RateLimitCodeFixProvider.CrawlPolicyKey);

    [Fact]
    public Task One_fix_all_bounds_both_shapes_of_a_document() => Bound.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class Archiver
        {
            private readonly HttpClient http = new HttpClient();

            public async Task ArchiveAsync(IEnumerable<string> urls, CancellationToken ct)
            {
                await {|SL2003:Parallel.ForEachAsync|}(urls, ct, async (url, token) =>
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(await http.GetStringAsync(url, token));
                });
            }

            public async Task<string[]> FetchAllAsync(IEnumerable<string> urls)
            {
                var pages = await {|SL2003:Task.WhenAll|}(urls.Select(u => http.GetStringAsync(u)));
                foreach (var page in pages)
                {
                    new HtmlDocument().LoadHtml(page);
                }

                return pages;
            }
        }
        """, """
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class Archiver
        {
            private readonly HttpClient http = new HttpClient();

            public async Task ArchiveAsync(IEnumerable<string> urls, CancellationToken ct)
            {
                await Parallel.ForEachAsync(urls, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct }, async (url, token) =>
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(await http.GetStringAsync(url, token));
                });
            }

            public async Task<string[]> FetchAllAsync(IEnumerable<string> urls)
            {
                var gate = new SemaphoreSlim(4);
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
                foreach (var page in pages)
                {
                    new HtmlDocument().LoadHtml(page);
                }

                return pages;
            }
        }
        """);
}
