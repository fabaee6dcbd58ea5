// Abot crawlers whose configuration, made in a subclass constructor or an object initializer, respects robots.txt
// and waits per domain.
using System;
using System.Threading.Tasks;
using Abot2.Crawler;

namespace SiteSearch;

public sealed class PoliteConfig : Abot2.Poco.CrawlConfiguration
{
    public PoliteConfig()
    {
        IsRespectRobotsDotTextEnabled = true;
        MinCrawlDelayPerDomainMilliSeconds = 1500;
    }
}

public sealed class LegacyPoliteConfig : Abot.Poco.CrawlConfiguration
{
    public LegacyPoliteConfig()
    {
        IsRespectRobotsDotTextEnabled = true;
        MinCrawlDelayPerDomainMilliSeconds = 2000;
    }
}

public sealed class PoliteIndexer
{
    private readonly Abot2.Crawler.PoliteWebCrawler _crawler = new(new PoliteConfig());

    public Task<Abot2.Poco.CrawlResult> RunAsync(string root) => _crawler.CrawlAsync(new Uri(root));

    public Abot.Poco.CrawlResult RunLegacy(string root) => new Abot.Crawler.PoliteWebCrawler(new LegacyPoliteConfig()).Crawl(new Uri(root));

    public Task<Abot2.Poco.CrawlResult> RunConfigured(string root)
    {
        var crawler = new Abot2.Crawler.PoliteWebCrawler(new Abot2.Poco.CrawlConfiguration { IsRespectRobotsDotTextEnabled = true, MinCrawlDelayPerDomainMilliSeconds = 1000 });
        return crawler.CrawlAsync(new Uri(root));
    }
}
