using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;

// quick & dirty profile dumper
// usage: dotnet run -- usernames.txt out/
var input = args.Length > 0 ? args[0] : "usernames.txt";
var outDir = args.Length > 1 ? args[1] : "out";
Directory.CreateDirectory(outDir);

var http = new HttpClient();
http.DefaultRequestHeaders.Add("Accept-Language", "en-US,en;q=0.9");
http.DefaultRequestHeaders.Add("User-Agent", "InstaDump/0.3 (+https://github.com/example/instadump)");

// warm up cookies first
var landing = await http.GetStringAsync("https://www.instagram.com/"); // expect: SL4001
Console.WriteLine($"landing page: {landing.Length} chars");

var ogImage = new Regex("<meta property=\"og:image\" content=\"([^\"]+)\"", RegexOptions.Compiled);
var ogDescription = new Regex("<meta property=\"og:description\" content=\"([^\"]+)\"", RegexOptions.Compiled);
var rows = new List<string[]>();
var failed = 0;

foreach (var line in File.ReadLines(input))
{
    var user = line.Trim().TrimStart('@');
    if (user.Length == 0 || user.StartsWith("#"))
    {
        continue;
    }

    string html;
    try
    {
        html = await http.GetStringAsync($"https://www.instagram.com/{user}/"); // expect: SL1001, SL2001, SL2002, SL4001
    }
    catch (HttpRequestException ex)
    {
        Console.WriteLine($"{user}: {ex.StatusCode}");
        failed++;
        continue;
    }

    // "1,234 Followers, 56 Following, 78 Posts - See Instagram photos and videos from Jane (@jane)"
    var description = ogDescription.Match(html);
    var counts = description.Success ? WebUtility.HtmlDecode(description.Groups[1].Value).Split(" - ")[0] : "";
    rows.Add(new[] { user, counts.Replace(",", "") });

    var image = ogImage.Match(html);
    if (!image.Success)
    {
        continue;
    }

    var avatarUrl = WebUtility.HtmlDecode(image.Groups[1].Value);
    var bytes = await http.GetByteArrayAsync(avatarUrl); // expect: SL1002, SL2001, SL2002
    await File.WriteAllBytesAsync(Path.Combine(outDir, user + ".jpg"), bytes);
}

File.WriteAllLines(Path.Combine(outDir, "profiles.csv"), rows.Select(r => string.Join(';', r)));
Console.WriteLine($"done: {rows.Count} ok, {failed} failed");
