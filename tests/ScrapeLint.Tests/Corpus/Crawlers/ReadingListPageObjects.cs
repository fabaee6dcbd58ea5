// Page objects that get the varying id through their constructor, an object initializer or a property set in the
// loop, and navigate in a parameterless method.
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Playwright;
using OpenQA.Selenium;

namespace ReadingList.Harvest;

public sealed class ShelfView
{
    private readonly IPage _page;
    private readonly string _reader;

    public ShelfView(IPage page, string reader)
    {
        _page = page;
        _reader = reader;
    }

    public async Task<string> OpenAsync()
    {
        await _page.GotoAsync($"https://books.example.org/shelves/{_reader}?sort=date");
        return await _page.ContentAsync();
    }
}

public sealed class ReviewView
{
    public IWebDriver Driver { get; init; } = null!;
    public string ReviewId { get; set; } = "";

    public void Show() => Driver.Navigate().GoToUrl("https://books.example.org/review/" + ReviewId);
}

public sealed class ShelfHarvester
{
    public async Task<List<string>> RunAsync(IPage page, IEnumerable<string> readers)
    {
        var pages = new List<string>();
        foreach (var reader in readers)
        {
            var shelf = new ShelfView(page, reader);
            pages.Add(await shelf.OpenAsync()); // expect: SL2001, SL2002
        }

        return pages;
    }

    public void Reviews(IWebDriver driver, IReadOnlyList<string> reviewIds)
    {
        for (var i = 0; i < reviewIds.Count; i++)
        {
            var view = new ReviewView { Driver = driver, ReviewId = reviewIds[i] };
            view.Show(); // expect: SL2001, SL2002
        }
    }

    public void ReuseOneView(IWebDriver driver, IEnumerable<string> reviewIds)
    {
        var view = new ReviewView { Driver = driver };
        foreach (var id in reviewIds)
        {
            view.ReviewId = id;
            view.Show(); // expect: SL2001, SL2002
        }
    }

    public async Task Polite(IPage page, IEnumerable<string> readers)
    {
        foreach (var reader in readers)
        {
            await Task.Delay(2000);
            await new ShelfView(page, reader).OpenAsync(); // expect: SL2001
        }
    }
}
