using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ScrapeLint.Cli.Reporting
{
    /// <summary>
    /// A rule's help for SARIF's <c>help</c> (text and markdown): the summary of its page under docs/rules, that is
    /// the first paragraph of "What it flags" and of "Why it matters", with a link to the whole page (examples,
    /// options, suppression). The pages are embedded in the tool when it is built, so the help matches the rules
    /// the tool runs.
    /// </summary>
    internal sealed record RuleHelp(string Text, string Markdown)
    {
        private static readonly Lazy<IReadOnlyDictionary<string, string>> Pages = new(LoadPages);

        /// <summary>The help of a rule, or null when the tool carries no page for it.</summary>
        public static RuleHelp? For(string ruleId, string? helpUri)
        {
            if (!Pages.Value.TryGetValue(ruleId, out var page))
            {
                return null;
            }

            var flags = FirstParagraph(page, "What it flags");
            var why = FirstParagraph(page, "Why it matters");
            if (flags is null && why is null)
            {
                return null;
            }

            var parts = new List<string>();
            if (flags is not null)
            {
                parts.Add("**What it flags.** " + flags);
            }

            if (why is not null)
            {
                parts.Add("**Why it matters.** " + why);
            }

            var more = helpUri is null ? null : $"Examples, options and how to suppress: [{ruleId}]({helpUri}).";
            var markdown = string.Join("\n\n", parts.Append(more).OfType<string>());
            var text = string.Join("\n\n", parts.Select(PlainText).Append(helpUri is null ? null : $"Examples, options and how to suppress: {helpUri}").OfType<string>());
            return new RuleHelp(text, markdown);
        }

        /// <summary>The first paragraph under a level-2 heading, its lines joined; null when the page lacks the heading.</summary>
        internal static string? FirstParagraph(string page, string heading)
        {
            var lines = page.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var start = Array.FindIndex(lines, l => l.Trim() == "## " + heading);
            if (start < 0)
            {
                return null;
            }

            var paragraph = new List<string>();
            for (var i = start + 1; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.StartsWith("#", StringComparison.Ordinal))
                {
                    break;
                }

                if (line.Length == 0)
                {
                    if (paragraph.Count > 0)
                    {
                        break;
                    }

                    continue;
                }

                paragraph.Add(line);
            }

            return paragraph.Count == 0 ? null : string.Join(" ", paragraph);
        }

        /// <summary>Markdown to plain text: emphasis and code marks dropped, links reduced to their text.</summary>
        internal static string PlainText(string markdown)
        {
            var text = Regex.Replace(markdown, @"\[([^\]]+)\]\([^)]*\)", "$1");
            return text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal);
        }

        private static IReadOnlyDictionary<string, string> LoadPages()
        {
            var assembly = typeof(RuleHelp).Assembly;
            var pages = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("rules/", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                using var reader = new StreamReader(stream);
                pages[name.Substring("rules/".Length, name.Length - "rules/".Length - ".md".Length)] = reader.ReadToEnd();
            }

            return pages;
        }
    }
}
