using System.IO;
using System.Linq;
using ScrapeLint.Cli.Scanning;

namespace ScrapeLint.Cli.Reporting
{
    /// <summary>The rule table of <c>scrapelint rules</c>, from the analyzers' descriptors.</summary>
    internal static class RulesTable
    {
        public static void Write(TextWriter writer)
        {
            var rules = AnalyzerCatalog.Instance.Rules;
            var rows = rules.Select(r => new[] { r.Id, r.Category, Severity.Name(r.DefaultSeverity), r.Title.ToString(), r.HelpLinkUri }).ToList();
            var header = new[] { "ID", "Category", "Severity", "Title", "Help" };
            var widths = Enumerable.Range(0, header.Length - 1).Select(i => rows.Select(r => r[i].Length).Append(header[i].Length).Max()).ToArray();
            WriteRow(writer, header, widths);
            foreach (var row in rows)
            {
                WriteRow(writer, row, widths);
            }
        }

        private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
            => writer.WriteLine(string.Join("  ", cells.Select((c, i) => i < widths.Length ? c.PadRight(widths[i]) : c)).TrimEnd());
    }
}
