// Method groups over collections that do no request, and a wrapper applied to a list of the team's own API URLs
// read as JSON.
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;

namespace Fan.Quiet;

public sealed record Rate(string Code, decimal Value);

public sealed class RatesClient
{
    private readonly HttpClient _client = new();

    public Task<Rate?> ReadAsync(string url) => _client.GetFromJsonAsync<Rate>(url);
}

public static class MethodGroupFormatting
{
    public static List<string> Upper(List<string> names) => names.Select(Format).ToList();

    public static async Task<Rate?[]> RatesAsync(RatesClient client, IEnumerable<string> codes)
    {
        var urls = codes.Select(c => $"https://rates.internal.example/api/{c}");
        return await Task.WhenAll(urls.Select(client.ReadAsync));
    }

    private static string Format(string name) => name.ToUpperInvariant();
}
