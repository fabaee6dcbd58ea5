using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HtmlAgilityPack;

namespace HireFlow.Sourcing;

public sealed record Candidate(string ProfileUrl, string Name, string Headline, string Location);

public interface ICandidateRepository
{
    Task AddAsync(Candidate candidate, CancellationToken ct);
}

/// <summary>Shared HTML fetcher used by the sourcing jobs.</summary>
public sealed class PageFetcher
{
    private readonly HttpClient _http;

    public PageFetcher(HttpClient http) => _http = http;

    public async Task<string> FetchHtmlAsync(string url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept", "text/html");
        using var response = await _http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(ct);
    }
}

public sealed class CandidateSourcer
{
    private const string SearchUrl = "https://www.linkedin.com/search/results/people/?keywords=";
    private readonly PageFetcher _fetcher;
    private readonly ICandidateRepository _repository;

    public CandidateSourcer(PageFetcher fetcher, ICandidateRepository repository)
    {
        _fetcher = fetcher;
        _repository = repository;
    }

    public async Task<int> SourceAsync(string role, CancellationToken ct)
    {
        var searchHtml = await _fetcher.FetchHtmlAsync(SearchUrl + Uri.EscapeDataString(role), ct); // expect: SL4001
        var search = new HtmlDocument();
        search.LoadHtml(searchHtml);

        var profileUrls = search.DocumentNode.SelectNodes("//a[contains(@href,'/in/')]")?
            .Select(a => a.GetAttributeValue("href", "").Split('?')[0])
            .Distinct()
            .ToList() ?? new List<string>();

        var added = 0;
        foreach (var profileUrl in profileUrls)
        {
            var html = await _fetcher.FetchHtmlAsync(profileUrl, ct); // expect: SL1001, SL2001, SL2002
            var doc = new HtmlDocument();
            doc.LoadHtml(html);
            await _repository.AddAsync(new Candidate(
                profileUrl,
                doc.DocumentNode.SelectSingleNode("//h1")?.InnerText.Trim() ?? "",
                doc.DocumentNode.SelectSingleNode("//div[contains(@class,'text-body-medium')]")?.InnerText.Trim() ?? "",
                doc.DocumentNode.SelectSingleNode("//span[contains(@class,'text-body-small')]")?.InnerText.Trim() ?? ""), ct);
            added++;
        }

        return added;
    }
}
