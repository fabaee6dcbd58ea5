using Robots = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.RobotsTxtRule>;

namespace ScrapeLint.Tests.Rules;

/// <summary>A crawler library compiled in the project (its own repository) is not a crawler: its users' calls are the requests.</summary>
public class LibraryOwnCodeTests
{
    [Fact]
    public Task ForwardingOverloadInsideTheSinksOwnLibrary_IsNoRequest() => Robots.VerifyAsync("""
        using System;
        using System.Threading.Tasks;

        // The crawler library itself, compiled in this project: its overloads forward to each other.
        public class SiteCrawler : Abot2.Crawler.PoliteWebCrawler
        {
            public Task<Abot2.Poco.CrawlResult> Start(Uri root) => CrawlAsync(root);
        }
        """);

    [Fact]
    public Task CrawlerOfTheLibraryUsedByTheProject_IsARequest() => Robots.VerifyAsync("""
        using System;
        using System.Threading.Tasks;

        public class SiteJob
        {
            private readonly Abot2.Crawler.PoliteWebCrawler crawler = new Abot2.Crawler.PoliteWebCrawler();

            public Task<Abot2.Poco.CrawlResult> Start(Uri root) => {|#0:crawler.CrawlAsync(root)|};
        }
        """, Robots.Diagnostic("SL2001").WithLocation(0));
}
