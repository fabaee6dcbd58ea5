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
}
