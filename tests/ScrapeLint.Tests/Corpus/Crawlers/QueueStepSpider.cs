// Crawlers that keep their frontier in a field and drain it in a parameterless step method called by a loop.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using HtmlAgilityPack;

namespace Spiders;

public sealed class QueueStepSpider
{
    private readonly HtmlWeb _web = new();
    private readonly Queue<string> _frontier = new();
    private readonly HashSet<string> _seen = new();

    public QueueStepSpider(string seed) => _frontier.Enqueue(seed);

    public void Run(int maxPages)
    {
        var pages = 0;
        while (_frontier.Count > 0 && pages++ < maxPages)
        {
            Step(); // expect: SL2001, SL2002
        }
    }

    private void Step()
    {
        var next = _frontier.Dequeue();
        var doc = _web.Load(next);
        foreach (var link in doc.DocumentNode.SelectNodes("//a[@href]") ?? Enumerable.Empty<HtmlNode>())
        {
            var href = link.GetAttributeValue("href", "");
            if (_seen.Add(href))
            {
                _frontier.Enqueue(href);
            }
        }
    }
}

public sealed class StackStepSpider
{
    private static readonly Regex Anchor = new("href=\"(?<u>https?://[^\"]+)\"");
    private readonly HttpClient _http = new();
    private readonly Stack<string> _pending = new();

    public void Seed(string url) => _pending.Push(url);

    public async Task DrainAsync()
    {
        do
        {
            await VisitNextAsync(); // expect: SL2001, SL2002
        }
        while (_pending.Count > 0);
    }

    private async Task VisitNextAsync()
    {
        if (!_pending.TryPop(out var url))
        {
            return;
        }

        var html = await _http.GetStringAsync(url);
        foreach (Match m in Anchor.Matches(html))
        {
            _pending.Push(m.Groups["u"].Value);
        }
    }
}

public sealed class SiteWalker
{
    private readonly HtmlWeb _web = new();

    public string Current { get; private set; } = "";

    public HtmlDocument Retrieve(string url)
    {
        Current = url;
        return _web.Load(Current);
    }

    public void Walk(Queue<string> todo)
    {
        while (todo.Count > 0)
        {
            var doc = Retrieve(todo.Dequeue()); // expect: SL2001, SL2002
            foreach (var a in doc.DocumentNode.SelectNodes("//a[@href]") ?? Enumerable.Empty<HtmlNode>())
            {
                todo.Enqueue(a.GetAttributeValue("href", ""));
            }
        }
    }
}
