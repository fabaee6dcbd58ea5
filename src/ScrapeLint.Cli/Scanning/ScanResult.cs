using System;
using System.Collections.Immutable;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>A file or project the scan came across and did not analyse, and why.</summary>
    internal sealed record ScanIssue(string Path, string Reason)
    {
        public override string ToString() => $"{Path}: {Reason}";
    }

    /// <summary>What a scan found, how much it looked at, and what it left out.</summary>
    /// <param name="Skipped">Entries that are not repository content (links out of the folder, devices, FIFOs, dangling links): warnings only.</param>
    /// <param name="NotAnalysed">Files and projects the scan was asked to analyse and could not: the scan is incomplete.</param>
    internal sealed record ScanResult(
        string Root,
        string Mode,
        ImmutableArray<Finding> Findings,
        int Projects,
        int Files,
        TimeSpan Elapsed,
        ImmutableArray<string> Warnings,
        ImmutableArray<ScanIssue> Skipped,
        ImmutableArray<ScanIssue> NotAnalysed)
    {
        /// <summary>Whether something the scan was asked to analyse was left out, or nothing at all was analysed.</summary>
        public bool IsIncomplete => NotAnalysed.Length > 0 || Files == 0;
    }
}
