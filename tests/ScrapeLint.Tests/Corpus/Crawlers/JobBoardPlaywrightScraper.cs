using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace JobPulse;

public sealed record JobPosting(string Url, string Title, string Company, string Location, string Description);

/// <summary>Page object for the search results of the job board.</summary>
public sealed class JobSearchPage
{
    private const string BaseUrl = "https://jobs.example-board.com";
    private readonly IPage _page;
    private readonly string _query;

    public JobSearchPage(IPage page, string query)
    {
        _page = page;
        _query = query;
    }

    public async Task OpenResultsAsync(int pageNumber)
    {
        await _page.GotoAsync($"{BaseUrl}/search?q={Uri.EscapeDataString(_query)}&page={pageNumber}");
        await _page.WaitForSelectorAsync("ul.results");
    }

    public async Task<IReadOnlyList<string>> JobLinksAsync()
        => await _page.Locator("a.job-card__link").EvaluateAllAsync<string[]>("els => els.map(e => e.href)");
}

public sealed class JobBoardScraper
{
    private readonly IPage _page;
    private readonly JobSearchPage _search;

    public JobBoardScraper(IPage page, string query)
    {
        _page = page;
        _search = new JobSearchPage(page, query);
    }

    public static async Task<List<JobPosting>> RunAsync(string query, int maxPages)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { Headless = true });
        var page = await browser.NewPageAsync();
        return await new JobBoardScraper(page, query).ScrapeAsync(maxPages);
    }

    public async Task<List<JobPosting>> ScrapeAsync(int maxPages)
    {
        var links = new List<string>();
        for (var n = 1; n <= maxPages; n++)
        {
            await _search.OpenResultsAsync(n); // expect: SL2001, SL2002
            var found = await _search.JobLinksAsync();
            if (found.Count == 0)
            {
                break;
            }

            links.AddRange(found);
        }

        var postings = new List<JobPosting>();
        foreach (var link in links.Distinct())
        {
            await _page.GotoAsync(link); // expect: SL2001, SL2002
            postings.Add(new JobPosting(
                link,
                await _page.InnerTextAsync("h1"),
                await _page.InnerTextAsync(".company-name"),
                await _page.InnerTextAsync(".job-location"),
                await _page.InnerTextAsync("#job-description")));
        }

        return postings;
    }
}
