using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using HtmlAgilityPack;

namespace ClassOf;

public sealed record Alumnus(string Slug, string Name, string Year, string Employer, string? PhotoUrl);

/// <summary>Spaces requests to the same host at least <c>interval</c> apart.</summary>
public sealed class HostPacingHandler : DelegatingHandler
{
    private readonly TimeSpan _interval;
    private readonly SemaphoreSlim _lock = new SemaphoreSlim(1, 1);
    private DateTime _last = DateTime.MinValue;

    public HostPacingHandler(TimeSpan interval, HttpMessageHandler inner)
        : base(inner) => _interval = interval;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            var wait = _last + _interval - DateTime.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            _last = DateTime.UtcNow;
        }
        finally
        {
            _lock.Release();
        }

        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Copies a university's public alumni directory, profile by profile.</summary>
public sealed class AlumniDirectoryCrawler
{
    private readonly HttpClient _http;

    public AlumniDirectoryCrawler(string baseUrl)
    {
        _http = new HttpClient(new HostPacingHandler(TimeSpan.FromSeconds(2), new HttpClientHandler()))
        {
            BaseAddress = new Uri(baseUrl),
        };
    }

    public async Task<List<string>> ListSlugsAsync(char letter)
    {
        var slugs = new List<string>();
        for (var page = 1; ; page++)
        {
            var html = await _http.GetStringAsync($"/people?letter={letter}&page={page}"); // expect: SL2001
            var doc = new HtmlDocument();
            doc.LoadHtml(html);
            var rows = doc.DocumentNode.SelectNodes("//tr[@data-slug]");
            if (rows == null)
            {
                break;
            }

            slugs.AddRange(rows.Select(r => r.GetAttributeValue("data-slug", "")));
        }

        return slugs;
    }

    public async Task<List<Alumnus>> ProfilesAsync(IEnumerable<string> slugs, string photoDir)
    {
        var alumni = new List<Alumnus>();
        foreach (var slug in slugs)
        {
            var alumnus = await LoadProfileAsync(slug); // expect: SL1001, SL2001
            alumni.Add(alumnus);

            if (alumnus.PhotoUrl is { Length: > 0 } photoUrl)
            {
                var bytes = await _http.GetByteArrayAsync(photoUrl); // expect: SL1002, SL2001
                await File.WriteAllBytesAsync(Path.Combine(photoDir, slug + ".jpg"), bytes);
            }
        }

        return alumni;
    }

    private async Task<Alumnus> LoadProfileAsync(string slug)
    {
        var html = await _http.GetStringAsync($"/people/{slug}");
        var doc = new HtmlDocument();
        doc.LoadHtml(html);
        string Text(string xpath) => doc.DocumentNode.SelectSingleNode(xpath)?.InnerText.Trim() ?? "";

        return new Alumnus(
            slug,
            Text("//h1"),
            Text("//dd[@class='class-year']"),
            Text("//dd[@class='employer']"),
            doc.DocumentNode.SelectSingleNode("//img[@class='portrait']")?.GetAttributeValue("src", ""));
    }
}
