using System;
using System.Collections.Generic;
using System.Text;

namespace ScrapeLint.Benchmarks;

/// <summary>
/// Writes deterministic C# projects for the benchmarks: ordinary business code (entities, rules, services,
/// reports) with, in the mixed corpus, crawler classes among them (profile loops, image downloads, link
/// frontiers, API pagination, polite crawlers, fan-outs, helper chains). Fixed seeds: the same text every run.
/// </summary>
internal static class CorpusGenerator
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.IO;
        using System.Linq;
        using System.Text;
        using System.Text.RegularExpressions;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    private static readonly string[] Areas = { "Billing", "Orders", "Inventory", "Shipping", "Payroll", "Catalog", "Support", "Identity", "Reporting", "Scheduling" };
    private static readonly string[] Nouns = { "Invoice", "Order", "Parcel", "Employee", "Product", "Ticket", "Account", "Shift", "Supplier", "Coupon" };

    /// <summary>About <paramref name="targetLines"/> lines in files of 200–400 lines; one file in <paramref name="crawlerEvery"/> is a crawler (0: none, no HTTP at all).</summary>
    public static List<(string Path, string Text)> Project(int targetLines, int crawlerEvery, int seed)
    {
        var random = new Random(seed);
        var files = new List<(string, string)>();
        var lines = 0;
        for (var i = 0; lines < targetLines; i++)
        {
            var crawler = crawlerEvery > 0 && i % crawlerEvery == crawlerEvery - 1;
            var text = crawler ? CrawlerFile(i, random) : BusinessFile(i, random);
            files.Add(($"Generated/{(crawler ? "Crawl" : Areas[i % Areas.Length])}/File{i:D4}.cs", text));
            lines += CountLines(text);
        }

        return files;
    }

    public static int CountLines(string text)
    {
        var count = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                count++;
            }
        }

        return count;
    }

    private static string BusinessFile(int index, Random random)
    {
        var noun = Nouns[random.Next(Nouns.Length)];
        var type = $"{noun}{index}";
        var b = new StringBuilder(Usings);
        b.Append($$"""

            namespace Contoso.{{Areas[index % Areas.Length]}}.Module{{index}}
            {
                public sealed class {{type}}
                {
                    public int Id { get; set; }
                    public string Name { get; set; } = string.Empty;
                    public string Owner { get; set; } = string.Empty;
                    public decimal Amount { get; set; }
                    public int Quantity { get; set; }
                    public DateTime Created { get; set; }
                    public DateTime? Closed { get; set; }
                    public List<string> Tags { get; } = new List<string>();

                    public bool IsOpen => Closed is null;

                    public override string ToString() => $"{{type}} #{Id} {Name} ({Amount.ToString("0.00", CultureInfo.InvariantCulture)})";
                }

                public interface I{{type}}Store
                {
                    {{type}}? Find(int id);

                    IEnumerable<{{type}}> All();

                    void Save({{type}} item);
                }

                public sealed class InMemory{{type}}Store : I{{type}}Store
                {
                    private readonly Dictionary<int, {{type}}> _items = new Dictionary<int, {{type}}>();
                    private readonly object _gate = new object();

                    public {{type}}? Find(int id)
                    {
                        lock (_gate)
                        {
                            return _items.TryGetValue(id, out var item) ? item : null;
                        }
                    }

                    public IEnumerable<{{type}}> All()
                    {
                        lock (_gate)
                        {
                            return _items.Values.ToList();
                        }
                    }

                    public void Save({{type}} item)
                    {
                        if (item is null)
                        {
                            throw new ArgumentNullException(nameof(item));
                        }

                        lock (_gate)
                        {
                            _items[item.Id] = item;
                        }
                    }
                }

                public sealed class {{type}}Service
                {
                    private readonly I{{type}}Store _store;
                    private readonly Func<DateTime> _clock;

                    public {{type}}Service(I{{type}}Store store, Func<DateTime> clock)
                    {
                        _store = store;
                        _clock = clock;
                    }

            """);
        var methods = 6 + random.Next(8);
        for (var m = 0; m < methods; m++)
        {
            b.Append(BusinessMethod(type, m, random));
        }

        b.Append("""
                }
            }

            """);
        return b.ToString();
    }

    private static string BusinessMethod(string type, int m, Random random)
    {
        var limit = 10 + random.Next(90);
        switch (random.Next(7))
        {
            case 0:
                return $$"""
                            public IReadOnlyList<string> Validate{{m}}({{type}} item)
                            {
                                var errors = new List<string>();
                                if (string.IsNullOrWhiteSpace(item.Name))
                                {
                                    errors.Add("name is required");
                                }

                                if (item.Amount < 0 || item.Amount > {{limit * 1000}}m)
                                {
                                    errors.Add($"amount {item.Amount} is out of range");
                                }

                                if (item.Quantity > {{limit}})
                                {
                                    errors.Add("quantity above " + {{limit}} + " needs approval by " + item.Owner);
                                }

                                foreach (var tag in item.Tags)
                                {
                                    if (tag.Length > 32 || tag.Any(char.IsWhiteSpace))
                                    {
                                        errors.Add("bad tag: " + tag);
                                    }
                                }

                                return errors;
                            }


                    """;
            case 1:
                return $$"""
                            public decimal Discount{{m}}({{type}} item, string tier)
                            {
                                decimal rate;
                                switch (tier)
                                {
                                    case "gold":
                                        rate = 0.{{10 + limit % 10}}m;
                                        break;
                                    case "silver":
                                        rate = 0.05m;
                                        break;
                                    default:
                                        rate = item.Quantity > {{limit}} ? 0.02m : 0m;
                                        break;
                                }

                                var total = item.Amount * item.Quantity;
                                return Math.Round(total * rate, 2, MidpointRounding.AwayFromZero);
                            }


                    """;
            case 2:
                return $$"""
                            public IEnumerable<{{type}}> Recent{{m}}(int days)
                            {
                                var since = _clock().AddDays(-days);
                                return _store.All()
                                    .Where(i => i.Created >= since && i.IsOpen)
                                    .OrderByDescending(i => i.Created)
                                    .ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase)
                                    .Take({{limit}});
                            }


                    """;
            case 3:
                return $$"""
                            public string Report{{m}}(IEnumerable<int> ids)
                            {
                                var text = new StringBuilder();
                                text.AppendLine("Id;Name;Owner;Amount");
                                var sum = 0m;
                                foreach (var id in ids)
                                {
                                    var item = _store.Find(id);
                                    if (item is null)
                                    {
                                        continue;
                                    }

                                    sum += item.Amount;
                                    text.Append(item.Id).Append(';').Append(item.Name).Append(';').Append(item.Owner).Append(';')
                                        .AppendLine(item.Amount.ToString(CultureInfo.InvariantCulture));
                                }

                                text.AppendLine("total;;;" + sum.ToString(CultureInfo.InvariantCulture));
                                return text.ToString();
                            }


                    """;
            case 4:
                return $$"""
                            public async Task<int> Close{{m}}Async(IEnumerable<int> ids, CancellationToken cancellationToken)
                            {
                                var closed = 0;
                                foreach (var id in ids)
                                {
                                    cancellationToken.ThrowIfCancellationRequested();
                                    var item = _store.Find(id);
                                    if (item is { IsOpen: true })
                                    {
                                        item.Closed = _clock();
                                        _store.Save(item);
                                        closed++;
                                    }

                                    if (closed % {{limit}} == 0)
                                    {
                                        await Task.Yield();
                                    }
                                }

                                return closed;
                            }


                    """;
            case 5:
                return $$"""
                            public Dictionary<string, decimal> TotalsByOwner{{m}}()
                            {
                                var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
                                for (var i = 0; i < {{limit}}; i++)
                                {
                                    var item = _store.Find(i);
                                    if (item == null)
                                    {
                                        continue;
                                    }

                                    totals.TryGetValue(item.Owner, out var current);
                                    totals[item.Owner] = current + item.Amount;
                                }

                                return totals;
                            }


                    """;
            default:
                return $$"""
                            public {{type}} Import{{m}}(string line)
                            {
                                var parts = line.Split(';');
                                if (parts.Length < 4)
                                {
                                    throw new FormatException($"expected 4 fields in '{line}'");
                                }

                                var item = new {{type}}
                                {
                                    Id = int.Parse(parts[0], CultureInfo.InvariantCulture),
                                    Name = parts[1].Trim(),
                                    Owner = parts[2].Trim().ToLowerInvariant(),
                                    Amount = decimal.Parse(parts[3], CultureInfo.InvariantCulture),
                                    Created = _clock(),
                                };
                                item.Tags.AddRange(parts.Skip(4).Where(p => p.Length > 0));
                                _store.Save(item);
                                return item;
                            }


                    """;
        }
    }

    private static string CrawlerFile(int index, Random random)
    {
        var b = new StringBuilder(Usings);
        b.Append("using System.Net.Http;\n");
        b.Append($$"""

            namespace Contoso.Crawling.Job{{index}}
            {
                public sealed class Harvester{{index}}
                {
                    private static readonly Regex Links = new Regex("href=\"(?<url>https?://[^\"]+)\"", RegexOptions.Compiled);
                    private readonly HttpClient _http;
                    private readonly string _outputDirectory;

                    public Harvester{{index}}(HttpClient http, string outputDirectory)
                    {
                        _http = http;
                        _outputDirectory = outputDirectory;
                    }

            """);
        var methods = 3 + random.Next(4);
        for (var m = 0; m < methods; m++)
        {
            b.Append(CrawlerMethod(m, random));
        }

        // Crawler projects carry ordinary code too.
        b.Append($$"""
                }

                public sealed class CrawlStatistics{{index}}
                {
                    private readonly Dictionary<string, int> _byHost = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

                    public void Count(string url)
                    {
                        var host = new Uri(url).Host;
                        _byHost.TryGetValue(host, out var count);
                        _byHost[host] = count + 1;
                    }

                    public string Describe() => string.Join(", ", _byHost.OrderByDescending(p => p.Value).Select(p => p.Key + "=" + p.Value));
                }
            }

            """);
        return b.ToString();
    }

    private static string CrawlerMethod(int m, Random random)
    {
        var delay = 250 * (1 + random.Next(8));
        switch (random.Next(8))
        {
            case 0:
                return $$"""
                            public async Task<Dictionary<string, string>> Profiles{{m}}Async(IEnumerable<string> handles, CancellationToken ct)
                            {
                                var pages = new Dictionary<string, string>();
                                foreach (var handle in handles)
                                {
                                    var url = $"https://www.linkedin.com/in/{handle}";
                                    pages[handle] = await _http.GetStringAsync(url, ct);
                                }

                                return pages;
                            }


                    """;
            case 1:
                return $$"""
                            public async Task Avatars{{m}}Async(IReadOnlyList<string> users, CancellationToken ct)
                            {
                                for (var i = 0; i < users.Count; i++)
                                {
                                    var bytes = await _http.GetByteArrayAsync("https://cdn.example-social.com/avatars/" + users[i] + ".jpg", ct);
                                    await File.WriteAllBytesAsync(Path.Combine(_outputDirectory, users[i] + ".jpg"), bytes, ct);
                                    await Task.Delay({{delay}}, ct);
                                }
                            }


                    """;
            case 2:
                return $$"""
                            public async Task<List<string>> Frontier{{m}}Async(string start, int limit, CancellationToken ct)
                            {
                                var queue = new Queue<string>();
                                var seen = new HashSet<string>();
                                queue.Enqueue(start);
                                while (queue.Count > 0 && seen.Count < limit)
                                {
                                    var url = queue.Dequeue();
                                    if (!seen.Add(url))
                                    {
                                        continue;
                                    }

                                    var html = await Fetch{{m}}Async(url, ct);
                                    foreach (Match match in Links.Matches(html))
                                    {
                                        queue.Enqueue(match.Groups["url"].Value);
                                    }
                                }

                                return seen.ToList();
                            }

                            private async Task<string> Fetch{{m}}Async(string url, CancellationToken ct)
                            {
                                using var response = await _http.GetAsync(url, ct);
                                response.EnsureSuccessStatusCode();
                                return await response.Content.ReadAsStringAsync(ct);
                            }


                    """;
            case 3:
                return $$"""
                            public async Task<int> Repositories{{m}}Async(string organisation, CancellationToken ct)
                            {
                                var total = 0;
                                for (var page = 1; page <= 20; page++)
                                {
                                    var json = await _http.GetStringAsync($"https://api.github.com/orgs/{organisation}/repos?page={page}", ct);
                                    if (json.Length <= 2)
                                    {
                                        break;
                                    }

                                    total += json.Split("\"full_name\"").Length - 1;
                                }

                                return total;
                            }


                    """;
            case 4:
                return $$"""
                            public async Task<string[]> Listings{{m}}Async(IEnumerable<int> ids, CancellationToken ct)
                            {
                                var tasks = ids.Select(id => _http.GetStringAsync("https://listings.example.com/item/" + id, ct));
                                return await Task.WhenAll(tasks);
                            }


                    """;
            case 5:
                return $$"""
                            public async Task Archive{{m}}Async(IEnumerable<string> paths, CancellationToken ct)
                            {
                                if (!await AllowedByRobots{{m}}Async(ct))
                                {
                                    return;
                                }

                                foreach (var path in paths)
                                {
                                    var html = await Page{{m}}Async("https://news.example.org" + path, ct);
                                    await File.WriteAllTextAsync(Path.Combine(_outputDirectory, path.Trim('/').Replace('/', '_') + ".html"), html, ct);
                                    await Task.Delay({{delay}}, ct);
                                }
                            }

                            private async Task<bool> AllowedByRobots{{m}}Async(CancellationToken ct)
                            {
                                var robots = await _http.GetStringAsync("https://news.example.org/robots.txt", ct);
                                return !robots.Contains("Disallow: /\n");
                            }

                            private Task<string> Page{{m}}Async(string url, CancellationToken ct) => Get{{m}}Async(url, ct);

                            private Task<string> Get{{m}}Async(string url, CancellationToken ct) => _http.GetStringAsync(url, ct);


                    """;
            case 6:
                return $$"""
                            public async Task<bool> Healthy{{m}}Async(CancellationToken ct)
                            {
                                for (var attempt = 0; attempt < 5; attempt++)
                                {
                                    using var response = await _http.GetAsync("http://localhost:8080/health", ct);
                                    if (response.IsSuccessStatusCode)
                                    {
                                        return true;
                                    }

                                    await Task.Delay({{delay}}, ct);
                                }

                                return false;
                            }


                    """;
            default:
                return $$"""
                            public async Task<List<string>> Members{{m}}Async(string group, int pages, CancellationToken ct)
                            {
                                var members = new List<string>();
                                for (var page = 0; page < pages; page++)
                                {
                                    var html = await _http.GetStringAsync($"https://www.facebook.com/groups/{group}/members?page={page}", ct);
                                    foreach (Match match in Links.Matches(html))
                                    {
                                        var profile = match.Groups["url"].Value;
                                        if (profile.Contains("/profile.php?id="))
                                        {
                                            members.Add(profile);
                                        }
                                    }
                                }

                                return members;
                            }


                    """;
        }
    }

    /// <summary>
    /// Business code whose members are named like sinks, as real libraries are (issue 14): caches with <c>Get</c> and
    /// <c>Load</c>, jobs with <c>Execute</c>, buses with <c>Send</c>, stores with <c>Open</c>/<c>OpenAsync</c>, settings with a
    /// <c>Url</c>, and callers of those calling each other (<c>Add</c>, <c>Write</c>, <c>Append</c>, <c>ToString</c>...), in a
    /// project that references HtmlAgilityPack, RestSharp, AngleSharp and Selenium (<see cref="LibraryStubs"/>). One file in four
    /// imports the libraries (it parses HTML it already has, builds a request it never sends). No request anywhere.
    /// </summary>
    public static List<(string Path, string Text)> Collisions(int targetLines, int seed)
    {
        var random = new Random(seed);
        var files = new List<(string, string)>();
        var lines = 0;
        for (var i = 0; lines < targetLines; i++)
        {
            var text = i % 2 == 0 ? BusinessFile(i, random) : CollisionFile(i, random);
            files.Add(($"Generated/{Areas[i % Areas.Length]}/File{i:D4}.cs", text));
            lines += CountLines(text);
        }

        return files;
    }

    private static string CollisionFile(int index, Random random)
    {
        var noun = Nouns[random.Next(Nouns.Length)];
        var type = $"{noun}Record{index}";
        var imports = index % 4 == 1;
        var b = new StringBuilder(Usings);
        if (imports)
        {
            b.Append("using HtmlAgilityPack;\nusing RestSharp;\nusing AngleSharp;\nusing OpenQA.Selenium;\n");
        }

        b.Append($$"""

            namespace Contoso.{{Areas[index % Areas.Length]}}.Shared{{index}}
            {
                public sealed class {{type}}
                {
                    public string Key { get; set; } = string.Empty;
                    public string Url { get; set; } = string.Empty;
                    public string Body { get; set; } = string.Empty;
                    public int Version { get; set; }
                }

                public sealed class {{type}}Cache
                {
                    private readonly Dictionary<string, {{type}}> _items = new Dictionary<string, {{type}}>(StringComparer.Ordinal);

                    public string Url { get; set; } = "https://cache.contoso.internal/{{index}}";

                    public {{type}}? Get(string key) => _items.TryGetValue(key, out var item) ? item : null;

                    public Task<{{type}}?> GetAsync(string key) => Task.FromResult(Get(key));

                    public void Load(IEnumerable<{{type}}> items)
                    {
                        foreach (var item in items)
                        {
                            _items[item.Key] = item;
                        }
                    }

                    public Stream Open(string key) => new MemoryStream(Encoding.UTF8.GetBytes(Get(key)?.Body ?? string.Empty));

                    public async Task<string> OpenAsync(string key)
                    {
                        using var reader = new StreamReader(Open(key));
                        return await reader.ReadToEndAsync();
                    }

                    public void Add({{type}} item) => Load(new[] { item });

                    public override string ToString() => $"{Url} ({_items.Count})";
                }

                public sealed class {{type}}Job
                {
                    private readonly {{type}}Cache _cache;

                    public {{type}}Job({{type}}Cache cache) => _cache = cache;

                    public int Execute(string key)
                    {
                        var item = _cache.Get(key);
                        return item is null ? 0 : item.Version;
                    }

                    public Task<int> ExecuteAsync(string key) => Task.FromResult(Execute(key));

                    public void Send(string channel, string key)
                    {
                        var settings = new {{type}} { Key = key };
                        settings.Url = "https://bus.contoso.internal/" + channel + "/" + key;
                        _cache.Add(settings);
                    }

                    public Task SendAsync(string channel, string key)
                    {
                        Send(channel, key);
                        return Task.CompletedTask;
                    }

                    public Task<string> PostAsync(string key) => _cache.OpenAsync(key);

                    public void Write(TextWriter writer, IEnumerable<string> keys)
                    {
                        foreach (var key in keys)
                        {
                            writer.WriteLine(Execute(key));
                            Send("audit", key);
                            _cache.Url = "https://cache.contoso.internal/" + key;
                        }
                    }

                    public string Append(StringBuilder builder, string key) => builder.Append(_cache.Get(key)?.Body).Append(_cache.ToString()).ToString();
                }

            """);
        if (imports)
        {
            b.Append($$"""
                    public sealed class {{type}}Markup
                    {
                        private readonly {{type}}Cache _cache;

                        public {{type}}Markup({{type}}Cache cache) => _cache = cache;

                        public string Text(string key)
                        {
                            var document = new HtmlDocument();
                            document.LoadHtml(_cache.Get(key)?.Body ?? "<p></p>");
                            return document.DocumentNode.InnerText;
                        }

                        public RestRequest Describe(string key) => new RestRequest("/records/" + key);

                        public async Task<int> Refresh(IEnumerable<string> keys)
                        {
                            var total = 0;
                            foreach (var key in keys)
                            {
                                var body = await _cache.OpenAsync(key);
                                total += await new {{type}}Job(_cache).ExecuteAsync(key) + body.Length;
                                _cache.Load(new[] { new {{type}} { Key = key, Body = Text(key) } });
                            }

                            return total;
                        }
                    }

                """);
        }

        b.Append("}\n");
        return b.ToString();
    }

    /// <summary>The scraping libraries' surface the collision corpus references (assemblies named as the packages).</summary>
    public static readonly (string Assembly, string Source)[] LibraryStubs =
    {
        ("HtmlAgilityPack", """
            namespace HtmlAgilityPack
            {
                public class HtmlNode { public string InnerText => string.Empty; }
                public class HtmlDocument { public HtmlNode DocumentNode { get; } = new HtmlNode(); public void LoadHtml(string html) { } }
                public class HtmlWeb { public HtmlDocument Load(string url) => new HtmlDocument(); public System.Threading.Tasks.Task<HtmlDocument> LoadFromWebAsync(string url) => System.Threading.Tasks.Task.FromResult(new HtmlDocument()); }
            }
            """),
        ("RestSharp", """
            namespace RestSharp
            {
                public class RestRequest { public RestRequest(string resource) { } }
                public class RestResponse { public string Content { get; set; } = string.Empty; }
                public class RestClient
                {
                    public RestResponse Execute(RestRequest request) => new RestResponse();
                    public System.Threading.Tasks.Task<RestResponse> ExecuteAsync(RestRequest request) => System.Threading.Tasks.Task.FromResult(new RestResponse());
                    public RestResponse Get(RestRequest request) => new RestResponse();
                    public System.Threading.Tasks.Task<RestResponse> GetAsync(RestRequest request) => System.Threading.Tasks.Task.FromResult(new RestResponse());
                }
            }
            """),
        ("AngleSharp", """
            namespace AngleSharp
            {
                public interface IBrowsingContext { }
                public static class BrowsingContextExtensions { public static System.Threading.Tasks.Task<object> OpenAsync(this IBrowsingContext context, string address) => System.Threading.Tasks.Task.FromResult(new object()); }
            }
            """),
        ("WebDriver", """
            namespace OpenQA.Selenium
            {
                public interface INavigation { void GoToUrl(string url); }
                public interface IWebDriver { string Url { get; set; } INavigation Navigate(); }
            }
            """),
    };

    /// <summary>
    /// One file built to hurt: deep nesting, a huge method, a URL of thousands of concatenated parts, a long
    /// chain of wrapper methods, mutual recursion. Every part grows linearly with <paramref name="scale"/>.
    /// </summary>
    public static string Pathological(int scale)
    {
        var b = new StringBuilder(Usings);
        b.Append("using System.Net.Http;\n\nnamespace Contoso.Pathological\n{\n    public sealed class Monster\n    {\n");
        b.Append("        private readonly HttpClient _http = new HttpClient();\n\n");

        // A chain of wrappers: Hop0 calls Hop1 ... the last one requests.
        var hops = 100 * scale;
        for (var i = 0; i < hops; i++)
        {
            var next = i + 1 < hops ? $"Hop{i + 1}(url + \"/{i}\", depth + 1)" : "_http.GetStringAsync(url)";
            b.Append($"        private Task<string> Hop{i}(string url, int depth) => {next};\n");
        }

        // Huge methods of locals feeding URLs, each requesting in a loop.
        for (var method = 0; method < 4 * scale; method++)
        {
            b.Append($"\n        public async Task Huge{method}(IEnumerable<string> handles)\n        {{\n");
            b.Append("            var u0 = \"https://www.example.com/people/\";\n");
            for (var i = 1; i < 250; i++)
            {
                b.Append(i % 7 == 0
                    ? $"            var u{i} = handles is null ? u{i - 1} : u{i - 1} + \"{i}/\";\n"
                    : $"            var u{i} = u{i - 1} + \"{i % 10}\";\n");
            }

            b.Append("            foreach (var handle in handles)\n            {\n");
            b.Append("                await _http.GetStringAsync(u249 + handle);\n");
            b.Append("                await Hop0(u125 + handle, 0);\n            }\n        }\n");
        }

        // Thousands of concatenations in one expression and in a += loop.
        b.Append("\n        public async Task Concatenated(IEnumerable<string> handles)\n        {\n            foreach (var handle in handles)\n            {\n                var url = \"https://www.example.com/users/\" + handle");
        for (var i = 0; i < 1000 * scale; i++)
        {
            b.Append(i % 10 == 9 ? $"\n                    + \"/p{i}\"" : $" + \"{i % 10}\"");
        }

        b.Append(";\n                await _http.GetStringAsync(url);\n            }\n        }\n");
        b.Append("\n        public async Task Appended(IEnumerable<string> handles)\n        {\n            var url = \"https://www.example.com/u/\";\n");
        for (var i = 0; i < 500 * scale; i++)
        {
            b.Append($"            url += \"{i}\";\n");
        }

        b.Append("            foreach (var handle in handles)\n            {\n                url += handle;\n                await _http.GetStringAsync(url);\n            }\n        }\n");

        // Deep nesting around a request.
        for (var method = 0; method < scale; method++)
        {
            b.Append($"\n        public async Task Nested{method}(IReadOnlyList<string> handles, int n)\n        {{\n");
            var depth = 60;
            var indent = "            ";
            for (var d = 0; d < depth; d++)
            {
                b.Append(indent).Append(d % 3 == 0 ? $"for (var i{d} = 0; i{d} < n; i{d}++)\n" : d % 3 == 1 ? $"if (n > {d})\n" : "foreach (var handle in handles)\n").Append(indent).Append("{\n");
                indent += "    ";
            }

            b.Append(indent).Append("await _http.GetStringAsync(\"https://www.linkedin.com/in/\" + handles[n]);\n");
            for (var d = depth - 1; d >= 0; d--)
            {
                indent = indent.Substring(4);
                b.Append(indent).Append("}\n");
            }

            b.Append("        }\n");
        }

        // Mutual recursion that crawls.
        for (var i = 0; i < 20 * scale; i++)
        {
            var next = (i + 1) % (20 * scale);
            b.Append($"\n        public async Task Visit{i}(string url, int depth)\n        {{\n            if (depth > 3)\n            {{\n                return;\n            }}\n\n            var html = await _http.GetStringAsync(url);\n            foreach (var part in html.Split('\"'))\n            {{\n                await Visit{next}(part, depth + 1);\n            }}\n        }}\n");
        }

        b.Append("    }\n}\n");
        return b.ToString();
    }

    /// <summary>The shapes of workload (e) (issue 18), each one a file whose shape grows with the scale.</summary>
    public static readonly string[] HardShapeNames = { "multi-assigned locals", "string concatenation", "Flurl chain", "helper fan-in", "conditional DAG", "else-if ladder" };

    /// <summary>
    /// Flurl's URL builders, as the analyzers know them (by namespace): enough for a chain of path segments and query
    /// parameters ending in a string.
    /// </summary>
    public const string FlurlStub = """
        namespace Flurl
        {
            public sealed class Url
            {
                public Url(string baseUrl) { }
                public override string ToString() => string.Empty;
            }

            public static class GeneratedExtensions
            {
                public static Url AppendPathSegment(this string url, object segment) => new Url(url);
                public static Url AppendPathSegment(this Url url, object segment) => url;
                public static Url SetQueryParam(this string url, string name, object value) => new Url(url);
                public static Url SetQueryParam(this Url url, string name, object value) => url;
            }
        }

        """;

    /// <summary>
    /// One crawler file made of <paramref name="shape"/> (one of <see cref="HardShapeNames"/>) at <paramref name="scale"/>:
    /// twelve methods (enough work at 1x for a stable figure), each building the URL (or the User-Agent) of a request sent in a <c>foreach</c> over a list, so the
    /// analyzers evaluate the shape. The shape's own size (chain length, helpers, DAG depth, rungs) grows linearly with
    /// the scale; so does the file.
    /// </summary>
    public static string HardShape(string shape, int scale)
    {
        var b = new StringBuilder(Usings);
        b.Append("using System.Net.Http;\n");
        if (shape == "Flurl chain")
        {
            b.Append("using Flurl;\n");
        }

        b.Append($"\nnamespace Contoso.Hard\n{{\n    public sealed class HardCrawler\n    {{\n        private readonly HttpClient _http = new HttpClient();\n");
        const int methods = 12;
        for (var m = 0; m < methods; m++)
        {
            b.Append($"\n        public async Task Crawl{m}(IReadOnlyList<string> handles, int kind)\n        {{\n");
            switch (shape)
            {
                case "multi-assigned locals":
                {
                    // Each local assigned three times from the previous one: 2^n paths, n locals. The URL stays a profile
                    // page (the handle in the path, the chain in the query), so the finding depends on the whole chain.
                    var n = 8 * scale;
                    b.Append("            foreach (var handle in handles)\n            {\n");
                    b.Append("                var u0 = \"https://www.example.com/people/\" + handle + \"?v=1\";\n");
                    for (var i = 1; i < n; i++)
                    {
                        b.Append($"                var u{i} = u{i - 1} + \"&a{i}=1\";\n");
                        b.Append($"                if (kind > {i}) {{ u{i} = u{i - 1} + \"&b{i}=1\"; }} else {{ u{i} = u{i - 1} + \"&c{i}=1\"; }}\n");
                    }

                    b.Append($"                await _http.GetStringAsync(u{n - 1});\n            }}\n");
                    break;
                }

                case "string concatenation":
                {
                    var n = 60 * scale;
                    b.Append("            foreach (var handle in handles)\n            {\n                var url = \"https://www.example.com/users/\" + handle + \"?v=1\"");
                    for (var i = 0; i < n; i++)
                    {
                        b.Append(i % 6 == 5 ? $"\n                    + \"&p{i}=\"" : i % 6 == 2 ? " + kind" : $" + \"{i % 10}\"");
                    }

                    b.Append(";\n                await _http.GetStringAsync(url);\n            }\n");
                    break;
                }

                case "Flurl chain":
                {
                    var n = 16 * scale;
                    b.Append("            foreach (var handle in handles)\n            {\n                var url = \"https://www.example.com/people\".AppendPathSegment(handle)");
                    for (var i = 0; i < n; i++)
                    {
                        b.Append($"\n                    .SetQueryParam(\"q{i}\", kind)");
                    }

                    b.Append(";\n                await _http.GetStringAsync(url.ToString());\n            }\n");
                    break;
                }

                case "helper fan-in":
                {
                    // n callers of one helper here; n helpers of their own below (each parameter traced to a header set).
                    var n = 25 * scale;
                    for (var i = 0; i < n; i++)
                    {
                        b.Append(i % 2 == 0
                            ? $"            SetAgent(_http, \"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.{m}.{i} Safari/537.36\");\n"
                            : $"            Agent{m}_{i}(_http, \"Mozilla/5.0 (X11; Linux x86_64; rv:{i}.0) Gecko/20100101 Firefox/{i}.0\");\n");
                    }

                    b.Append("            foreach (var handle in handles)\n            {\n                await _http.GetStringAsync(\"https://www.example.com/people/\" + handle);\n            }\n");
                    break;
                }

                case "conditional DAG":
                {
                    // Each local chosen over the two before it: the paths double at every level.
                    var n = 6 * scale;
                    b.Append("            foreach (var handle in handles)\n            {\n");
                    b.Append("                var c0 = \"https://www.example.com/people/\" + handle + \"?v=0\";\n                var c1 = c0 + \"&w=1\";\n");
                    for (var i = 2; i < n + 2; i++)
                    {
                        b.Append($"                var c{i} = kind > {i} ? c{i - 1} + \"&x{i}=1\" : c{i - 2} + \"&y{i}=1\";\n");
                    }

                    b.Append($"                await _http.GetStringAsync(c{n + 1});\n            }}\n");
                    break;
                }

                default:
                {
                    var n = 25 * scale;
                    b.Append("            string url;\n");
                    for (var i = 0; i < n; i++)
                    {
                        b.Append(i == 0 ? "            " : "            else ").Append($"if (kind == {i})\n            {{\n                url = \"https://www.example{i}.com/people/\";\n            }}\n");
                    }

                    b.Append("            else\n            {\n                url = \"https://www.example.com/people/\";\n            }\n\n");
                    b.Append("            foreach (var handle in handles)\n            {\n                await _http.GetStringAsync(url + handle);\n            }\n");
                    break;
                }
            }

            b.Append("        }\n");
        }

        if (shape == "helper fan-in")
        {
            b.Append("\n        private static void SetAgent(HttpClient client, string agent) => client.DefaultRequestHeaders.Add(\"User-Agent\", agent);\n");
            for (var m = 0; m < methods; m++)
            {
                for (var i = 1; i < 25 * scale; i += 2)
                {
                    b.Append($"\n        private static void Agent{m}_{i}(HttpClient client, string agent)\n        {{\n            client.DefaultRequestHeaders.Add(\"User-Agent\", agent);\n        }}\n");
                }
            }
        }

        b.Append("    }\n}\n");
        return b.ToString();
    }
}
