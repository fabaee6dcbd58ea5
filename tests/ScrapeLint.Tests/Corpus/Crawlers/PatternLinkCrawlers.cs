// Link extraction by a Regex built from a pattern in a local, a Regex kept in a local from a [GeneratedRegex]
// method, and Regex.Matches with a pattern local: each makes the fetched page a crawled page.
using System.Collections.Generic;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace LinkTools;

public sealed class LocalPatternWalker
{
    private readonly HttpClient _http = new();

    public async Task WalkAsync(Queue<string> todo)
    {
        while (todo.Count > 0)
        {
            Collect(await _http.GetStringAsync(todo.Dequeue()), todo); // expect: SL2001, SL2002
        }
    }

    private static void Collect(string html, Queue<string> todo)
    {
        string pattern = "<a\\s+href=\"(?<u>[^\"]+)\"";
        var anchors = new Regex(pattern, RegexOptions.IgnoreCase);
        foreach (Match m in anchors.Matches(html))
        {
            todo.Enqueue(m.Groups["u"].Value);
        }
    }
}

public sealed partial class GeneratedPatternWalker
{
    private readonly HttpClient _http = new();

    public async Task VisitAsync(string url, int depth)
    {
        if (depth <= 0)
        {
            return;
        }

        foreach (var link in Links(await _http.GetStringAsync(url)))
        {
            await VisitAsync(link, depth - 1); // expect: SL2001, SL2002
        }
    }

    private static IEnumerable<string> Links(string html)
    {
        Regex href = HrefPattern();
        foreach (Match m in href.Matches(html))
        {
            yield return m.Groups[1].Value;
        }
    }

    [GeneratedRegex("href=\"(https?://[^\"]+)\"")]
    private static partial Regex HrefPattern();
}

// Stands in for the regex source generator's part, which the test compilation does not run.
public sealed partial class GeneratedPatternWalker
{
    private static partial Regex HrefPattern() => new("href=\"(https?://[^\"]+)\"");
}

public sealed class StaticMatchesWalker
{
    private readonly HttpClient _http = new();

    public async Task WalkAsync(IEnumerable<string> seeds)
    {
        var pending = new Stack<string>(seeds);
        while (pending.Count > 0)
        {
            var page = await _http.GetStringAsync(pending.Pop()); // expect: SL2001, SL2002
            var linkPattern = "src=\"([^\"]+)\"|href=\"([^\"]+)\"";
            foreach (Match m in Regex.Matches(page, linkPattern))
            {
                pending.Push(m.Groups[1].Value);
            }
        }
    }
}
