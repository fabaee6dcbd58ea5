using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using ScrapeLint.Cli.Scanning;

namespace ScrapeLint.Cli.Reporting
{
    /// <summary>
    /// The human-readable report: findings grouped by rule, then by file, each with its position, the
    /// evidence (the diagnostic message) and the source line; the rule's help link under its heading.
    /// </summary>
    internal static class TextReport
    {
        public static void Write(ScanResult result, TextWriter writer)
        {
            foreach (var rule in result.Findings.GroupBy(f => f.RuleId))
            {
                var first = rule.First();
                writer.WriteLine($"{rule.Key} {Severity.Name(first.Severity)}: {first.Title} ({Count(rule.Count(), "finding")})");
                if (first.HelpUri is { } help)
                {
                    writer.WriteLine($"  help: {help}");
                }

                foreach (var file in rule.GroupBy(f => f.RelativePath))
                {
                    writer.WriteLine();
                    writer.WriteLine($"  {Printable(file.Key)}");
                    foreach (var finding in file)
                    {
                        var severity = finding.Severity == first.Severity ? string.Empty : $" [{Severity.Name(finding.Severity)}]";
                        writer.WriteLine($"    {finding.Line}:{finding.Column}{severity}  {Printable(finding.Message)}");
                        if (finding.SourceLine.Trim() is { Length: > 0 } source)
                        {
                            writer.WriteLine($"      | {Printable(source)}");
                        }
                    }
                }

                writer.WriteLine();
            }

            var bySeverity = result.Findings
                .GroupBy(f => f.Severity)
                .OrderByDescending(g => g.Key)
                .Select(g => Count(g.Count(), Severity.Name(g.Key)))
                .ToList();
            var summary = result.Findings.Length == 0
                ? "No findings"
                : $"{Count(result.Findings.Length, "finding")} ({string.Join(", ", bySeverity)}) in {Count(result.Findings.Select(f => f.FilePath).Distinct().Count(), "file")}";
            var seconds = result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
            WriteIssues(writer, result.Root, "Not analysed (the scan is incomplete)", result.NotAnalysed);
            WriteIssues(writer, result.Root, "Skipped (not regular files inside the scanned folder)", result.Skipped);
            var left = (result.NotAnalysed.Length > 0 ? $"; {result.NotAnalysed.Length} not analysed" : string.Empty)
                + (result.Skipped.Length > 0 ? $"; {result.Skipped.Length} skipped" : string.Empty);
            var incomplete = result.NotAnalysed.Length > 0 ? "Incomplete scan: " : string.Empty;
            writer.WriteLine($"{incomplete}{summary}; scanned {Count(result.Files, "file")} in {Count(result.Projects, "project")} ({Mode(result.Mode)}) in {seconds} s{left}.");
        }

        /// <summary>
        /// The text with every control character (C0, DEL, C1: terminal escape sequences among them) shown as
        /// <c>\x1B</c>-style escapes, so that source lines from the scanned repository cannot drive the
        /// reviewer's terminal or CI log. A tab stays a tab.
        /// </summary>
        public static string Printable(string text)
        {
            var clean = true;
            foreach (var c in text)
            {
                if (IsControl(c))
                {
                    clean = false;
                    break;
                }
            }

            if (clean)
            {
                return text;
            }

            var builder = new System.Text.StringBuilder(text.Length + 16);
            foreach (var c in text)
            {
                if (IsControl(c))
                {
                    builder.Append(c <= 0xFF ? $"\\x{(int)c:X2}" : $"\\u{(int)c:X4}");
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        // C0 and C1 controls and DEL, and the bidirectional overrides and isolates that reorder what a terminal shows.
        private static bool IsControl(char c)
            => (char.IsControl(c) && c != '\t') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

        private static void WriteIssues(TextWriter writer, string root, string heading, System.Collections.Immutable.ImmutableArray<ScanIssue> issues)
        {
            if (issues.IsEmpty)
            {
                return;
            }

            writer.WriteLine($"{heading}:");
            foreach (var issue in issues)
            {
                // Relative to the scanned folder, like the findings (the standard error lines keep full paths).
                var relative = Path.GetRelativePath(root, issue.Path);
                var shown = relative.StartsWith("..", System.StringComparison.Ordinal) || Path.IsPathRooted(relative) ? issue.Path : relative;
                writer.WriteLine($"  {Printable(shown)}: {Printable(issue.Reason)}");
            }

            writer.WriteLine();
        }

        private static string Mode(string mode) => mode == "msbuild" ? "loaded with MSBuild" : "loose files, no MSBuild";

        private static string Count(int count, string noun)
            => count == 1 ? $"1 {noun}" : $"{count} {(noun == "info" ? noun : noun + "s")}";
    }
}
