using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Tailspin.Finance.Payments;

public sealed record Charge(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("amount")] long Amount,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("customer")] string? Customer);

public sealed record ChargeList(
    [property: JsonPropertyName("data")] List<Charge> Data,
    [property: JsonPropertyName("has_more")] bool HasMore);

/// <summary>Month-end export of our Stripe charges (cursor pagination with starting_after) for accounting.</summary>
public sealed class StripeChargesExporter
{
    private readonly HttpClient http;

    public StripeChargesExporter(HttpClient http, string secretKey)
    {
        this.http = http;
        var basic = Convert.ToBase64String(Encoding.ASCII.GetBytes(secretKey + ":"));
        this.http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", basic);
    }

    public async Task<List<Charge>> ChargesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var charges = new List<Charge>();
        string? startingAfter = null;
        while (true)
        {
            var query = $"limit=100&created[gte]={from.ToUnixTimeSeconds()}&created[lt]={to.ToUnixTimeSeconds()}";
            if (startingAfter is not null)
            {
                query += $"&starting_after={startingAfter}";
            }

            var page = await http.GetFromJsonAsync<ChargeList>($"https://api.stripe.com/v1/charges?{query}", cancellationToken)
                ?? throw new InvalidOperationException("Empty page from Stripe");
            charges.AddRange(page.Data);
            if (!page.HasMore || page.Data.Count == 0)
            {
                return charges;
            }

            startingAfter = page.Data[^1].Id;
        }
    }

    public async Task<Dictionary<string, string>> CustomerEmailsAsync(IEnumerable<Charge> charges, CancellationToken cancellationToken)
    {
        var emails = new Dictionary<string, string>();
        foreach (var customer in charges.Select(c => c.Customer).OfType<string>().Distinct())
        {
            var json = await http.GetFromJsonAsync<Dictionary<string, object?>>($"https://api.stripe.com/v1/customers/{customer}", cancellationToken);
            if (json is not null && json.TryGetValue("email", out var email) && email is not null)
            {
                emails[customer] = email.ToString()!;
            }
        }

        return emails;
    }

    public static async Task WriteCsvAsync(string path, IEnumerable<Charge> charges, CancellationToken cancellationToken)
    {
        var lines = charges.Select(c => string.Join(',', c.Id, (c.Amount / 100m).ToString(CultureInfo.InvariantCulture), c.Currency,
            DateTimeOffset.FromUnixTimeSeconds(c.Created).ToString("u", CultureInfo.InvariantCulture)));
        await File.WriteAllLinesAsync(path, lines.Prepend("id,amount,currency,created"), cancellationToken);
    }
}
