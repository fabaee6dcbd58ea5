using System;
using System.Collections.Immutable;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>What a scan found, and how much it looked at.</summary>
    internal sealed record ScanResult(
        string Root,
        string Mode,
        ImmutableArray<Finding> Findings,
        int Projects,
        int Files,
        TimeSpan Elapsed,
        ImmutableArray<string> Warnings);
}
