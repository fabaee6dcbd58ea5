using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Adatum.Portal.Dashboard;

public sealed record AccountSummary(string CustomerId, string Name, string Tier);

public sealed record OpenInvoice(string Number, decimal Amount, DateOnly Due);

public sealed record SupportTicket(int Id, string Subject, string Status);

public sealed record DashboardModel(AccountSummary Account, IReadOnlyList<OpenInvoice> Invoices, IReadOnlyList<SupportTicket> Tickets);

public interface IInternalClients
{
    HttpClient Accounts { get; }
    HttpClient Billing { get; }
    HttpClient Support { get; }
}

/// <summary>Backend-for-frontend: the dashboard page calls three internal services at once.</summary>
public sealed class CustomerDashboardAggregator
{
    private readonly IInternalClients clients;

    public CustomerDashboardAggregator(IInternalClients clients) => this.clients = clients;

    public async Task<DashboardModel> LoadAsync(string customerId, CancellationToken cancellationToken)
    {
        var account = clients.Accounts.GetFromJsonAsync<AccountSummary>($"accounts/{customerId}", cancellationToken);
        var invoices = clients.Billing.GetFromJsonAsync<List<OpenInvoice>>($"customers/{customerId}/invoices?status=open", cancellationToken);
        var tickets = clients.Support.GetFromJsonAsync<List<SupportTicket>>($"tickets?customer={customerId}&open=true", cancellationToken);

        await Task.WhenAll(account, invoices, tickets);

        return new DashboardModel(
            await account ?? throw new InvalidOperationException($"Unknown customer {customerId}"),
            await invoices ?? new List<OpenInvoice>(),
            await tickets ?? new List<SupportTicket>());
    }

    public async Task<IReadOnlyDictionary<string, bool>> PingAllAsync(CancellationToken cancellationToken)
    {
        var services = new Dictionary<string, HttpClient>
        {
            ["accounts"] = clients.Accounts,
            ["billing"] = clients.Billing,
            ["support"] = clients.Support,
        };

        var results = new Dictionary<string, bool>();
        var checks = new List<Task<(string Name, bool Up)>>();
        foreach (var (name, client) in services)
        {
            checks.Add(PingAsync(name, client, cancellationToken));
        }

        foreach (var (name, up) in await Task.WhenAll(checks))
        {
            results[name] = up;
        }

        return results;
    }

    private static async Task<(string Name, bool Up)> PingAsync(string name, HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync("healthz", cancellationToken);
            return (name, response.IsSuccessStatusCode);
        }
        catch (HttpRequestException)
        {
            return (name, false);
        }
    }
}
