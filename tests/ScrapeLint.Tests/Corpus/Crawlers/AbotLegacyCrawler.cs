// Abot 1.x's synchronous Crawl, with the configuration made in a CrawlConfiguration subclass or an object initializer
// that leaves robots.txt off and sets no delay.
using System;
using Abot.Crawler;
using Abot.Poco;

namespace LegacyCrawl;

public sealed class FastConfig : CrawlConfiguration
{
    public FastConfig()
    {
        MaxConcurrentThreads = 8;
        IsRespectRobotsDotTextEnabled = false;
    }
}

public sealed class LegacySiteCrawler
{
    private readonly PoliteWebCrawler _crawler = new(new FastConfig());

    public CrawlResult Run(string root) => _crawler.Crawl(new Uri(root)); // expect: SL2001, SL2002

    public CrawlResult RunInline(string root)
    {
        var crawler = new PoliteWebCrawler(new CrawlConfiguration { MaxConcurrentThreads = 4, MinCrawlDelayPerDomainMilliSeconds = 1000 });
        return crawler.Crawl(new Uri(root)); // expect: SL2001
    }
}
