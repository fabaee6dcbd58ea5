using System;
using System.Diagnostics;
using System.Text;
using ScrapeLint.Compliance;

// A small throughput harness (not a test): dotnet run -c Release --project benchmarks/ScrapeLint.Compliance.Benchmarks
var large = RealisticRobots(groups: 40, rulesPerGroup: 120);
var huge = RealisticRobots(groups: 200, rulesPerGroup: 300);
Console.WriteLine($"realistic robots.txt: {large.Length / 1024.0:F0} KiB; huge: {huge.Length / 1024.0:F0} KiB");

Measure("Parse realistic", large.Length, () => RobotsTxt.Parse(large));
Measure("Parse huge (first 1 MiB is parsed)", 1024 * 1024, () => RobotsTxt.Parse(huge));

var robots = RobotsTxt.Parse(large);
var urls = SampleUrls(1000);
var allowed = 0;
Measure("IsAllowed (agent with own group)", 0, () =>
{
    foreach (var url in urls)
    {
        allowed += robots.IsAllowed("Bot7/2.0 (+https://bot7.example)", url) ? 1 : 0;
    }
}, operationsPerRun: urls.Length);
Measure("IsAllowed (falls back to *)", 0, () =>
{
    foreach (var url in urls)
    {
        allowed += robots.IsAllowed("UnknownBot", url) ? 1 : 0;
    }
}, operationsPerRun: urls.Length);

var hostile = RobotsTxt.Parse("User-agent: *\nDisallow: /*a*a*a*a*a*a*a*a*a*a*a*b$\nDisallow: /*aaaaaaaaaaaaaaaaaaaaab\n");
var longPath = "/" + new string('a', 100_000);
Measure("Hostile pattern vs 100k-char path", 0, () => allowed += hostile.IsAllowed("Bot", longPath) ? 1 : 0);
Console.WriteLine($"(checksum {allowed})");

static void Measure(string name, int bytes, Action action, int operationsPerRun = 1)
{
    action(); // warm up
    var runs = 0;
    var watch = Stopwatch.StartNew();
    while (watch.ElapsedMilliseconds < 1000 || runs < 5)
    {
        action();
        runs++;
    }

    watch.Stop();
    var perRun = watch.Elapsed.TotalMilliseconds / runs;
    var perOp = perRun * 1000 / operationsPerRun;
    var throughput = bytes > 0 ? $", {bytes / 1024.0 / 1024.0 / (perRun / 1000):F0} MiB/s" : $", {operationsPerRun / (perRun / 1000):N0} ops/s";
    Console.WriteLine($"{name,-40} {perOp,10:F2} µs/op{throughput}");
}

// Shaped like the robots.txt of a large site: many named groups, path prefixes, wildcards, query rules,
// anchors, comments, crawl-delays and sitemaps. Generated, so the harness needs no network or data file.
static string RealisticRobots(int groups, int rulesPerGroup)
{
    var random = new Random(42);
    string[] sections = { "wiki", "w", "api", "search", "user", "account", "shop", "cart", "media", "static", "tags", "archive" };
    var text = new StringBuilder("# robots.txt for www.example.org\n# Questions: webmaster@example.org\n\n");
    for (var g = 0; g < groups; g++)
    {
        text.Append("User-agent: Bot").Append(g).Append('\n');
        if (g % 3 == 0)
        {
            text.Append("User-agent: Crawler").Append(g).Append("-Images\n");
        }

        if (g % 5 == 0)
        {
            text.Append("Crawl-delay: ").Append(1 + g % 10).Append('\n');
        }

        for (var r = 0; r < rulesPerGroup; r++)
        {
            var section = sections[random.Next(sections.Length)];
            var kind = random.Next(10) < 7 ? "Disallow" : "Allow";
            var pattern = random.Next(6) switch
            {
                0 => $"/{section}/",
                1 => $"/{section}/*?action=edit",
                2 => $"/{section}/{random.Next(1000)}/*.json$",
                3 => $"/*?{section}id=",
                4 => $"/{section}/Special:{random.Next(500)}",
                _ => $"/{section}/%E3%83%84{random.Next(100)}/",
            };
            text.Append(kind).Append(": ").Append(pattern).Append('\n');
        }

        text.Append('\n');
    }

    text.Append("User-agent: *\nDisallow: /api/\nDisallow: /*?action=\nAllow: /api/public/\nDisallow: /search$\n\n");
    text.Append("Sitemap: https://www.example.org/sitemap-index.xml\n");
    return text.ToString();
}

static string[] SampleUrls(int count)
{
    var random = new Random(7);
    string[] shapes =
    {
        "/wiki/Article_{0}", "/api/v1/items/{0}.json", "/search?q=term{0}", "/user/{0}/profile?tab=photos",
        "/shop/{0}/Special:{0}", "https://www.example.org/media/{0}/image.png", "/static/app.{0}.js", "/archive/2024/{0}/",
    };
    var urls = new string[count];
    for (var i = 0; i < count; i++)
    {
        urls[i] = string.Format(shapes[random.Next(shapes.Length)], random.Next(100_000));
    }

    return urls;
}
