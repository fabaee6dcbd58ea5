namespace Consumer;

public sealed class ProfileCrawler(HttpClient http)
{
    public async Task<List<string>> FetchAllAsync(IEnumerable<string> handles)
    {
        var pages = new List<string>();
        foreach (var handle in handles)
        {
            pages.Add(await http.GetStringAsync($"https://www.linkedin.com/in/{handle}/"));
        }

        return pages;
    }
}
