using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Adatum.Warehouse.Inventory;

public interface IServiceEndpoints
{
    Uri Inventory { get; }
}

public sealed record StockLevel(string Sku, int OnHand, int Reserved);

public sealed record ReservationRequest(string OrderId, string Sku, int Quantity);

/// <summary>Typed client for the internal inventory service (base address from configuration, relative routes).</summary>
public sealed class InternalInventoryClient
{
    private readonly HttpClient http;

    public InternalInventoryClient(HttpClient http, IServiceEndpoints endpoints)
    {
        this.http = http;
        this.http.BaseAddress = endpoints.Inventory;
        this.http.Timeout = TimeSpan.FromSeconds(10);
    }

    public async Task<IReadOnlyList<StockLevel>> StockAsync(IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var levels = new List<StockLevel>();
        foreach (var sku in skus.Distinct())
        {
            var level = await http.GetFromJsonAsync<StockLevel>($"stock/{Uri.EscapeDataString(sku)}", cancellationToken);
            if (level is not null)
            {
                levels.Add(level);
            }
        }

        return levels;
    }

    public async Task<Dictionary<string, string>> OrderStatesAsync(IReadOnlyList<string> orderIds, CancellationToken cancellationToken)
    {
        var states = new Dictionary<string, string>();
        for (var i = 0; i < orderIds.Count; i++)
        {
            var state = await http.GetStringAsync($"orders/{orderIds[i]}/state", cancellationToken);
            states[orderIds[i]] = state.Trim('"');
        }

        return states;
    }

    public async Task<int> ReserveAsync(IEnumerable<ReservationRequest> requests, CancellationToken cancellationToken)
    {
        var reserved = 0;
        foreach (var request in requests)
        {
            using var response = await http.PostAsJsonAsync("reservations", request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                reserved += request.Quantity;
            }
        }

        return reserved;
    }
}
