using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace ScrapeLint.Compliance;

/// <summary>
/// A parsed robots.txt file, matched as RFC 9309 specifies. Instances are immutable and safe to share
/// between threads.
/// </summary>
/// <remarks>
/// <para>Groups are selected by the crawler's product token, compared case-insensitively; all groups
/// naming it are merged, and the <c>*</c> groups (also merged) apply only when none does. Within the
/// selected rules the longest matching pattern decides and Allow wins a tie. <c>*</c> matches any
/// sequence of characters and a trailing <c>$</c> anchors the end of the path. Both patterns and URLs
/// are percent-normalised before comparison. <c>/robots.txt</c> itself is always allowed.</para>
/// <para>Parsing never fails: lines that cannot be understood are skipped, a byte order mark and any
/// of CR, LF and CRLF line endings are accepted, and content beyond 1 MiB is ignored.</para>
/// </remarks>
public sealed class RobotsTxt
{
    private const int MaxCachedAgents = 64;

    private static readonly IReadOnlyList<string> NoSitemaps = new ReadOnlyCollection<string>(Array.Empty<string>());

    private readonly List<RobotsGroup> _groups;
    private readonly bool _disallowAll;
    private readonly ConcurrentDictionary<string, RuleSet> _ruleSets = new(StringComparer.OrdinalIgnoreCase);

    private RobotsTxt(List<RobotsGroup> groups, IReadOnlyList<string> sitemaps, bool disallowAll)
    {
        _groups = groups;
        Sitemaps = sitemaps;
        _disallowAll = disallowAll;
    }

    /// <summary>A robots.txt that allows everything (what an unavailable file, such as a 404, means).</summary>
    internal static RobotsTxt AllowAll { get; } = new(new List<RobotsGroup>(), NoSitemaps, disallowAll: false);

    /// <summary>A robots.txt that disallows everything (what an unreachable file, such as a 5xx, means).</summary>
    internal static RobotsTxt DisallowAll { get; } = new(new List<RobotsGroup>(), NoSitemaps, disallowAll: true);

    /// <summary>The URLs of all <c>Sitemap</c> lines, in file order and without duplicates.</summary>
    public IReadOnlyList<string> Sitemaps { get; }

    /// <summary>
    /// Parses robots.txt content. Never throws: <see langword="null"/>, empty or unparseable content
    /// gives a file without rules, which allows everything.
    /// </summary>
    /// <param name="content">The text of the file (UTF-8 decoded). A leading byte order mark is ignored.</param>
    /// <returns>The parsed file.</returns>
    public static RobotsTxt Parse(string content)
    {
        var groups = new List<RobotsGroup>();
        var sitemaps = new List<string>();
        RobotsTxtParser.Parse(content, groups, sitemaps);
        var sitemapList = sitemaps.Count == 0 ? NoSitemaps : new ReadOnlyCollection<string>(sitemaps);
        return new RobotsTxt(groups, sitemapList, disallowAll: false);
    }

    /// <summary>Whether the crawler may fetch the URL.</summary>
    /// <param name="userAgent">
    /// The crawler's product token (<c>AcmeBot</c>) or its whole User-Agent header
    /// (<c>AcmeBot/1.0 (+https://acme.example/bot)</c>); only the leading product token is matched.
    /// </param>
    /// <param name="url">
    /// An absolute URL, or a path with an optional query (<c>/search?q=x</c>). Only path and query are
    /// matched; a fragment is ignored. Text that is not a URL is treated as the root path.
    /// </param>
    /// <returns><see langword="true"/> when no rule forbids the URL.</returns>
    public bool IsAllowed(string userAgent, string url)
    {
        var path = PercentEncoding.NormalizePath(UrlPath.Extract(url));
        if (IsRobotsTxtPath(path))
        {
            return true;
        }

        return !_disallowAll && GetRuleSet(userAgent).IsAllowed(path);
    }

    /// <summary>The <c>Crawl-delay</c> of the groups that apply to the crawler, if any.</summary>
    /// <param name="userAgent">Product token or whole User-Agent header, as for <see cref="IsAllowed"/>.</param>
    /// <returns>
    /// The delay in seconds as written (fractions allowed, values over a day read as a day); the largest
    /// one when several apply; <see langword="null"/> when none does.
    /// </returns>
    public TimeSpan? GetCrawlDelay(string userAgent) => GetRuleSet(userAgent).CrawlDelay;

    private static bool IsRobotsTxtPath(string path) =>
        path.StartsWith("/robots.txt", StringComparison.Ordinal) &&
        (path.Length == "/robots.txt".Length || path["/robots.txt".Length] == '?');

    private RuleSet GetRuleSet(string? userAgent)
    {
        if (_groups.Count == 0)
        {
            return RuleSet.Empty;
        }

        var token = ProductToken.Extract(userAgent);
        if (_ruleSets.TryGetValue(token, out var cached))
        {
            return cached;
        }

        var ruleSet = Resolve(token);
        if (_ruleSets.Count < MaxCachedAgents)
        {
            _ruleSets.TryAdd(token, ruleSet);
        }

        return ruleSet;
    }

    private RuleSet Resolve(string token)
    {
        var selected = new List<RobotsGroup>();
        if (token.Length > 0)
        {
            foreach (var group in _groups)
            {
                if (group.Names(token))
                {
                    selected.Add(group);
                }
            }
        }

        if (selected.Count == 0)
        {
            foreach (var group in _groups)
            {
                if (group.IsGlobal)
                {
                    selected.Add(group);
                }
            }
        }

        return selected.Count == 0 ? RuleSet.Empty : new RuleSet(selected);
    }
}
