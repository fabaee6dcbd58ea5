using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ScrapeLint.Model
{
    /// <summary>
    /// Which kinds of names each file of a compilation has as identifiers (comments and strings included), and which of the
    /// evasion rules' words (<see cref="TextWords"/>): one scan of its text, made once and shared by the crawl index and the
    /// evasion rules, decides whether the file is worth walking.
    /// </summary>
    internal sealed class FileMentions
    {
        /// <summary>A sink, registration or configured request method (<see cref="SyntaxIndex.SeedNames"/>).</summary>
        public const int Sink = 1;

        /// <summary>A sink name that is one in any file, not only in a file that also names its library.</summary>
        public const int UngatedSink = 2;

        /// <summary>A name only an evasion site has (<see cref="EvasionSiteNames.Distinctive"/>).</summary>
        public const int EvasionSite = 4;

        /// <summary>An HTTP call that can post a login form (<see cref="Logins.PostNames"/>).</summary>
        public const int LoginPost = 8;

        /// <summary>The words of <see cref="TextWords"/> are kept above the names' tags.</summary>
        private const int WordShift = 5;

        /// <summary>A mention word where a word starts (<see cref="TextWords.Mention"/>).</summary>
        public const int MentionWord = TextWords.Mention << WordShift;

        /// <summary>A header API's name as written (<see cref="TextWords.HeaderApi"/>).</summary>
        public const int HeaderApiWord = TextWords.HeaderApi << WordShift;

        /// <summary>A CAPTCHA service's name (<see cref="TextWords.CaptchaService"/>).</summary>
        public const int CaptchaServiceWord = TextWords.CaptchaService << WordShift;

        private const int All = Sink | UngatedSink | EvasionSite | LoginPost;

        /// <summary>A sink name that is one only in a file that also names its library: where the file has it is kept.</summary>
        private const int GatedSink = 16;

        private readonly SourceStrings texts;
        private readonly NameSet names;
        private readonly Dictionary<SyntaxTree, (int Tags, int Start, int Count)> scanned = new Dictionary<SyntaxTree, (int, int, int)>();

        /// <summary>The places of gated sink names of every file, one file after another (<see cref="scanned"/> says where each file's are).</summary>
        private readonly List<int> gatedSinkPlaces = new List<int>();

        /// <summary>Scans every file of the compilation (the index's first round reads them all).</summary>
        public FileMentions(Compilation compilation, SourceStrings texts, IEnumerable<string> seedNames, Func<string, bool> isUngated, HashSet<string> configured, CancellationToken cancellationToken)
        {
            this.texts = texts;
            Configured = configured;
            names = new NameSet(Tagged(seedNames, isUngated));
            foreach (var tree in compilation.SyntaxTrees)
            {
                var start = gatedSinkPlaces.Count;
                var tags = Scan(tree, gatedSinkPlaces, cancellationToken);
                scanned[tree] = (tags, start, gatedSinkPlaces.Count - start);
                InAnyFile |= tags;
            }
        }

        /// <summary>The kinds of names and words some file of the compilation has.</summary>
        public int InAnyFile { get; }

        /// <summary>The names the scan looks for with their tags (a loop, not LINQ over value tuples: see <see cref="NameSet"/>).</summary>
        private static IEnumerable<(string Name, int Tags)> Tagged(IEnumerable<string> seedNames, Func<string, bool> isUngated)
        {
            foreach (var name in seedNames)
            {
                yield return (name, Sink | (isUngated(name) ? UngatedSink : GatedSink));
            }

            foreach (var name in EvasionSiteNames.Distinctive)
            {
                yield return (name, EvasionSite);
            }

            foreach (var name in Logins.PostNames)
            {
                yield return (name, LoginPost);
            }
        }

        /// <summary>The method names configured as requests (<c>scrapelint.request_methods</c>) in any file.</summary>
        public HashSet<string> Configured { get; }

        /// <summary>
        /// The kinds of names the file has (an identifier spelled with escapes counts as the name it spells, see <see cref="Escapes"/>),
        /// and of words (<see cref="MentionWord"/>, <see cref="HeaderApiWord"/>, <see cref="CaptchaServiceWord"/>).
        /// </summary>
        public int Of(SyntaxTree tree, CancellationToken cancellationToken)
            => scanned.TryGetValue(tree, out var found) ? found.Tags : Scan(tree, new List<int>(), cancellationToken);

        /// <summary>
        /// Where a file that names no ungated sink has a gated one (<see cref="SinkCatalog.IsGated"/>), in order: the index binds
        /// the calls there when the file names the library. (Not kept for a file that names an ungated sink: it is walked anyway.)
        /// A new list each time, the caller's to change.
        /// </summary>
        public List<int> GatedSinkPlaces(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (scanned.TryGetValue(tree, out var found))
            {
                return gatedSinkPlaces.GetRange(found.Start, found.Count);
            }

            var places = new List<int>();
            Scan(tree, places, cancellationToken);
            return places;
        }

        /// <summary>The file's tags and words; the places of its gated sink names are added to <paramref name="places"/> unless it names an ungated sink.</summary>
        private int Scan(SyntaxTree tree, List<int> places, CancellationToken cancellationToken)
        {
            var start = places.Count;
            var text = texts.Of(tree, cancellationToken);
            var tags = names.TagsIn(text, All, Escapes(names, tree, text, cancellationToken), places, GatedSink) & All;
            if ((tags & UngatedSink) != 0)
            {
                places.RemoveRange(start, places.Count - start);
            }

            return tags | (TextWords.In(text) << WordShift);
        }

        /// <summary>
        /// For <see cref="NameSet.TagsIn"/>: an escape is in an identifier only when the token there is one (a string or character
        /// literal full of <c>\u</c> escapes names nothing), and that identifier carries the tags of the name it spells. The token
        /// is found only when the run of identifier characters and escapes around the escape spells a name: most escapes are in
        /// strings (a table of entities) and spell none, and finding their tokens built most of the tree's nodes.
        /// </summary>
        public static Func<int, (int Tags, int End)> Escapes(NameSet names, SyntaxTree tree, string text, CancellationToken cancellationToken)
        {
            TokenCursor? tokens = null;
            return position =>
            {
                if (names.TagsOfEscapedRun(text, position, out var end) == 0)
                {
                    return (0, end);
                }

                tokens ??= new TokenCursor(tree.GetRoot(cancellationToken));
                var token = tokens.At(position);
                if (!token.Span.Contains(position))
                {
                    // In a comment: the scan goes on after the backslash.
                    return (0, position + 1);
                }

                return (token.IsKind(SyntaxKind.IdentifierToken) ? names.Tags(token.ValueText) : 0, token.Span.End);
            };
        }
    }
}
