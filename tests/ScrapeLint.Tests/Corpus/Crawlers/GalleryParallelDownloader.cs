using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PicGrab;

/// <summary>Downloads every picture of a photo gallery as fast as the machine allows.</summary>
public sealed class GalleryDownloader
{
    private readonly HttpClient _http;
    private readonly IBrowsingContext _context = BrowsingContext.New(Configuration.Default.WithDefaultLoader());

    public GalleryDownloader(HttpClient http) => _http = http;

    public async Task<List<string>> ListAlbumsAsync(string galleryRoot, int pages, CancellationToken ct)
    {
        var albums = new List<string>();
        for (var page = 1; page <= pages; page++)
        {
            var document = await _context.OpenAsync($"{galleryRoot}/albums?page={page}", ct); // expect: SL2001, SL2002
            albums.AddRange(document.QuerySelectorAll<IHtmlAnchorElement>("a.album-link").Select(a => a.Href));
        }

        return albums;
    }

    public async Task<int> DownloadAsync(string albumUrl, string targetDir, CancellationToken ct)
    {
        var document = await _context.OpenAsync(albumUrl, ct);
        var sources = document.QuerySelectorAll<IHtmlImageElement>("div.gallery img")
            .Select(img => img.Source)
            .OfType<string>()
            .Where(s => s.Length > 0)
            .Distinct()
            .ToList();

        Directory.CreateDirectory(targetDir);
        var saved = 0;
        await Parallel.ForEachAsync(sources, ct, async (source, token) => // expect: SL2003
        {
            var bytes = await _http.GetByteArrayAsync(source, token); // expect: SL1002, SL2001
            var name = Path.GetFileName(new Uri(source).LocalPath);
            await File.WriteAllBytesAsync(Path.Combine(targetDir, name), bytes, token);
            Interlocked.Increment(ref saved);
        });

        return saved;
    }

    /// <summary>Same as <see cref="DownloadAsync"/>, four downloads at a time.</summary>
    public async Task<int> DownloadBoundedAsync(IReadOnlyList<string> imageUrls, string targetDir, CancellationToken ct)
    {
        Directory.CreateDirectory(targetDir);
        var saved = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct };
        await Parallel.ForEachAsync(imageUrls, options, async (imageUrl, token) =>
        {
            using var response = await _http.GetAsync(imageUrl, token); // expect: SL1002, SL2001
            if (!response.IsSuccessStatusCode)
            {
                return;
            }

            var name = $"{Interlocked.Increment(ref saved):D5}.jpg";
            await File.WriteAllBytesAsync(Path.Combine(targetDir, name), await response.Content.ReadAsByteArrayAsync(token), token);
        });

        return saved;
    }
}
