using System;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using HtmlAgilityPack;

// Prints the latest .NET 8 SDK version listed on the download page, for the build image's Dockerfile bump.
const string DownloadPage = "https://dotnet.microsoft.com/en-us/download/dotnet/8.0";

using var http = new HttpClient();
http.DefaultRequestHeaders.UserAgent.ParseAdd("contoso-build-tools/1.0 (+https://contoso.example/build)");

string html;
try
{
    html = await http.GetStringAsync(DownloadPage);
}
catch (HttpRequestException ex)
{
    Console.Error.WriteLine($"Could not read {DownloadPage}: {ex.Message}");
    return 2;
}

var document = new HtmlDocument();
document.LoadHtml(html);

var versions = document.DocumentNode
    .SelectNodes("//h3[starts-with(@id,'sdk-')]")
    ?.Select(node => Regex.Match(node.InnerText, @"\d+\.\d+\.\d+").Value)
    .Where(v => v.Length > 0)
    .Select(Version.Parse)
    .OrderByDescending(v => v)
    .ToList();

if (versions is null || versions.Count == 0)
{
    Console.Error.WriteLine("No SDK versions found on the page; the layout may have changed.");
    return 1;
}

Console.WriteLine(versions[0]);
return 0;
