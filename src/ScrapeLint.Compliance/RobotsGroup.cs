using System;
using System.Collections.Generic;

namespace ScrapeLint.Compliance;

/// <summary>A group as written in the file: one or more User-agent lines followed by its rules.</summary>
internal sealed class RobotsGroup
{
    public List<string> ProductTokens { get; } = new();

    public bool IsGlobal { get; set; }

    public List<RobotsRule> Rules { get; } = new();

    public TimeSpan? CrawlDelay { get; set; }

    public bool Names(string productToken)
    {
        foreach (var token in ProductTokens)
        {
            if (string.Equals(token, productToken, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
