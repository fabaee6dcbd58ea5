using System;
using System.Collections.Generic;
using OpenQA.Selenium;
using Xunit;

namespace Acme.Web.EndToEnd;

/// <summary>Walks every page of the team's own staging site after a deployment: UI tests, not a crawler.</summary>
public sealed class StagingSmokeTests
{
    private static readonly string BaseUrl = Environment.GetEnvironmentVariable("STAGING_URL") ?? "https://staging.acme-shop.example";

    public static IEnumerable<object[]> Pages() => new[] { new object[] { "/" }, new object[] { "/cart" }, new object[] { "/account" } };

    private readonly IWebDriver driver;

    public StagingSmokeTests(IWebDriver driver) => this.driver = driver;

    [Fact]
    public void EveryMenuLinkLoads()
    {
        driver.Navigate().GoToUrl(BaseUrl);
        var links = new List<string>();
        foreach (var anchor in driver.FindElements(By.CssSelector("nav a")))
        {
            links.Add(anchor.GetAttribute("href"));
        }

        foreach (var link in links)
        {
            driver.Navigate().GoToUrl(link);
            Assert.DoesNotContain("Error", driver.Title);
        }
    }
}
