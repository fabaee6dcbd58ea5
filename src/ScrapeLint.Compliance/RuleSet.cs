using System;
using System.Collections.Generic;

namespace ScrapeLint.Compliance;

/// <summary>
/// The rules that apply to one crawler: every group naming its product token merged together, or
/// every <c>*</c> group merged when none names it. Rules are ordered so that the first match is the
/// decision: longest pattern first and, for equal lengths, Allow before Disallow.
/// </summary>
internal sealed class RuleSet
{
    public static readonly RuleSet Empty = new(new List<RobotsGroup>());

    private readonly RobotsRule[] _rules;

    public RuleSet(List<RobotsGroup> groups)
    {
        var rules = new List<RobotsRule>();
        TimeSpan? crawlDelay = null;
        foreach (var group in groups)
        {
            rules.AddRange(group.Rules);
            if (group.CrawlDelay is { } delay && (crawlDelay is null || delay > crawlDelay))
            {
                crawlDelay = delay;
            }
        }

        // Ties keep file order (a stable sort), so results are reproducible.
        var indexed = new (RobotsRule Rule, int Index)[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            indexed[i] = (rules[i], i);
        }

        Array.Sort(indexed, static (a, b) =>
        {
            var byLength = b.Rule.Pattern.Length.CompareTo(a.Rule.Pattern.Length);
            if (byLength != 0)
            {
                return byLength;
            }

            var byKind = b.Rule.Allow.CompareTo(a.Rule.Allow); // Allow (true) sorts first
            return byKind != 0 ? byKind : a.Index.CompareTo(b.Index);
        });

        _rules = Array.ConvertAll(indexed, static entry => entry.Rule);
        CrawlDelay = crawlDelay;
    }

    public TimeSpan? CrawlDelay { get; }

    public bool IsAllowed(string normalizedPath)
    {
        foreach (var rule in _rules)
        {
            if (rule.Pattern.IsMatch(normalizedPath))
            {
                return rule.Allow;
            }
        }

        return true;
    }
}
