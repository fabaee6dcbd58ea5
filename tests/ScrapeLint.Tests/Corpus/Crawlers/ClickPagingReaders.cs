// Browser automation that pages by clicking a "next" or "more" link in a loop and reads each new page.
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OpenQA.Selenium;

namespace Forums;

public sealed class ThreadReader
{
    private readonly IWebDriver _driver;

    public ThreadReader(IWebDriver driver) => _driver = driver;

    public List<string> Read(string threadUrl, int maxPosts)
    {
        var posts = new List<string>();
        _driver.Navigate().GoToUrl(threadUrl);
        while (posts.Count < maxPosts)
        {
            foreach (var post in _driver.FindElements(By.CssSelector("article.post")))
            {
                posts.Add(post.Text);
            }

            _driver.FindElement(By.LinkText("Older posts")).Click(); // expect: SL2001, SL2002
        }

        return posts;
    }
}

public sealed class ResultsPager
{
    public async Task<List<string>> CollectAsync(IPage page, string query)
    {
        var rows = new List<string>();
        await page.GotoAsync("https://search.example-listings.com/?q=" + query);
        for (var i = 0; i < 50; i++)
        {
            rows.AddRange(await page.Locator(".result").AllInnerTextsAsync());
            await page.Locator("a.next").ClickAsync(); // expect: SL2001
            await Task.Delay(1500);
        }

        return rows;
    }
}

public sealed class ListingRows
{
    private readonly IWebDriver _driver;

    public ListingRows(IWebDriver driver) => _driver = driver;

    public List<string> Rows(string url)
    {
        var rows = new List<string>();
        _driver.Navigate().GoToUrl(url);
        for (var page = 0; page < 20; page++)
        {
            foreach (var row in _driver.FindElements(By.CssSelector("li.listing")))
            {
                rows.Add(row.Text);
            }

            _driver.FindElement(By.CssSelector("a.next")).Click(); // expect: SL2001, SL2002
        }

        return rows;
    }
}

public static class ListingJob
{
    public static int Run(IWebDriver driver)
        => new ListingRows(driver).Rows("https://localhost:5001/preview").Count + new ListingRows(driver).Rows("https://listings.example-market.com/cars").Count;
}
