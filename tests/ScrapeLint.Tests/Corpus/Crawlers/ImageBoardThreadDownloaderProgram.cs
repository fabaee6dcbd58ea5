using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

// Saves every JPEG of an image-board thread, all at once.
var board = args.Length > 0 ? args[0] : "p";
var threadNo = args.Length > 1 ? long.Parse(args[1]) : 0L;

using var http = new HttpClient();
http.DefaultRequestHeaders.UserAgent.ParseAdd("thread-saver/0.2");

if (threadNo == 0)
{
    // no thread given: pick the busiest thread of the board's catalog (JSON API, one call per page of the catalog)
    var catalog = await http.GetFromJsonAsync<List<CatalogPage>>($"https://a.4cdn.org/{board}/catalog.json") ?? new List<CatalogPage>();
    var best = 0;
    foreach (var catalogPage in catalog)
    {
        foreach (var op in catalogPage.Threads)
        {
            var details = await http.GetFromJsonAsync<ThreadDto>($"https://a.4cdn.org/{board}/thread/{op.No}.json");
            var pictures = details?.Posts.Count(p => p.Tim.HasValue) ?? 0;
            if (pictures > best)
            {
                best = pictures;
                threadNo = op.No;
            }
        }
    }
}

var thread = await http.GetFromJsonAsync<ThreadDto>($"https://a.4cdn.org/{board}/thread/{threadNo}.json");
var posts = thread?.Posts.Where(p => p.Tim.HasValue && p.Ext == ".jpg").ToList() ?? new List<PostDto>();

var dir = Path.Combine("dump", board, threadNo.ToString());
Directory.CreateDirectory(dir);

var tasks = posts.Select(async post =>
{
    var bytes = await http.GetByteArrayAsync($"https://i.4cdn.org/{board}/{post.Tim}.jpg"); // expect: SL1002, SL2001
    await File.WriteAllBytesAsync(Path.Combine(dir, $"{post.Tim}.jpg"), bytes);
    return bytes.Length;
});

var sizes = await Task.WhenAll(tasks); // expect: SL2003
Console.WriteLine($"{sizes.Length} images, {sizes.Sum() / 1024} KiB");

internal sealed record CatalogPage(
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("threads")] List<PostDto> Threads);

internal sealed record ThreadDto([property: JsonPropertyName("posts")] List<PostDto> Posts);

internal sealed record PostDto(
    [property: JsonPropertyName("no")] long No,
    [property: JsonPropertyName("tim")] long? Tim,
    [property: JsonPropertyName("ext")] string? Ext);
