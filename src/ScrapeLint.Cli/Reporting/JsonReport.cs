using System.IO;
using System.Linq;
using System.Text.Json;
using ScrapeLint.Cli.Scanning;

namespace ScrapeLint.Cli.Reporting
{
    /// <summary>A flat JSON report for scripts: a summary and one object per finding.</summary>
    internal static class JsonReport
    {
        public static void Write(ScanResult result, Stream stream)
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartObject();
            json.WriteString("tool", "scrapelint");
            json.WriteString("version", AnalyzerCatalog.AnalyzerVersion);
            json.WriteString("root", result.Root);
            json.WriteString("mode", result.Mode);
            json.WriteStartObject("summary");
            json.WriteNumber("projects", result.Projects);
            json.WriteNumber("files", result.Files);
            json.WriteNumber("findings", result.Findings.Length);
            json.WriteNumber("skipped", result.Skipped.Length);
            json.WriteNumber("notAnalysed", result.NotAnalysed.Length);
            json.WriteBoolean("complete", !result.IsIncomplete);
            json.WriteNumber("elapsedSeconds", System.Math.Round(result.Elapsed.TotalSeconds, 3));
            json.WriteStartObject("bySeverity");
            foreach (var group in result.Findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key))
            {
                json.WriteNumber(Severity.Name(group.Key), group.Count());
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                json.WriteString("severity", Severity.Name(finding.Severity));
                json.WriteString("title", finding.Title);
                json.WriteString("message", finding.Message);
                json.WriteString("helpUri", finding.HelpUri);
                json.WriteString("path", finding.RelativePath.Replace('\\', '/'));
                json.WriteNumber("line", finding.Line);
                json.WriteNumber("column", finding.Column);
                json.WriteNumber("endLine", finding.EndLine);
                json.WriteNumber("endColumn", finding.EndColumn);
                json.WriteString("project", finding.Project);
                json.WriteString("sourceLine", finding.SourceLine.Trim());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("warnings");
            foreach (var warning in result.Warnings)
            {
                json.WriteStringValue(warning);
            }

            json.WriteEndArray();
            WriteIssues(json, "notAnalysed", result.NotAnalysed);
            WriteIssues(json, "skipped", result.Skipped);
            json.WriteEndObject();
        }

        private static void WriteIssues(Utf8JsonWriter json, string name, System.Collections.Immutable.ImmutableArray<ScanIssue> issues)
        {
            json.WriteStartArray(name);
            foreach (var issue in issues)
            {
                json.WriteStartObject();
                json.WriteString("path", issue.Path);
                json.WriteString("reason", issue.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }
    }
}
