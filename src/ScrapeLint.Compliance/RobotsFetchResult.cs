using System;

namespace ScrapeLint.Compliance;

/// <summary>What fetching one robots.txt produced, and how long that answer may be kept.</summary>
internal readonly struct RobotsFetchResult
{
    public RobotsFetchResult(RobotsTxt robots, bool reachable, TimeSpan? retryAfter)
    {
        Robots = robots;
        Reachable = reachable;
        RetryAfter = retryAfter;
    }

    public RobotsTxt Robots { get; }

    /// <summary>False for 5xx, 429, network failures and timeouts: the answer is "disallow all, retry soon".</summary>
    public bool Reachable { get; }

    /// <summary>The Retry-After of a 429 or 503 answer, if it had one.</summary>
    public TimeSpan? RetryAfter { get; }
}
