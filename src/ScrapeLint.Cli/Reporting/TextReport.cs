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
                    writer.WriteLine($"  {file.Key}");
                    foreach (var finding in file)
                    {
                        var severity = finding.Severity == first.Severity ? string.Empty : $" [{Severity.Name(finding.Severity)}]";
                        writer.WriteLine($"    {finding.Line}:{finding.Column}{severity}  {finding.Message}");
                        if (finding.SourceLine.Trim() is { Length: > 0 } source)
                        {
                            writer.WriteLine($"      | {source}");
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
            writer.WriteLine($"{summary}; scanned {Count(result.Files, "file")} in {Count(result.Projects, "project")} ({Mode(result.Mode)}) in {seconds} s.");
        }

        private static string Mode(string mode) => mode == "msbuild" ? "loaded with MSBuild" : "loose files, no MSBuild";

        private static string Count(int count, string noun)
            => count == 1 ? $"1 {noun}" : $"{count} {(noun == "info" ? noun : noun + "s")}";
    }
}
