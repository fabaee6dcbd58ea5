using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace TalentRadar.Scraping;

public sealed record ProfileSnapshot(string Handle, string Name, string Headline, string Location);

/// <summary>
/// Drives a logged-in Chrome session through LinkedIn search results, then through each profile found.
/// </summary>
public sealed class LinkedInSearchHarvester : IDisposable
{
    private const string Root = "https://www.linkedin.com";
    private readonly IWebDriver _driver;
    private readonly Random _jitter = new Random();

    public LinkedInSearchHarvester(bool headless)
    {
        var options = new ChromeOptions();
        if (headless)
        {
            options.AddArgument("--headless=new");
        }

        options.AddArgument("--window-size=1366,900");
        _driver = new ChromeDriver(options);
        _driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(8);
    }

    public void SignIn(string email, string password)
    {
        _driver.Navigate().GoToUrl(Root + "/login"); // expect: SL4001
        _driver.FindElement(By.Id("username")).SendKeys(email);
        _driver.FindElement(By.Id("password")).SendKeys(password); // expect: SL3005
        _driver.FindElement(By.CssSelector("button[type=submit]")).Click();
    }

    public List<string> CollectHandles(string keywords, int maxPages)
    {
        var handles = new List<string>();
        for (var page = 1; page <= maxPages; page++)
        {
            _driver.Url = $"{Root}/search/results/content/?keywords={Uri.EscapeDataString(keywords)}&page={page}"; // expect: SL2001, SL2002, SL4001
            foreach (var link in _driver.FindElements(By.CssSelector("a.app-aware-link")))
            {
                var handle = ExtractHandle(link.GetDomProperty("href") ?? "");
                if (handle != null && !handles.Contains(handle))
                {
                    handles.Add(handle);
                }
            }
        }

        return handles;
    }

    public List<ProfileSnapshot> VisitProfiles(IEnumerable<string> handles)
    {
        var snapshots = new List<ProfileSnapshot>();
        foreach (var handle in handles)
        {
            _driver.Navigate().GoToUrl($"{Root}/in/{handle}/"); // expect: SL1001, SL2001, SL4001

            // look human: wait a few seconds on every profile
            Thread.Sleep(_jitter.Next(3000, 7000));

            snapshots.Add(new ProfileSnapshot(
                handle,
                Text("h1"),
                Text("div.text-body-medium"),
                Text("span.text-body-small.inline")));
        }

        return snapshots;
    }

    private string Text(string css)
    {
        var element = _driver.FindElements(By.CssSelector(css)).FirstOrDefault();
        return element?.Text.Trim() ?? "";
    }

    private static string? ExtractHandle(string href)
    {
        const string marker = "linkedin.com/in/";
        var i = href.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        if (i < 0)
        {
            return null;
        }

        var rest = href.Substring(i + marker.Length);
        var end = rest.IndexOfAny(new[] { '/', '?' });
        return end < 0 ? rest : rest.Substring(0, end);
    }

    public void Dispose() => _driver.Quit();
}
