using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace Contoso.Portal.E2E;

public sealed record SeededAccount(string UserName, string Password, string ExpectedDisplayName);

/// <summary>Playwright tests for the account area of the portal, run against the local dev server.</summary>
public sealed class AccountPagesPlaywrightTests
{
    private static readonly string PortalUrl = Environment.GetEnvironmentVariable("PORTAL_URL") is { Length: > 0 } configured && configured.Contains("localhost")
        ? configured
        : "http://localhost:5000";

    private static readonly SeededAccount[] Accounts =
    {
        new("ada", "P@ssw0rd!", "Ada Lovelace"),
        new("grace", "P@ssw0rd!", "Grace Hopper"),
        new("linus", "P@ssw0rd!", "Linus Torvalds"),
    };

    public async Task Every_seeded_account_sees_its_own_profile()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { Headless = true });

        foreach (var account in Accounts)
        {
            var context = await browser.NewContextAsync();
            var page = await context.NewPageAsync();

            await page.GotoAsync("http://localhost:5000/login");
            await page.FillAsync("#username", account.UserName);
            await page.FillAsync("#password", account.Password);
            await page.ClickAsync("button[type=submit]");

            await page.GotoAsync($"http://localhost:5000/profile/{account.UserName}");
            var name = await page.InnerTextAsync("[data-test=display-name]");
            if (name != account.ExpectedDisplayName)
            {
                throw new InvalidOperationException($"{account.UserName}: saw {name}");
            }

            await page.GotoAsync($"http://localhost:5000/members/{account.UserName}/avatar.png");
            await context.CloseAsync();
        }
    }

    public async Task Public_pages_have_titles()
    {
        var paths = new List<string> { "/", "/pricing", "/docs", "/about" };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        foreach (var path in paths)
        {
            var response = await page.GotoAsync("http://localhost:5000" + path);
            if (response is null || !response.Ok || string.IsNullOrEmpty(await page.TitleAsync()))
            {
                throw new InvalidOperationException($"{path} has no title");
            }
        }
    }
}
