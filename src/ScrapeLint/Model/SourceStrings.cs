using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ScrapeLint.Model
{
    /// <summary>
    /// The text of each file of a compilation as one string, for the text searches that decide what is worth binding.
    /// Taking it costs nothing for the usual string text; a large file's text is copied once and kept.
    /// </summary>
    internal sealed class SourceStrings
    {
        private readonly ConcurrentDictionary<SyntaxTree, string> texts = new ConcurrentDictionary<SyntaxTree, string>();

        public string Of(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (texts.TryGetValue(tree, out var kept))
            {
                return kept;
            }

            // A string text (the compiler's for a file of under 40 K characters) gives the string it holds, the same instance
            // each time: nothing to copy or keep. Any other text (large files, editor buffers) is copied once and kept.
            var text = tree.GetText(cancellationToken);
            var whole = text.ToString();
            return ReferenceEquals(whole, text.ToString()) ? whole : texts.GetOrAdd(tree, whole);
        }

        /// <summary>
        /// A node's source text for a message or a hole's name: on one line, cut to 40 characters. A long node's text is not
        /// rendered whole: only its first 120 characters are read from the file (at least 41 remain once line breaks go).
        /// </summary>
        public static string Short(SyntaxNode node)
        {
            var span = node.Span;
            var text = span.Length <= 120 ? node.ToString() : node.SyntaxTree.GetText().ToString(new TextSpan(span.Start, 120));
            text = text.Replace("\r", "").Replace("\n", " ");
            return text.Length > 40 ? text.Substring(0, 37) + "..." : text;
        }

        /// <summary>Some file of the compilation has <paramref name="stem"/> followed by one of the suffixes.</summary>
        public bool AnyFileHas(Compilation compilation, string stem, StringComparison comparison, string[] suffixes, CancellationToken cancellationToken)
            => compilation.SyntaxTrees.Any(tree => Has(Of(tree, cancellationToken), stem, comparison, suffixes));

        /// <summary>
        /// The text has <paramref name="stem"/> followed by one of the suffixes: a vectorised search for the stem, then a
        /// comparison at each place it occurs.
        /// </summary>
        public static bool Has(string text, string stem, StringComparison comparison, string[] suffixes)
        {
            for (var at = text.IndexOf(stem, comparison); at >= 0; at = text.IndexOf(stem, at + stem.Length, comparison))
            {
                var next = at + stem.Length;
                if (next >= text.Length)
                {
                    break;
                }

                foreach (var suffix in suffixes)
                {
                    // The first character decides most places ("cap" in "capacity", "escape"): no comparison call for them.
                    var first = text[next] == suffix[0] || (comparison == StringComparison.OrdinalIgnoreCase && char.ToLowerInvariant(text[next]) == char.ToLowerInvariant(suffix[0]));
                    if (first && string.Compare(text, next, suffix, 0, suffix.Length, comparison) == 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
