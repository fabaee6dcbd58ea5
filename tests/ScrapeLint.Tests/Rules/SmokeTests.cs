using ScrapeLint.Rules;
using Verify = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.ProfilePagesInLoopRule>;

namespace ScrapeLint.Tests.Rules;

public class SmokeTests
{
    [Fact]
    public Task ThirdPartyTypesResolve() => Verify.VerifyAsync("""
        using System.Net.Http;
        using HtmlAgilityPack;
        using AngleSharp;
        class C
        {
            async System.Threading.Tasks.Task M(HttpClient http, PuppeteerSharp.IPage p, Microsoft.Playwright.IPage q, OpenQA.Selenium.IWebDriver d, AngleSharp.IBrowsingContext ctx)
            {
                var doc = new HtmlWeb().Load("https://example.com");
                await p.GoToAsync("https://example.com");
                await q.GotoAsync("https://example.com");
                d.Navigate().GoToUrl("https://example.com");
                await ctx.OpenAsync("https://example.com");
                var c = new RestSharp.RestClient("https://example.com");
                await new Abot2.Crawler.PoliteWebCrawler().CrawlAsync(new System.Uri("https://example.com"));
                await Flurl.Http.GeneratedExtensions.GetStringAsync("https://example.com");
            }
        }
        """);
}
