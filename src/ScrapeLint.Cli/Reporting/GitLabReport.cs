using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using ScrapeLint.Cli.Scanning;

namespace ScrapeLint.Cli.Reporting
{
    /// <summary>
    /// GitLab's code quality report (the subset of the Code Climate issue format GitLab reads): a JSON array with,
    /// per finding, a description, check_name (the rule ID), a fingerprint, a severity and a location whose path
    /// is relative to the repository's root. The fingerprint hashes the rule, the path, the trimmed source line
    /// and the finding's rank among identical ones, not the line number, so a finding keeps its identity when
    /// code above it moves.
    /// </summary>
    internal static class GitLabReport
    {
        public static void Write(ScanResult result, Stream stream)
        {
            var anchor = ReportPaths.Anchor(result.Root);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            json.WriteStartArray();
            foreach (var finding in result.Findings)
            {
                var path = ReportPaths.Relative(anchor, finding.FilePath);
                var key = string.Join("\0", finding.RuleId, path, finding.SourceLine.Trim(), finding.Message);
                var rank = seen[key] = seen.TryGetValue(key, out var count) ? count + 1 : 0;
                json.WriteStartObject();
                json.WriteString("description", $"{finding.RuleId}: {finding.Message}");
                json.WriteString("check_name", finding.RuleId);
                json.WriteString("fingerprint", Fingerprint(key + "\0" + rank));
                json.WriteString("severity", Severity(finding.Severity));
                json.WriteStartObject("location");
                json.WriteString("path", path);
                json.WriteStartObject("lines");
                json.WriteNumber("begin", finding.Line);
                json.WriteNumber("end", finding.EndLine);
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        /// <summary>GitLab's scale is info, minor, major, critical, blocker.</summary>
        private static string Severity(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "critical",
            DiagnosticSeverity.Warning => "major",
            _ => "info",
        };

        private static string Fingerprint(string key)
            => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16).ToLowerInvariant();
    }
}
