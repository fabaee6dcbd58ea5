// A page object for the team's own dashboard: one fixed account, refreshed in a monitoring loop with a pause, and
// a page object created per element of a list of constant section names on the team's own host.
using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace Ops.Monitoring;

public sealed class DashboardView
{
    private readonly IPage _page;
    private readonly string _account;

    public DashboardView(IPage page, string account)
    {
        _page = page;
        _account = account;
    }

    public Task<IResponse?> OpenAsync() => _page.GotoAsync($"https://dashboard.example.org/accounts/{_account}");
}

public sealed class DashboardWatch
{
    public async Task WatchAsync(IPage page, CancellationToken ct)
    {
        var view = new DashboardView(page, "ops-team");
        while (!ct.IsCancellationRequested)
        {
            await view.OpenAsync();
            await Task.Delay(TimeSpan.FromMinutes(5), ct);
        }
    }

    public async Task SnapshotOnce(IPage page)
    {
        var view = new DashboardView(page, "ops-team");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (await view.OpenAsync() is { Ok: true })
            {
                return;
            }
        }
    }
}
