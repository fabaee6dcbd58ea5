// Responses collected in a loop and read downstream as JSON (an API, not pages), and a click-paging helper whose
// only caller points it at the team's local build.
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using OpenQA.Selenium;

namespace Downstream.Quiet;

public static class DownstreamJson
{
    public static List<JsonDocument> Read(IEnumerable<string> ids)
    {
        using var client = new WebClient();
        var bodies = new List<string>();
        foreach (var id in ids)
        {
            bodies.Add(client.DownloadString($"https://inventory.internal.example/api/items/{id}"));
        }

        return bodies.Select(b => JsonDocument.Parse(b)).ToList();
    }
}

public sealed class GridRows
{
    private readonly IWebDriver _driver;

    public GridRows(IWebDriver driver) => _driver = driver;

    public List<string> Rows(string url)
    {
        var rows = new List<string>();
        _driver.Navigate().GoToUrl(url);
        IWebElement? next = null;
        do
        {
            next?.Click();
            foreach (var row in _driver.FindElements(By.CssSelector("tr")))
            {
                rows.Add(row.Text);
            }

            next = _driver.FindElement(By.CssSelector("a.next"));
        }
        while (!next.GetAttribute("class").Contains("disabled"));
        return rows;
    }
}

public static class LocalBenchmark
{
    public static int Run(IWebDriver driver) => new GridRows(driver).Rows("https://localhost:44392/orders").Count;
}
