using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AngleSharp;
using AngleSharp.Html.Dom;

namespace Fabrikam.Community.Web.Tests;

/// <summary>In-process stand-in for the app under test (what a TestServer handler does): no socket is opened.</summary>
public sealed class InMemoryAppHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var id = request.RequestUri!.Segments[^1];
        var html = $"<html><head><title>Member {id}</title></head><body><h1 class=\"name\">Member {id}</h1><a href=\"/members/{id}/posts\">Posts</a></body></html>";
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(html, Encoding.UTF8, "text/html") });
    }
}

/// <summary>Helper from the ASP.NET Core integration testing docs: parse a response with AngleSharp.</summary>
public static class HtmlHelpers
{
    public static async Task<IHtmlDocument> GetDocumentAsync(HttpResponseMessage response)
    {
        var content = await response.Content.ReadAsStringAsync();
        var document = await BrowsingContext.New().OpenAsync(ResponseFactory, CancellationToken.None);
        return (IHtmlDocument)document;

        void ResponseFactory(AngleSharp.Io.VirtualResponse htmlResponse)
        {
            htmlResponse.Address(response.RequestMessage!.RequestUri).Status(response.StatusCode);
            htmlResponse.Content(content);
        }
    }
}

public sealed class MemberPagesIntegrationTests
{
    private readonly HttpClient client = new(new InMemoryAppHandler()) { BaseAddress = new Uri("http://localhost/") };

    public async Task Member_pages_show_the_member_name()
    {
        for (var id = 1; id <= 5; id++)
        {
            using var response = await client.GetAsync($"/members/{id}");
            response.EnsureSuccessStatusCode();
            var document = await HtmlHelpers.GetDocumentAsync(response);
            var heading = document.QuerySelector("h1.name")?.TextContent;
            if (heading != $"Member {id}")
            {
                throw new InvalidOperationException($"Member {id}: heading was '{heading}'");
            }

            var postsLink = document.QuerySelector("a")?.GetAttribute("href");
            using var posts = await client.GetAsync(postsLink);
            posts.EnsureSuccessStatusCode();
        }
    }

    public async Task User_profile_routes_answer()
    {
        foreach (var user in new[] { "ada", "grace", "linus" })
        {
            var html = await client.GetStringAsync($"users/{user}/profile");
            if (!html.Contains("<h1", StringComparison.Ordinal))
            {
                throw new InvalidOperationException(user);
            }
        }
    }
}
