using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace Proseware.Web.A11y;

public sealed record AuditFinding(string Url, string Issue);

/// <summary>
/// Pre-release accessibility sweep of our site running on the developer's machine: starts at the home page
/// of http://localhost:5000, follows same-host links, and checks every page for images without alt text.
/// </summary>
public sealed class LocalhostAccessibilityAudit
{
    private static readonly Uri Root = new("http://localhost:5000/");

    public async Task<List<AuditFinding>> RunAsync(int maxPages)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { Headless = true });
        var page = await browser.NewPageAsync();

        var findings = new List<AuditFinding>();
        var visited = new HashSet<Uri>();
        var queue = new Queue<Uri>();
        queue.Enqueue(Root);

        while (queue.Count > 0 && visited.Count < maxPages)
        {
            var url = queue.Dequeue();
            if (!visited.Add(url))
            {
                continue;
            }

            await page.GotoAsync(url.AbsoluteUri);
            foreach (var image in await page.QuerySelectorAllAsync("img:not([alt])"))
            {
                findings.Add(new AuditFinding(url.AbsoluteUri, $"img without alt: {await image.GetAttributeAsync("src")}"));
            }

            var hrefs = await page.EvalOnSelectorAllAsync<string[]>("a[href]", "links => links.map(a => a.getAttribute('href'))");
            foreach (var href in hrefs.Where(h => !string.IsNullOrEmpty(h) && !h.StartsWith('#')))
            {
                var next = new Uri(Root, href);
                if (next.IsLoopback && next.Port == Root.Port)
                {
                    queue.Enqueue(new Uri(next.GetLeftPart(UriPartial.Path)));
                }
            }
        }

        return findings;
    }
}
