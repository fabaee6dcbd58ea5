using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Flurl;
using Flurl.Http;

// Downloads the pictures from the media tab of each account in handles.txt
var handles = File.ReadAllLines(args.Length > 0 ? args[0] : "handles.txt")
    .Select(h => h.Trim().TrimStart('@'))
    .Where(h => h.Length > 0)
    .ToList();

var mediaRegex = new Regex("https://pbs\\.twimg\\.com/media/([A-Za-z0-9_-]+)\\.jpg", RegexOptions.Compiled);
var rnd = new Random();
var total = 0;

foreach (var handle in handles)
{
    string html;
    try
    {
        html = await "https://twitter.com".AppendPathSegment(handle).AppendPathSegment("media").GetStringAsync(); // expect: SL1001, SL2001, SL4001
    }
    catch (FlurlHttpException ex)
    {
        Console.WriteLine($"{handle}: {ex.StatusCode}");
        continue;
    }

    var folder = Path.Combine("media", handle);
    Directory.CreateDirectory(folder);
    foreach (Match m in mediaRegex.Matches(html))
    {
        var mediaId = m.Groups[1].Value;
        await $"https://pbs.twimg.com/media/{mediaId}.jpg".DownloadFileAsync(folder, $"{mediaId}.jpg"); // expect: SL1002, SL2001, SL2002
        total++;
    }

    // be nice
    await Task.Delay(rnd.Next(2000, 5000));
}

Console.WriteLine($"{total} pictures from {handles.Count} accounts");

// index.html to browse the dump offline
using var index = new StreamWriter(Path.Combine("media", "index.html"));
await index.WriteLineAsync("<html><body>");
foreach (var handle in handles)
{
    var folder = Path.Combine("media", handle);
    if (!Directory.Exists(folder))
    {
        continue;
    }

    await index.WriteLineAsync($"<h2><a href=\"https://twitter.com/{handle}\">@{handle}</a></h2>");
    foreach (var file in Directory.EnumerateFiles(folder, "*.jpg"))
    {
        await index.WriteLineAsync($"<img src=\"{handle}/{Path.GetFileName(file)}\" width=\"200\">");
    }
}

await index.WriteLineAsync("</body></html>");
