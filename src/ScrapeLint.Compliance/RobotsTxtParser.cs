using System;
using System.Collections.Generic;
using System.Globalization;

namespace ScrapeLint.Compliance;

/// <summary>
/// Line parser for robots.txt (RFC 9309 section 2.2). Tolerant by design: a line it cannot use is
/// skipped, never an error.
/// </summary>
internal static class RobotsTxtParser
{
    /// <summary>Characters parsed at most; RFC 9309 asks for at least 500 KiB.</summary>
    public const int MaxContentLength = 1024 * 1024;

    private enum Directive
    {
        Unknown,
        UserAgent,
        Allow,
        Disallow,
        CrawlDelay,
        Sitemap,
    }

    public static void Parse(string? content, List<RobotsGroup> groups, List<string> sitemaps)
    {
        if (string.IsNullOrEmpty(content))
        {
            return;
        }

        var text = Truncate(content!);
        RobotsGroup? current = null;
        var collectingAgents = false;
        var seenSitemaps = new HashSet<string>(StringComparer.Ordinal);

        var position = 0;
        while (position < text.Length)
        {
            var lineEnd = text.IndexOfAny(LineBreaks, position);
            if (lineEnd < 0)
            {
                lineEnd = text.Length;
            }

            var line = text.Substring(position, lineEnd - position);
            position = lineEnd + 1;
            if (lineEnd < text.Length && text[lineEnd] == '\r' && position < text.Length && text[position] == '\n')
            {
                position++;
            }

            if (!TrySplit(line, out var key, out var value))
            {
                continue;
            }

            var directive = Classify(key);
            switch (directive)
            {
                case Directive.UserAgent:
                    // Consecutive User-agent lines (possibly separated by blank, unknown or Sitemap lines)
                    // open one group; a User-agent after a rule starts a new group.
                    if (current is null || !collectingAgents)
                    {
                        current = new RobotsGroup();
                        groups.Add(current);
                        collectingAgents = true;
                    }

                    AddAgent(current, value);
                    break;

                case Directive.Allow:
                case Directive.Disallow:
                    if (current is null)
                    {
                        break; // rules before any User-agent line belong to no group
                    }

                    collectingAgents = false;
                    if (value.Length > 0)
                    {
                        // An empty Allow/Disallow matches nothing; it still closes the list of agents.
                        var pattern = PathPattern.Compile(PercentEncoding.Normalize(value));
                        current.Rules.Add(new RobotsRule(directive == Directive.Allow, pattern));
                    }

                    break;

                case Directive.CrawlDelay:
                    if (current is null)
                    {
                        break;
                    }

                    // Like a rule, Crawl-delay is a member of the group and ends its list of agents.
                    collectingAgents = false;
                    if (TryParseDelay(value, out var delay) && (current.CrawlDelay is null || delay > current.CrawlDelay))
                    {
                        current.CrawlDelay = delay;
                    }

                    break;

                case Directive.Sitemap:
                    if (value.Length > 0 && seenSitemaps.Add(value))
                    {
                        sitemaps.Add(value);
                    }

                    break;
            }
        }
    }

    private static readonly char[] LineBreaks = { '\r', '\n' };

    // Cuts overlong content at the last line break inside the limit, so no half line is parsed.
    private static string Truncate(string content)
    {
        var start = content.Length > 0 && content[0] == '\uFEFF' ? 1 : 0;
        if (content.Length - start <= MaxContentLength)
        {
            return start == 0 ? content : content.Substring(start);
        }

        var cut = content.LastIndexOfAny(LineBreaks, start + MaxContentLength - 1, MaxContentLength);
        return cut < start ? string.Empty : content.Substring(start, cut - start);
    }

    // key: value, with '#' starting a comment. Like widespread parsers, "key value" without a colon is
    // accepted when the line holds exactly two whitespace-separated words.
    private static bool TrySplit(string line, out string key, out string value)
    {
        key = value = string.Empty;
        var hash = line.IndexOf('#');
        var content = (hash < 0 ? line : line.Substring(0, hash)).Trim();
        if (content.Length == 0)
        {
            return false;
        }

        var colon = content.IndexOf(':');
        if (colon >= 0)
        {
            key = content.Substring(0, colon).Trim();
            value = content.Substring(colon + 1).Trim();
            return key.Length > 0;
        }

        var space = IndexOfWhiteSpace(content, 0);
        if (space < 0)
        {
            return false;
        }

        key = content.Substring(0, space);
        value = content.Substring(space).Trim();
        return IndexOfWhiteSpace(value, 0) < 0;
    }

    private static int IndexOfWhiteSpace(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static Directive Classify(string key)
    {
        foreach (var (name, directive) in Directives)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return directive;
            }
        }

        return Directive.Unknown;
    }

    // Directive names, most frequent first, with misspellings common enough that major crawlers accept them.
    private static readonly (string Name, Directive Directive)[] Directives =
    {
        ("disallow", Directive.Disallow),
        ("allow", Directive.Allow),
        ("user-agent", Directive.UserAgent),
        ("sitemap", Directive.Sitemap),
        ("crawl-delay", Directive.CrawlDelay),
        ("useragent", Directive.UserAgent),
        ("user agent", Directive.UserAgent),
        ("dissallow", Directive.Disallow),
        ("dissalow", Directive.Disallow),
        ("disalow", Directive.Disallow),
        ("diasllow", Directive.Disallow),
        ("disallaw", Directive.Disallow),
        ("crawldelay", Directive.CrawlDelay),
        ("site-map", Directive.Sitemap),
    };

    private static void AddAgent(RobotsGroup group, string value)
    {
        // "*" (possibly followed by junk such as a version) is the fallback group.
        if (value.Length > 0 && value[0] == '*' && (value.Length == 1 || char.IsWhiteSpace(value[1])))
        {
            group.IsGlobal = true;
            return;
        }

        var token = ProductToken.Extract(value);
        if (token.Length > 0)
        {
            group.ProductTokens.Add(token);
        }
    }

    private static bool TryParseDelay(string value, out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (!double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) ||
            double.IsNaN(seconds) || double.IsInfinity(seconds) || seconds < 0)
        {
            return false;
        }

        // A crawl policy caps this anyway; keep absurd values representable.
        delay = seconds >= 86_400 ? TimeSpan.FromDays(1) : TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
        return true;
    }
}
