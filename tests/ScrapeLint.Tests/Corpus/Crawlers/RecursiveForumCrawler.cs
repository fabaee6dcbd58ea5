using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using HtmlAgilityPack;

namespace ForumArchiver;

public sealed class Post
{
    public string ThreadUrl { get; set; } = "";
    public string AuthorId { get; set; } = "";
    public string Text { get; set; } = "";
}

public sealed class Member
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Location { get; set; } = "";
    public string JoinedOn { get; set; } = "";
}

// depth-first archiver for a XenForo-style board
public class ForumCrawler
{
    private const int MaxDepth = 6;
    private readonly HtmlWeb _web = new HtmlWeb { UserAgent = "ForumArchiver/1.0 (+https://archiver.example.org)" };
    private readonly HashSet<string> _visited = new HashSet<string>();
    private readonly HashSet<string> _memberIds = new HashSet<string>();
    private readonly string _root;

    public ForumCrawler(string root) => _root = root.TrimEnd('/');

    public List<Post> Posts { get; } = new List<Post>();

    public List<Member> Members { get; } = new List<Member>();

    public void Run() => Crawl(_root + "/forums/", 0);

    private void Crawl(string url, int depth)
    {
        if (depth > MaxDepth || !_visited.Add(url))
        {
            return;
        }

        HtmlDocument doc;
        try
        {
            doc = _web.Load(url);
        }
        catch (WebException)
        {
            return;
        }

        var messages = doc.DocumentNode.SelectNodes("//article[contains(@class,'message')]");
        if (messages != null)
        {
            foreach (var message in messages)
            {
                var authorId = message.GetAttributeValue("data-author-id", "");
                Posts.Add(new Post { ThreadUrl = url, AuthorId = authorId, Text = message.SelectSingleNode(".//div[@class='bbWrapper']")?.InnerText.Trim() ?? "" });
                if (authorId.Length > 0 && _memberIds.Add(authorId))
                {
                    ScrapeMember(authorId); // expect: SL1001, SL2001, SL2002
                }
            }
        }

        foreach (var link in Links(doc))
        {
            Crawl(link, depth + 1); // expect: SL2001, SL2002
        }
    }

    private void ScrapeMember(string memberId)
    {
        var doc = _web.Load($"{_root}/members/{memberId}/");
        Members.Add(new Member
        {
            Id = memberId,
            Name = doc.DocumentNode.SelectSingleNode("//h1[contains(@class,'memberHeader-name')]")?.InnerText.Trim() ?? "",
            Location = doc.DocumentNode.SelectSingleNode("//a[contains(@href,'/misc/location-info')]")?.InnerText.Trim() ?? "",
            JoinedOn = doc.DocumentNode.SelectSingleNode("//dl[dt='Joined']/dd")?.InnerText.Trim() ?? "",
        });
    }

    private IEnumerable<string> Links(HtmlDocument doc)
    {
        var anchors = doc.DocumentNode.SelectNodes("//a[@href]");
        if (anchors == null)
        {
            return Enumerable.Empty<string>();
        }

        return anchors
            .Select(a => a.GetAttributeValue("href", ""))
            .Where(h => h.StartsWith("/threads/", StringComparison.Ordinal) || h.StartsWith("/forums/", StringComparison.Ordinal))
            .Select(h => _root + h.Split('#')[0])
            .Distinct();
    }
}
