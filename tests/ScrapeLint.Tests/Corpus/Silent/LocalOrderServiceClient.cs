using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Tailspin.Fulfilment;

public interface IFulfilmentLog
{
    void Info(string message);
    void Error(string message, Exception? exception = null);
}

public sealed record OrderLine(string Sku, int Quantity);

public sealed record Order(Guid Id, string Status, List<OrderLine> Lines, decimal Total);

/// <summary>
/// Reconciliation job that runs next to the order API on the same box (development and on-prem installs):
/// it reads each order back from the local API and checks the totals.
/// </summary>
public sealed class LocalOrderServiceClient
{
    private const string OrdersApi = "https://localhost:5001/api/orders";
    private readonly HttpClient http;
    private readonly IFulfilmentLog log;

    public LocalOrderServiceClient(HttpClient http, IFulfilmentLog log)
    {
        this.http = http;
        this.log = log;
    }

    public async Task<List<Guid>> FindMismatchesAsync(IEnumerable<Guid> orderIds, IReadOnlyDictionary<string, decimal> prices, CancellationToken cancellationToken)
    {
        var mismatches = new List<Guid>();
        foreach (var id in orderIds)
        {
            using var response = await http.GetAsync($"{OrdersApi}/{id}", cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                log.Info($"Order {id} was deleted");
                continue;
            }

            response.EnsureSuccessStatusCode();
            var order = await response.Content.ReadFromJsonAsync<Order>(cancellationToken: cancellationToken);
            if (order is null)
            {
                continue;
            }

            decimal expected = 0;
            foreach (var line in order.Lines)
            {
                expected += prices.TryGetValue(line.Sku, out var price) ? price * line.Quantity : 0;
            }

            if (expected != order.Total)
            {
                mismatches.Add(id);
            }
        }

        return mismatches;
    }

    public async Task MarkShippedAsync(IEnumerable<Guid> orderIds, CancellationToken cancellationToken)
    {
        foreach (var id in orderIds)
        {
            try
            {
                var response = await http.PatchAsJsonAsync($"https://localhost:5001/api/orders/{id}/status", new { status = "Shipped" }, cancellationToken);
                response.EnsureSuccessStatusCode();
            }
            catch (HttpRequestException ex)
            {
                log.Error($"Could not mark order {id} shipped", ex);
            }
        }
    }
}
