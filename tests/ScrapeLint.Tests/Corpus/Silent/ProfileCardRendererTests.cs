using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using HtmlAgilityPack;

namespace Contoso.Recruiting.Tests;

/// <summary>Returns canned HTML for every request and records what was asked; no network is touched.</summary>
public sealed class FakeHandler : HttpMessageHandler
{
    private readonly Func<Uri, string> respond;

    public FakeHandler(Func<Uri, string> respond) => this.respond = respond;

    public List<Uri> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request.RequestUri!);
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(respond(request.RequestUri!), Encoding.UTF8, "text/html"),
        });
    }
}

/// <summary>The unit under test: renders a card from a candidate's public profile page HTML.</summary>
public sealed class ProfileCardRenderer
{
    public string Render(string html)
    {
        var document = new HtmlDocument();
        document.LoadHtml(html);
        var name = document.DocumentNode.SelectSingleNode("//h1")?.InnerText.Trim() ?? "(unknown)";
        var headline = document.DocumentNode.SelectSingleNode("//div[@class='headline']")?.InnerText.Trim() ?? "";
        return $"{name} — {headline}";
    }
}

public sealed class ProfileCardRendererTests
{
    private static readonly string[] Handles = { "alice-example", "bob-example", "carol-example" };

    public async Task Renders_a_card_for_every_fixture_handle()
    {
        var handler = new FakeHandler(uri => $"<html><h1>{uri.Segments[^1].TrimEnd('/')}</h1><div class='headline'>Engineer</div></html>");
        using var client = new HttpClient(handler);
        var renderer = new ProfileCardRenderer();

        foreach (var h in Handles)
        {
            var html = await client.GetStringAsync($"https://www.linkedin.com/in/{h}/");
            var card = renderer.Render(html);
            Check.Equal($"{h} — Engineer", card);
        }

        Check.Equal(Handles.Length, handler.Requests.Count);
    }

    public void Renders_unknown_when_the_page_has_no_heading()
    {
        var card = new ProfileCardRenderer().Render("<html><body></body></html>");
        Check.Equal("(unknown) — ", card);
    }
}

internal static class Check
{
    public static void Equal<T>(T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new InvalidOperationException($"Expected {expected}, got {actual}");
        }
    }
}
