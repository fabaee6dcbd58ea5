// Clicking through pages of the team's own admin grid: in an end-to-end test, on localhost, and a loop that clicks
// a button on one page without reading a new page.
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OpenQA.Selenium;
using Xunit;

namespace Admin.Tests;

public sealed class AdminGridClickTests
{
    private readonly IWebDriver _driver = null!;

    [Fact]
    public void PagesThroughOrders()
    {
        _driver.Navigate().GoToUrl("https://staging.example-shop.com/admin/orders");
        var seen = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            seen.Add(_driver.FindElement(By.Id("grid")).Text);
            _driver.FindElement(By.CssSelector("button.next")).Click();
        }

        Assert.NotEmpty(seen);
    }
}

public sealed class LocalGridExporter
{
    public async Task<List<string>> ExportAsync(IPage page)
    {
        var rows = new List<string>();
        await page.GotoAsync("http://localhost:5000/admin/orders");
        for (var i = 0; i < 10; i++)
        {
            rows.AddRange(await page.Locator("tr").AllInnerTextsAsync());
            await page.Locator("button.next").ClickAsync();
        }

        return rows;
    }

    public async Task ExpandAllAsync(IPage page, string reportUrl)
    {
        await page.GotoAsync(reportUrl);
        for (var i = 0; i < 3; i++)
        {
            await page.Locator("button.expand").ClickAsync();
        }
    }
}
