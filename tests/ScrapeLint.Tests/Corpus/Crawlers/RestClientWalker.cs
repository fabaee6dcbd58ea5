// RestSharp clients whose URL is the base URL they were built with, requested with an empty RestRequest.
using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using HtmlAgilityPack;
using RestSharp;

namespace RestCrawl;

public sealed class RestClientWalker
{
    public async Task<string?> FetchAsync(string pageUrl)
    {
        var client = new RestClient(new Uri(pageUrl));
        var response = await client.ExecuteAsync(new RestRequest());
        return response.Content;
    }

    public async Task<string?> FetchWithOptionsAsync(string pageUrl)
    {
        var options = new RestClientOptions(pageUrl) { ThrowOnAnyError = false };
        var client = new RestClient(options);
        var response = await client.ExecuteGetAsync(new RestRequest());
        return response.Content;
    }

    public async Task WalkAsync(Queue<string> todo)
    {
        while (todo.Count > 0)
        {
            var html = await FetchAsync(todo.Dequeue()); // expect: SL2001, SL2002
            var doc = new HtmlDocument();
            doc.LoadHtml(html ?? "");
            foreach (var a in doc.DocumentNode.SelectNodes("//a[@href]") ?? new HtmlNodeCollection(null))
            {
                todo.Enqueue(a.GetAttributeValue("href", ""));
            }
        }
    }

    public async Task WalkWithOptionsAsync(Queue<string> todo)
    {
        while (todo.Count > 0)
        {
            var doc = new HtmlDocument();
            doc.LoadHtml(await FetchWithOptionsAsync(todo.Dequeue()) ?? ""); // expect: SL2001, SL2002
            foreach (var a in doc.DocumentNode.SelectNodes("//a[@href]") ?? new HtmlNodeCollection(null))
            {
                todo.Enqueue(a.GetAttributeValue("href", ""));
            }
        }
    }
}
