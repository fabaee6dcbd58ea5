using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PuppeteerSharp;

namespace TrendTap;

public sealed record VideoStats(string Url, string Likes, string Comments, string Caption);

public sealed record CreatorCard(string Username, string Followers, string Likes, string Bio);

/// <summary>Headless Chromium over a hashtag page, its videos and their creators.</summary>
public sealed class TikTokHashtagScraper : IAsyncDisposable
{
    private IBrowser? _browser;
    private IPage? _page;

    private IPage Page => _page ?? throw new InvalidOperationException("Call StartAsync first.");

    public async Task StartAsync()
    {
        await new BrowserFetcher().DownloadAsync();
        _browser = await Puppeteer.LaunchAsync(new LaunchOptions { Headless = true, Args = new[] { "--no-sandbox" } });
        _page = await _browser.NewPageAsync();
        await _page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
    }

    public async Task<List<string>> VideoLinksAsync(string tag, int scrolls)
    {
        await Page.GoToAsync($"https://www.tiktok.com/tag/{tag}", WaitUntilNavigation.Networkidle2); // expect: SL4001
        for (var i = 0; i < scrolls; i++)
        {
            await Page.EvaluateExpressionAsync("window.scrollBy(0, document.body.scrollHeight)");
            await Page.WaitForNetworkIdleAsync();
        }

        var links = await Page.EvaluateExpressionAsync<string[]>(
            "Array.from(document.querySelectorAll('a[href*=\"/video/\"]')).map(a => a.href)");
        return links.Distinct().ToList();
    }

    public async Task<List<VideoStats>> StatsAsync(IEnumerable<string> videoLinks)
    {
        var stats = new List<VideoStats>();
        foreach (var link in videoLinks)
        {
            var response = await Page.GoToAsync(link); // expect: SL2001, SL2002
            if (response is null || !response.Ok)
            {
                continue;
            }

            stats.Add(new VideoStats(
                link,
                await TextAsync("[data-e2e='like-count']"),
                await TextAsync("[data-e2e='comment-count']"),
                await TextAsync("[data-e2e='browse-video-desc']")));
        }

        return stats;
    }

    public async Task<List<CreatorCard>> CreatorsAsync(IEnumerable<string> usernames)
    {
        var cards = new List<CreatorCard>();
        foreach (var username in usernames.Distinct())
        {
            await Page.GoToAsync($"https://www.tiktok.com/@{username}"); // expect: SL1001, SL2001, SL4001
            cards.Add(new CreatorCard(
                username,
                await TextAsync("[data-e2e='followers-count']"),
                await TextAsync("[data-e2e='likes-count']"),
                await TextAsync("[data-e2e='user-bio']")));

            // stay under the radar
            await Task.Delay(TimeSpan.FromSeconds(3));
        }

        return cards;
    }

    private async Task<string> TextAsync(string selector)
    {
        var element = await Page.QuerySelectorAsync(selector);
        if (element is null)
        {
            return "";
        }

        return (await element.EvaluateFunctionAsync<string>("e => e.innerText")).Trim();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
    }
}
