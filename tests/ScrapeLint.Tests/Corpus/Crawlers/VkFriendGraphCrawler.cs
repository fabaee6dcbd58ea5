using System;
using System.Collections.Generic;
using System.Linq;
using HtmlAgilityPack;

namespace SocialGraph.Vk;

public sealed record VkPerson(string Id, string Name, string City, int Depth);

/// <summary>Recursive friend-of-friend walk over public VK pages.</summary>
public sealed class VkFriendGraph
{
    private const string Home = "https://vk.com/";
    private readonly HtmlWeb _web = new HtmlWeb();
    private readonly Dictionary<string, VkPerson> _people = new Dictionary<string, VkPerson>();
    private readonly int _maxDepth;

    public VkFriendGraph(int maxDepth) => _maxDepth = maxDepth;

    public IReadOnlyDictionary<string, VkPerson> Build(string seedId)
    {
        Visit(seedId, 0);
        return _people;
    }

    private void Visit(string id, int depth)
    {
        if (depth > _maxDepth || _people.ContainsKey(id))
        {
            return;
        }

        var page = _web.Load(Home + id); // expect: SL4001
        var name = page.DocumentNode.SelectSingleNode("//h1[contains(@class,'page_name')]")?.InnerText.Trim() ?? id;
        var city = page.DocumentNode.SelectSingleNode("//div[contains(@class,'profile_info')]//a[contains(@href,'c[city]')]")?.InnerText.Trim() ?? "";
        _people[id] = new VkPerson(id, name, city, depth);

        var friends = _web.Load($"{Home}friends?id={id}&section=all"); // expect: SL4001
        var links = friends.DocumentNode.SelectNodes("//div[contains(@class,'friends_user_info')]//a[@href]");
        if (links == null)
        {
            return;
        }

        foreach (var link in links.Take(30))
        {
            var friendId = link.GetAttributeValue("href", "").TrimStart('/');
            if (friendId.Length > 0)
            {
                Visit(friendId, depth + 1); // expect: SL1001, SL2001, SL2002
            }
        }
    }

    public void ExportCsv(string path)
    {
        using var writer = new System.IO.StreamWriter(path);
        writer.WriteLine("id,name,city,depth,url");
        foreach (var person in _people.Values.OrderBy(p => p.Depth).ThenBy(p => p.Name))
        {
            writer.WriteLine($"{person.Id},\"{person.Name.Replace("\"", "'")}\",{person.City},{person.Depth},{Home}{person.Id}");
        }
    }

    public IEnumerable<string> Cities()
        => _people.Values.Select(p => p.City).Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);
}
