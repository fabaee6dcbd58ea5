using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using HtmlAgilityPack;

// Exports the stargazers of a repository with whatever their profile pages show (name, company, e-mail).
var repo = args.Length > 0 ? args[0] : "dotnet/runtime";
using var http = new HttpClient();
http.DefaultRequestHeaders.UserAgent.ParseAdd("stargazer-export/1.0");

var users = new List<Stargazer>();
for (var page = 1; page <= 10; page++)
{
    var batch = await http.GetFromJsonAsync<List<Stargazer>>($"https://api.github.com/repos/{repo}/stargazers?per_page=100&page={page}");
    if (batch is null || batch.Count == 0)
    {
        break;
    }

    users.AddRange(batch);
}

// stay inside the REST API quota before the second pass
using (var quota = await http.GetAsync("https://api.github.com/rate_limit"))
{
    if (quota.Headers.TryGetValues("X-RateLimit-Remaining", out var remaining) && int.TryParse(remaining.FirstOrDefault(), out var left) && left < 10)
    {
        Console.Error.WriteLine("API quota almost used up; stopping after the stargazer list");
        return;
    }
}

if (users.Count == 0)
{
    Console.WriteLine($"no stargazers for {repo}");
    return;
}

Directory.CreateDirectory("avatars");
using var csv = new StreamWriter("stargazers.csv");
await csv.WriteLineAsync("login,name,company,email");
foreach (var user in users)
{
    var html = await http.GetStringAsync($"https://github.com/{user.Login}"); // expect: SL2001, SL2002
    var doc = new HtmlDocument();
    doc.LoadHtml(html);
    string Field(string xpath) => doc.DocumentNode.SelectSingleNode(xpath)?.InnerText.Trim().Replace(",", " ") ?? "";

    var name = Field("//span[@itemprop='name']");
    var company = Field("//li[@itemprop='worksFor']");
    var email = Field("//li[@itemprop='email']/a");
    await csv.WriteLineAsync($"{user.Login},{name},{company},{email}");

    var avatar = await http.GetByteArrayAsync(user.AvatarUrl); // expect: SL1002, SL2001, SL2002
    await File.WriteAllBytesAsync(Path.Combine("avatars", user.Login + ".png"), avatar);
}

Console.WriteLine($"{users.Count} stargazers exported");

internal sealed record Stargazer(
    [property: JsonPropertyName("login")] string Login,
    [property: JsonPropertyName("avatar_url")] string AvatarUrl);
