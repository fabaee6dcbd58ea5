using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace Birdwatch.Crawler;

public sealed record ProfileCard(string Handle, string DisplayName, string Bio);

/// <summary>Page object for an account page on x.com.</summary>
public sealed class ProfilePage
{
    private readonly IPage _page;

    public ProfilePage(IPage page) => _page = page;

    public async Task OpenAsync(string handle)
    {
        await _page.GotoAsync($"https://x.com/{handle}", new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded }); // expect: SL4001
        await _page.WaitForSelectorAsync("[data-testid='UserName']");
    }

    public async Task<ProfileCard> ReadCardAsync(string handle)
    {
        var name = await _page.InnerTextAsync("[data-testid='UserName']");
        var bio = await _page.Locator("[data-testid='UserDescription']").TextContentAsync() ?? "";
        return new ProfileCard(handle, name.Split('\n')[0], bio.Trim());
    }

    public async Task<IReadOnlyList<string>> FollowingAsync(string handle, int max)
    {
        await _page.GotoAsync($"https://x.com/{handle}/following"); // expect: SL4001
        var handles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var scroll = 0; scroll < 10 && handles.Count < max; scroll++)
        {
            var hrefs = await _page.Locator("[data-testid='UserCell'] a[role='link']")
                .EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href') || '')");
            foreach (var href in hrefs.Where(h => h.Count(c => c == '/') == 1))
            {
                handles.Add(href.Trim('/'));
            }

            await _page.Mouse.WheelAsync(0, 4000);
        }

        return handles.Take(max).ToList();
    }
}

/// <summary>Breadth-first walk over who-follows-whom, starting from one account.</summary>
public sealed class FollowGraphCrawler
{
    private readonly ProfilePage _profile;

    public FollowGraphCrawler(ProfilePage profile) => _profile = profile;

    public static async Task<FollowGraphCrawler> LaunchAsync(IPlaywright playwright, string storageStatePath)
    {
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { Headless = true });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { StorageStatePath = storageStatePath }); // expect: SL3004
        var page = await context.NewPageAsync();
        await page.GotoAsync("https://x.com/home"); // expect: SL4001
        return new FollowGraphCrawler(new ProfilePage(page));
    }

    public async Task<Dictionary<string, ProfileCard>> CrawlAsync(string seed, int maxProfiles)
    {
        var cards = new Dictionary<string, ProfileCard>(StringComparer.OrdinalIgnoreCase);
        var frontier = new Queue<string>();
        frontier.Enqueue(seed);

        while (frontier.Count > 0 && cards.Count < maxProfiles)
        {
            var handle = frontier.Dequeue();
            if (cards.ContainsKey(handle))
            {
                continue;
            }

            await _profile.OpenAsync(handle); // expect: SL1001, SL2001, SL2002
            cards[handle] = await _profile.ReadCardAsync(handle);

            foreach (var next in await _profile.FollowingAsync(handle, 50)) // expect: SL1001, SL2001, SL2002
            {
                if (!cards.ContainsKey(next))
                {
                    frontier.Enqueue(next);
                }
            }

            Console.WriteLine($"{cards.Count,5} {handle} ({frontier.Count} queued)");
        }

        return cards;
    }
}
