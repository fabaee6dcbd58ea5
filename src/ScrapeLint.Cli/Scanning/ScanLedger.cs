using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>The warnings of a scan, and what it skipped or could not analyse (thread-safe).</summary>
    internal sealed class ScanLedger
    {
        private readonly List<ScanIssue> skipped = new();
        private readonly List<ScanIssue> notAnalysed = new();

        /// <summary>Warnings that change nothing about completeness (unresolved packages, analyzer notes).</summary>
        public List<string> Warnings { get; } = new();

        public void Skip(string path, string reason)
        {
            lock (skipped)
            {
                skipped.Add(new ScanIssue(path, reason));
            }
        }

        public void NotAnalysed(string path, string reason)
        {
            lock (notAnalysed)
            {
                notAnalysed.Add(new ScanIssue(path, reason));
            }
        }

        public void Warn(string warning)
        {
            lock (Warnings)
            {
                Warnings.Add(warning);
            }
        }

        public ImmutableArray<ScanIssue> SkippedEntries
        {
            get
            {
                lock (skipped)
                {
                    return skipped.Distinct().ToImmutableArray();
                }
            }
        }

        public ImmutableArray<ScanIssue> NotAnalysedEntries
        {
            get
            {
                lock (notAnalysed)
                {
                    return notAnalysed.Distinct().ToImmutableArray();
                }
            }
        }

        public ImmutableArray<string> AllWarnings
        {
            get
            {
                lock (Warnings)
                {
                    return Warnings.Distinct().ToImmutableArray();
                }
            }
        }
    }
}
