using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ScrapeLint.Model
{
    /// <summary>
    /// The text of each file of a compilation as one string, for the text searches that decide what is worth binding.
    /// Taking it costs nothing for the usual string text; a large file's text is copied once and kept. The search that
    /// decides whether a compilation is analysed at all (<see cref="AnyFileHasOrdinal"/>) reads the texts a piece at a time.
    /// </summary>
    internal sealed class SourceStrings
    {
        private readonly Compilation compilation;

        /// <summary>Each file's place in <see cref="kept"/>, made on first use and only read after.</summary>
        private Dictionary<SyntaxTree, int>? ordinals;

        /// <summary>
        /// The texts taken, by file. Not a concurrent dictionary: its adds take a lock, and the first scan adds every file of
        /// the compilation (about 2 ms a run on markdig, profiled); a slot is set once, by whichever thread takes it first.
        /// </summary>
        private string?[]? kept;

        public SourceStrings(Compilation compilation)
        {
            this.compilation = compilation;
        }

        public string Of(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var ordinal = Ordinal(tree);
            if (ordinal < 0)
            {
                return tree.GetText(cancellationToken).ToString();
            }

            // A string text (the compiler's for a file of under 40 K characters) gives the string it holds: nothing is copied.
            // Any other text (large files, editor buffers) is copied once. Either is kept.
            if (Volatile.Read(ref kept![ordinal]) is { } taken)
            {
                return taken;
            }

            var text = tree.GetText(cancellationToken).ToString();
            return Interlocked.CompareExchange(ref kept[ordinal], text, null) ?? text;
        }

        /// <summary>The text of the file if it was taken already.</summary>
        private string? Kept(SyntaxTree tree)
        {
            var ordinal = Ordinal(tree);
            return ordinal < 0 ? null : Volatile.Read(ref kept![ordinal]);
        }

        /// <summary>The file's place among the compilation's (-1 for a tree not in it).</summary>
        private int Ordinal(SyntaxTree tree)
        {
            var known = Volatile.Read(ref ordinals);
            if (known is null)
            {
                var made = new Dictionary<SyntaxTree, int>();
                foreach (var each in compilation.SyntaxTrees)
                {
                    made[each] = made.Count;
                }

                // The array before the dictionary: a thread that reads the dictionary finds the array set.
                Interlocked.CompareExchange(ref kept, new string?[made.Count], null);
                known = Interlocked.CompareExchange(ref ordinals, made, null) ?? made;
            }

            return known.TryGetValue(tree, out var ordinal) ? ordinal : -1;
        }

        /// <summary>The size of the pieces <see cref="AnyFileHasOrdinal"/> reads (below the large-object size).</summary>
        private const int Piece = 16 * 1024;

        /// <summary>
        /// Some file's text has <paramref name="stem"/> followed by one of the suffixes (ordinal). A text not taken as a string
        /// yet is read a piece at a time into one buffer: a compilation with nothing to analyse copies no large file whole
        /// (each copy a large-object allocation, and the collections those start: 50 ms of a markdig compiler process).
        /// </summary>
        public bool AnyFileHasOrdinal(string stem, string[] suffixes, CancellationToken cancellationToken)
        {
            var overlap = stem.Length - 1;
            foreach (var suffix in suffixes)
            {
                overlap = Math.Max(overlap, stem.Length + suffix.Length - 1);
            }

            char[]? buffer = null;
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (Kept(tree) is { } taken)
                {
                    if (Has(taken.AsSpan(), stem, suffixes))
                    {
                        return true;
                    }

                    continue;
                }

                // Each piece starts `overlap` characters before the end of the one before: a stem and suffix cut by one end
                // are whole in the next piece.
                var text = tree.GetText(cancellationToken);
                buffer ??= new char[Piece];
                for (var start = 0; start < text.Length; start += Piece - overlap)
                {
                    var count = Math.Min(Piece, text.Length - start);
                    text.CopyTo(start, buffer, 0, count);
                    if (Has(new ReadOnlySpan<char>(buffer, 0, count), stem, suffixes))
                    {
                        return true;
                    }

                    if (start + count == text.Length)
                    {
                        break;
                    }
                }
            }

            return false;
        }

        private static bool Has(ReadOnlySpan<char> text, string stem, string[] suffixes)
        {
            var offset = 0;
            for (var at = text.IndexOf(stem.AsSpan()); at >= 0; at = text.Slice(offset).IndexOf(stem.AsSpan()))
            {
                var next = offset + at + stem.Length;
                foreach (var suffix in suffixes)
                {
                    if (text.Slice(next).StartsWith(suffix.AsSpan()))
                    {
                        return true;
                    }
                }

                offset = next;
            }

            return false;
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
    }
}
