using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Acme.Billing;

public sealed record Invoice(string Id, decimal Amount);

/// <summary>Pages through the company's own billing API: ordinary code, no finding.</summary>
public sealed class InvoiceClient
{
    private readonly HttpClient http;

    public InvoiceClient(HttpClient http) => this.http = http;

    public async Task<List<Invoice>> AllAsync(CancellationToken cancellationToken)
    {
        var all = new List<Invoice>();
        for (var page = 1; ; page++)
        {
            var batch = await http.GetFromJsonAsync<List<Invoice>>($"/api/invoices?page={page}", cancellationToken);
            if (batch is null || batch.Count == 0)
            {
                return all;
            }

            all.AddRange(batch);
        }
    }
}
