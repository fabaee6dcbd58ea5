using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using ScrapeLint.Cli.Scanning;

namespace ScrapeLint.Cli.Reporting
{
    /// <summary>
    /// SARIF 2.1.0: one run for the whole scan, whose driver lists every rule (ID, title, description, the
    /// summary of its rule page as help text and markdown, help URI, default level, category) and whose
    /// results point into the repository relative to %SRCROOT% (the git repository's root, see
    /// <see cref="ReportPaths"/>), so code scanning services can map them onto the repository. Files and
    /// projects that were skipped or not analysed are tool execution notifications, and an incomplete scan is
    /// not an execution that succeeded.
    /// </summary>
    internal static class SarifReport
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
        private const string RootId = "SRCROOT";

        public static void Write(ScanResult result, Stream stream)
        {
            var rules = AnalyzerCatalog.Instance.Rules;
            var anchor = ReportPaths.Anchor(result.Root);
            var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < rules.Length; i++)
            {
                ruleIndex[rules[i].Id] = i;
            }

            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartObject();
            json.WriteString("$schema", SchemaUri);
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "ScrapeLint");
            json.WriteString("semanticVersion", AnalyzerCatalog.AnalyzerVersion);
            json.WriteString("informationUri", "https://github.com/scrapelint/scrapelint");
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(RootId);
            json.WriteString("uri", new Uri(Path.TrimEndingDirectorySeparator(anchor) + Path.DirectorySeparatorChar).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var finding in result.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.RuleId);
                if (ruleIndex.TryGetValue(finding.RuleId, out var index))
                {
                    json.WriteNumber("ruleIndex", index);
                }

                json.WriteString("level", Severity.SarifLevel(finding.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", finding.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                json.WriteStartObject();
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", RelativeUri(ReportPaths.Relative(anchor, finding.FilePath)));
                json.WriteString("uriBaseId", RootId);
                json.WriteEndObject();
                json.WriteStartObject("region");
                json.WriteNumber("startLine", finding.Line);
                json.WriteNumber("startColumn", finding.Column);
                json.WriteNumber("endLine", finding.EndLine);
                json.WriteNumber("endColumn", finding.EndColumn);
                json.WriteStartObject("snippet");
                json.WriteString("text", finding.SourceLine);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartArray("invocations");
            json.WriteStartObject();
            json.WriteBoolean("executionSuccessful", !result.IsIncomplete);
            var notes = result.NotAnalysed.Select(i => ("error", "not analysed: " + i))
                .Concat(result.Skipped.Select(i => ("warning", "skipped: " + i)))
                .Concat(result.Warnings.Select(w => ("warning", w)))
                .ToList();
            if (notes.Count > 0)
            {
                json.WriteStartArray("toolExecutionNotifications");
                foreach (var (level, text) in notes)
                {
                    json.WriteStartObject();
                    json.WriteString("level", level);
                    json.WriteStartObject("message");
                    json.WriteString("text", text);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndArray();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void WriteRule(Utf8JsonWriter json, DiagnosticDescriptor rule)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", PascalCase(rule.Title.ToString()));
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Title.ToString());
            json.WriteEndObject();
            if (rule.Description.ToString() is { Length: > 0 } description)
            {
                json.WriteStartObject("fullDescription");
                json.WriteString("text", description);
                json.WriteEndObject();
            }

            if (RuleHelp.For(rule.Id, string.IsNullOrEmpty(rule.HelpLinkUri) ? null : rule.HelpLinkUri) is { } help)
            {
                json.WriteStartObject("help");
                json.WriteString("text", help.Text);
                json.WriteString("markdown", help.Markdown);
                json.WriteEndObject();
            }

            if (!string.IsNullOrEmpty(rule.HelpLinkUri))
            {
                json.WriteString("helpUri", rule.HelpLinkUri);
            }

            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", Severity.SarifLevel(rule.DefaultSeverity));
            json.WriteBoolean("enabled", rule.IsEnabledByDefault);
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            json.WriteStartArray("tags");
            json.WriteStringValue("scraping");
            json.WriteStringValue(rule.Category);
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        private static string RelativeUri(string relativePath)
            => string.Join('/', relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString));

        private static string PascalCase(string title)
            => string.Concat(title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1)))
                .Replace(".", string.Empty, StringComparison.Ordinal);
    }
}
