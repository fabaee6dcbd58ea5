using Robots = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.RobotsTxtRule>;
using RateLimit = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.RateLimitRule>;
using Profiles = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.ProfilePagesInLoopRule>;

namespace ScrapeLint.Tests.Rules;

/// <summary>ScrapeLint.Compliance, the library the code fixes call, is recognised as the safeguard it is.</summary>
public class ComplianceLibraryTests
{
    private const string Crawler = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;
        using ScrapeLint.Compliance;

        public sealed class CatalogCrawler
        {
            private readonly HttpClient http = new HttpClient();
            private readonly CrawlPolicy policy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "AcmeBot/1.0 (+https://acme.example/bot)" });

            public async Task CrawlAsync(IEnumerable<Uri> pages, CancellationToken cancellationToken)
            {
                foreach (var page in pages)
                {
                    /*robots*/
                    /*wait*/
                    var doc = new HtmlDocument();
                    doc.LoadHtml(await {|#0:http.GetStringAsync(page, cancellationToken)|});
                }
            }
        }
        """;

    private static string With(bool robots, bool wait) => Crawler
        .Replace("/*robots*/", robots ? "if (!await policy.IsAllowedAsync(page, cancellationToken)) continue;" : "")
        .Replace("/*wait*/", wait ? "await policy.WaitTurnAsync(page, cancellationToken);" : "");

    [Fact]
    public Task WithoutThePolicy_BothRulesReport() => Task.WhenAll(
        Robots.VerifyAsync(With(robots: false, wait: false), Robots.Diagnostic("SL2001").WithLocation(0)),
        RateLimit.VerifyAsync(With(robots: false, wait: false), RateLimit.Diagnostic("SL2002").WithLocation(0)));

    [Fact]
    public Task IsAllowedAsync_IsARobotsCheck() => Task.WhenAll(
        Robots.VerifyAsync(With(robots: true, wait: false)),
        RateLimit.VerifyAsync(With(robots: true, wait: false), RateLimit.Diagnostic("SL2002").WithLocation(0)));

    [Fact]
    public Task WaitTurnAsync_IsARateLimit() => Task.WhenAll(
        Robots.VerifyAsync(With(robots: false, wait: true), Robots.Diagnostic("SL2001").WithLocation(0)),
        RateLimit.VerifyAsync(With(robots: false, wait: true)));

    [Fact]
    public Task PoliteHttpHandlerInThePipeline_GuardsEveryRequest() => Task.WhenAll(
        Robots.VerifyAsync(Pipeline),
        RateLimit.VerifyAsync(Pipeline));

    [Fact]
    public Task PolitenessDoesNotSilenceProfileHarvesting() => Profiles.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using ScrapeLint.Compliance;

        public sealed class PoliteHarvester
        {
            public async Task RunAsync(IEnumerable<string> handles)
            {
                using var policy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "AcmeBot/1.0 (+https://acme.example/bot)" });
                using var http = new HttpClient(new PoliteHttpHandler(policy, new HttpClientHandler()));
                foreach (var handle in handles)
                {
                    await {|#0:http.GetStringAsync($"https://www.linkedin.com/in/{handle}/")|};
                }
            }
        }
        """, Profiles.Diagnostic("SL1001").WithLocation(0));

    private const string Pipeline = """
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;
        using ScrapeLint.Compliance;

        public sealed class PoliteCrawler
        {
            public async Task RunAsync(IEnumerable<string> pages)
            {
                using var policy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = "AcmeBot/1.0 (+https://acme.example/bot)" });
                using var http = new HttpClient(new PoliteHttpHandler(policy, new HttpClientHandler()));
                foreach (var page in pages)
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(await http.GetStringAsync(page));
                }
            }
        }
        """;
}
