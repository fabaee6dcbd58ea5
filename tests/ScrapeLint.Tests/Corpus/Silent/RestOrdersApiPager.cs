// RestSharp against the team's own API: a client built once with a base URL, pages requested as JSON resources.
using System.Collections.Generic;
using System.Threading.Tasks;
using RestSharp;

namespace Orders;

public sealed record Order(string Id);

public sealed class RestOrdersApiPager
{
    private readonly RestClient _client = new(new RestClientOptions("https://orders.internal.example/api"));

    public async Task<List<Order>> AllAsync()
    {
        var all = new List<Order>();
        for (var page = 1; page <= 20; page++)
        {
            var orders = await _client.GetAsync<List<Order>>(new RestRequest("orders").AddQueryParameter("page", page));
            if (orders is null || orders.Count == 0)
            {
                break;
            }

            all.AddRange(orders);
        }

        return all;
    }
}
