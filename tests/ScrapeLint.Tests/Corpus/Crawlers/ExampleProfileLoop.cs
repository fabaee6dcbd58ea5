using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;

namespace Harvest;

public sealed class ProfileLoop
{
    private readonly HttpClient http = new HttpClient();

    public async Task<List<string>> RunAsync(IEnumerable<string> handles)
    {
        var pages = new List<string>();
        foreach (var handle in handles)
        {
            pages.Add(await http.GetStringAsync($"https://www.linkedin.com/in/{handle}/")); // expect: SL1001, SL2001, SL2002, SL4001
        }

        return pages;
    }
}
