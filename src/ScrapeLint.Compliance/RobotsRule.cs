namespace ScrapeLint.Compliance;

/// <summary>One Allow or Disallow line of a group.</summary>
internal sealed class RobotsRule
{
    public RobotsRule(bool allow, PathPattern pattern)
    {
        Allow = allow;
        Pattern = pattern;
    }

    public bool Allow { get; }

    public PathPattern Pattern { get; }
}
