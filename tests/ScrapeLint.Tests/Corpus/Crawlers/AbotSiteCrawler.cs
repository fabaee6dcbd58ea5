using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Abot2.Crawler;
using Abot2.Poco;

namespace CrawlJobs;

/// <summary>Scheduled crawl jobs, each with its own Abot configuration.</summary>
public static class AbotJobs
{
    private const string Agent = "AcmeIndexer/2.1 (+https://acme.example/indexer)";

    public static async Task MirrorCompetitorAsync()
    {
        var config = new CrawlConfiguration
        {
            MaxPagesToCrawl = 5000,
            MaxConcurrentThreads = 20,
            UserAgentString = Agent,
        };

        var crawler = new PoliteWebCrawler(config);
        var result = await crawler.CrawlAsync(new Uri("https://www.example-competitor.com/")); // expect: SL2001, SL2002
        Console.WriteLine(result.ErrorOccurred ? "competitor crawl failed" : "competitor crawl done");
    }

    public static async Task IndexPartnerDocsAsync(Uri root)
    {
        var config = new CrawlConfiguration
        {
            IsRespectRobotsDotTextEnabled = true,
            MinCrawlDelayPerDomainMilliSeconds = 1500,
            MaxConcurrentThreads = 2,
            MaxPagesToCrawl = 800,
            UserAgentString = Agent,
        };

        var crawler = new PoliteWebCrawler(config);
        await crawler.CrawlAsync(root);
    }

    public static async Task SnapshotBrandPageAsync()
    {
        var config = new CrawlConfiguration { MaxPagesToCrawl = 40, UserAgentString = Agent };
        config.IsRespectRobotsDotTextEnabled = true;
        config.MinCrawlDelayPerDomainMilliSeconds = 0;

        var crawler = new PoliteWebCrawler(config);
        await crawler.CrawlAsync(new Uri("https://www.facebook.com/acmeofficial")); // expect: SL2002, SL4001
    }

    public static async Task CrawlSeedListAsync(IEnumerable<string> seeds)
    {
        foreach (var seed in seeds)
        {
            var crawler = new PoliteWebCrawler();
            var result = await crawler.CrawlAsync(new Uri(seed)); // expect: SL2001, SL2002
            if (result.ErrorOccurred)
            {
                Console.Error.WriteLine($"crawl of {seed} failed");
            }
        }
    }
}
