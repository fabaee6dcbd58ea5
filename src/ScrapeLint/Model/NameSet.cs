using System;
using System.Collections.Generic;
using System.Linq;

namespace ScrapeLint.Model
{
    /// <summary>
    /// A set of identifiers for the tests made on every syntax node and every character of a file: a name is keyed by its
    /// length and its first and last two characters, and a 65,536-bit filter of the members' keys rejects almost every
    /// other name with one bit test, without hashing the whole string. Only names that pass are compared with the members.
    /// </summary>
    internal sealed class NameSet
    {
        private static readonly bool[] IdentifierChars = Enumerable.Range(0, 128).Select(c => char.IsLetterOrDigit((char)c) || c == '_').ToArray();

        private readonly ulong[] filter = new ulong[1024];

        /// <summary>By an identifier's last character (ASCII): bit <c>n</c> is set when a member of length <c>n</c> ends with it (63 stands for longer).</summary>
        private readonly ulong[] lengthsByEnd = new ulong[128];
        private readonly Dictionary<ulong, (string Name, int Tags)[]> byKey = new Dictionary<ulong, (string Name, int Tags)[]>();

        public NameSet(IEnumerable<string> names)
            : this(names.Select(name => (name, 1)))
        {
        }

        /// <summary>Names with tags: <see cref="TagsIn"/> tells which tags a text's identifiers carry (a name given twice carries both).</summary>
        public NameSet(IEnumerable<(string Name, int Tags)> names)
        {
            foreach (var group in names.Where(n => n.Name.Length > 0).GroupBy(n => n.Name, StringComparer.Ordinal))
            {
                var name = group.Key;
                var tags = group.Aggregate(0, (all, n) => all | n.Tags);
                var key = Key(name, 0, name.Length);
                filter[(key >> 6) & 1023] |= 1UL << (int)(key & 63);
                byKey[key] = byKey.TryGetValue(key, out var same) ? same.Concat(new[] { (name, tags) }).ToArray() : new[] { (name, tags) };
                var end = name[name.Length - 1];
                if (end < 128)
                {
                    lengthsByEnd[end] |= 1UL << Math.Min(name.Length, 63);
                }
                else
                {
                    // A non-ASCII ending: every identifier goes on to the full test.
                    for (var c = 0; c < 128; c++)
                    {
                        lengthsByEnd[c] = ulong.MaxValue;
                    }
                }
            }
        }

        public bool Contains(string? name) => name is { Length: > 0 } && TagsOf(name, 0, name.Length) != 0;

        /// <summary>A <c>\uXXXX</c> (or <c>\UXXXXXXXX</c>) escape that is part of an identifier: next to an identifier character.</summary>
        private static bool IsEscapeInIdentifier(string text, int backslash)
        {
            if (backslash + 1 >= text.Length || (text[backslash + 1] != 'u' && text[backslash + 1] != 'U'))
            {
                return false;
            }

            var after = backslash + (text[backslash + 1] == 'u' ? 6 : 10);
            return (backslash > 0 && IsIdentifierChar(text[backslash - 1])) || (after < text.Length && IsIdentifierChar(text[after]));
        }

        private static bool IsIdentifierChar(char c) => c < 128 ? IdentifierChars[c] : char.IsLetterOrDigit(c);

        /// <summary>The text has one of the names as an identifier (see <see cref="TagsIn"/>).</summary>
        public bool MentionedIn(string text) => TagsIn(text, wanted: 0) != 0;

        /// <summary>
        /// The tags of the names the text has as identifiers (comments and strings included), read until every tag of
        /// <paramref name="wanted"/> is found (0: until the first name). An identifier spelled with escapes (<c>GetStr\u0069ngAsync</c>) may be any
        /// name: it carries every tag. Most identifiers are rejected by their last character and length, before their key is
        /// computed.
        /// </summary>
        public int TagsIn(string text, int wanted)
        {
            var found = 0;
            var i = 0;
            while (NextName(text, ref i, out _, out var tags, out var escaped))
            {
                if (escaped)
                {
                    return ~0;
                }

                found |= tags;
                if ((found & wanted) == wanted)
                {
                    return found;
                }
            }

            return found;
        }

        /// <summary>Where the text has one of the names as an identifier: the start of each occurrence, in order.</summary>
        public List<int> OccurrencesIn(string text)
        {
            var found = new List<int>();
            var i = 0;
            while (NextName(text, ref i, out var start, out _, out var escaped))
            {
                if (!escaped)
                {
                    found.Add(start);
                }
            }

            return found;
        }

        /// <summary>
        /// From <paramref name="i"/> on, the next identifier that is one of the names (its start and tags), or the next escape
        /// inside an identifier (<paramref name="escaped"/>); false at the end of the text. <paramref name="i"/> moves past it.
        /// </summary>
        private bool NextName(string text, ref int i, out int start, out int tags, out bool escaped)
        {
            var identifierChars = IdentifierChars;
            var lengths = lengthsByEnd;
            var length = text.Length;
            while (i < length)
            {
                var c = text[i];
                if (!(c < 128 ? identifierChars[c] : char.IsLetterOrDigit(c)))
                {
                    if (c == '\\' && IsEscapeInIdentifier(text, i))
                    {
                        start = i++;
                        tags = 0;
                        escaped = true;
                        return true;
                    }

                    i++;
                    continue;
                }

                start = i;
                while (++i < length && ((c = text[i]) < 128 ? identifierChars[c] : char.IsLetterOrDigit(c)))
                {
                }

                var identifierLength = i - start;
                var last = text[i - 1];
                if ((last >= 128 || ((lengths[last] >> Math.Min(identifierLength, 63)) & 1) != 0) && (tags = TagsOf(text, start, identifierLength)) != 0)
                {
                    escaped = false;
                    return true;
                }
            }

            start = tags = 0;
            escaped = false;
            return false;
        }

        private int TagsOf(string text, int start, int length)
        {
            var key = Key(text, start, length);
            if ((filter[(key >> 6) & 1023] & (1UL << (int)(key & 63))) == 0 || !byKey.TryGetValue(key, out var names))
            {
                return 0;
            }

            foreach (var (name, tags) in names)
            {
                if (name.Length == length && string.CompareOrdinal(text, start, name, 0, length) == 0)
                {
                    return tags;
                }
            }

            return 0;
        }

        /// <summary>Length and the first and last two characters, mixed so that the low 16 bits spread.</summary>
        private static ulong Key(string text, int start, int length)
        {
            var end = start + length - 1;
            var key = ((ulong)length << 48) ^ ((ulong)text[start] << 32) ^ ((ulong)text[Math.Min(start + 1, end)] << 16) ^ text[end] ^ ((ulong)text[Math.Max(end - 1, start)] << 40);
            key *= 0x9E3779B97F4A7C15UL;
            return key ^ (key >> 29);
        }
    }
}
