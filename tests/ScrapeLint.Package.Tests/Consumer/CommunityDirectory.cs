namespace Consumer;

/// <summary>Reads member pages of the team's own community site: allowed by the project's .editorconfig.</summary>
public sealed class CommunityDirectory(HttpClient http)
{
    public async Task<int> FetchMembersAsync(IEnumerable<string> names)
    {
        var total = 0;
        foreach (var name in names)
        {
            total += (await http.GetStringAsync($"https://community.acme.example/users/{name}")).Length;
        }

        return total;
    }
}
