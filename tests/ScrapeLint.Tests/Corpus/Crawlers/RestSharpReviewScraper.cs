using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using HtmlAgilityPack;
using RestSharp;

namespace ReviewMiner;

public sealed record Review(string BusinessSlug, string ReviewerId, int Stars, string Text);

public sealed record Reviewer(string Id, string Name, string City, int ReviewCount);

/// <summary>Reads business reviews and reviewer pages, one request every two seconds.</summary>
public sealed class ReviewScraper : IDisposable
{
    private readonly RestClient _client = new RestClient(new RestClientOptions("https://www.example-reviews.com")
    {
        UserAgent = "ReviewMiner/1.4 (+https://reviewminer.example/bot)",
    });

    private readonly RateLimiter _limiter = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
    {
        PermitLimit = 1,
        Window = TimeSpan.FromSeconds(2),
        QueueLimit = 100,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public async Task<List<Review>> ReviewsAsync(string businessSlug, int pages, CancellationToken ct)
    {
        var reviews = new List<Review>();
        for (var i = 0; i < pages; i++)
        {
            using var lease = await _limiter.AcquireAsync(1, ct);
            var request = new RestRequest($"/biz/{businessSlug}?start={i * 10}");
            var response = await _client.GetAsync(request, ct); // expect: SL2001

            var doc = new HtmlDocument();
            doc.LoadHtml(response.Content ?? "");
            var items = doc.DocumentNode.SelectNodes("//li[contains(@class,'review')]");
            if (items == null)
            {
                break;
            }

            reviews.AddRange(items.Select(li => new Review(
                businessSlug,
                li.GetAttributeValue("data-user-id", ""),
                int.TryParse(li.SelectSingleNode(".//div[@role='img']")?.GetAttributeValue("aria-label", "0")?.Split(' ')[0], out var stars) ? stars : 0,
                li.SelectSingleNode(".//p")?.InnerText.Trim() ?? "")));
        }

        return reviews;
    }

    public async Task<List<Reviewer>> ReviewersAsync(IEnumerable<string> userIds, CancellationToken ct)
    {
        var reviewers = new List<Reviewer>();
        foreach (var userId in userIds.Distinct())
        {
            using var lease = await _limiter.AcquireAsync(1, ct);
            var response = await _client.ExecuteGetAsync(new RestRequest($"/user/{userId}"), ct); // expect: SL1001, SL2001
            if (!response.IsSuccessful || response.Content is null)
            {
                continue;
            }

            var doc = new HtmlDocument();
            doc.LoadHtml(response.Content);
            reviewers.Add(new Reviewer(
                userId,
                doc.DocumentNode.SelectSingleNode("//h1")?.InnerText.Trim() ?? "",
                doc.DocumentNode.SelectSingleNode("//*[@class='user-location']")?.InnerText.Trim() ?? "",
                int.TryParse(doc.DocumentNode.SelectSingleNode("//*[@class='review-count']")?.InnerText.Trim(), out var count) ? count : 0));
        }

        return reviewers;
    }

    public void Dispose()
    {
        _client.Dispose();
        _limiter.Dispose();
    }
}
