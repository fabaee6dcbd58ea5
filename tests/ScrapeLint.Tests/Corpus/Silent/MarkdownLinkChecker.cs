using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Docs.Tooling;

public sealed record LinkReport(string File, string Url, int? Status);

/// <summary>
/// Nightly docs job: finds the external links in our Markdown files and checks that each still answers
/// (HEAD, status only). At most four checks run at a time.
/// </summary>
public sealed class MarkdownLinkChecker
{
    private static readonly Regex MarkdownLink = new(@"\]\((?<url>https?://[^)\s]+)\)", RegexOptions.Compiled);
    private readonly HttpClient http;

    public MarkdownLinkChecker(HttpClient http) => this.http = http;

    public async Task<IReadOnlyList<LinkReport>> CheckAsync(string docsRoot, CancellationToken cancellationToken)
    {
        var links = new List<(string File, string Url)>();
        foreach (var file in Directory.EnumerateFiles(docsRoot, "*.md", SearchOption.AllDirectories))
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            foreach (Match match in MarkdownLink.Matches(text))
            {
                links.Add((Path.GetRelativePath(docsRoot, file), match.Groups["url"].Value));
            }
        }

        using var gate = new SemaphoreSlim(4);
        var checks = links.DistinctBy(l => l.Url).Select(async link =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Head, link.Url);
                using var response = await http.SendAsync(request, cancellationToken);
                return new LinkReport(link.File, link.Url, (int)response.StatusCode);
            }
            catch (HttpRequestException)
            {
                return new LinkReport(link.File, link.Url, null);
            }
            finally
            {
                gate.Release();
            }
        });

        var reports = await Task.WhenAll(checks);
        return reports.Where(r => r.Status is null or >= 400).ToList();
    }
}
