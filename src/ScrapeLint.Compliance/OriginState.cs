using System;
using System.Threading.Tasks;

namespace ScrapeLint.Compliance;

/// <summary>The cached robots.txt of one origin (scheme, host and port) and its fetch in flight, if any.</summary>
internal sealed class OriginState
{
    public OriginState(Uri robotsUri)
    {
        RobotsUri = robotsUri;
    }

    public Uri RobotsUri { get; }

    /// <summary>Guarded by locking this instance.</summary>
    public RobotsTxt? Robots { get; set; }

    /// <summary>Guarded by locking this instance.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>A timestamp of the last lookup, for evicting the least recently used; guarded by locking this instance.</summary>
    public long LastUsed { get; set; }

    /// <summary>The fetch every concurrent caller awaits; guarded by locking this instance.</summary>
    public Task<RobotsTxt>? Fetch { get; set; }
}
