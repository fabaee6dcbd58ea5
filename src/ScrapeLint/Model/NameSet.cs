using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;

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

        /// <summary>
        /// <c>MethodImplOptions.AggressiveOptimization</c> (not in netstandard2.0; .NET Core 3 and later honour it): the scan
        /// of every file's text is compiled optimised at once: a compilation can be over before the runtime's tiering promotes a
        /// method from its first, unoptimised code. (.NET Framework hosts ignore the flag.)
        /// </summary>
        private const MethodImplOptions AggressiveOptimization = (MethodImplOptions)512;

        private readonly ulong[] filter = new ulong[1024];

        /// <summary>By an identifier's last character (ASCII): bit <c>n</c> is set when a member of length <c>n</c> ends with it (63 stands for longer).</summary>
        private readonly ulong[] lengthsByEnd = new ulong[128];
        private readonly Dictionary<ulong, (string Name, int Tags)[]> byKey = new Dictionary<ulong, (string Name, int Tags)[]>();

        /// <summary>
        /// The pairs of ASCII characters a member starts with, as bits <c>first * 128 + second</c> (a one-character member sets
        /// every pair it can start), and <c>\u</c>/<c>\U</c>, which may start an escaped identifier: the scan stops only where
        /// such a pair begins an identifier.
        /// </summary>
        private readonly ulong[] starts = new ulong[256];

        /// <summary>Some member starts with a non-ASCII character or has one second: every place with one is looked at.</summary>
        private readonly bool nonAsciiStart;

        public NameSet(IEnumerable<string> names)
            : this(names.Select(name => (name, 1)))
        {
        }

        /// <summary>Names with tags: <see cref="TagsIn"/> tells which tags a text's identifiers carry (a name given twice carries both).</summary>
        public NameSet(IEnumerable<(string Name, int Tags)> names)
        {
            SetStart('\\', 'u');
            SetStart('\\', 'U');
            foreach (var group in names.Where(n => n.Name.Length > 0).GroupBy(n => n.Name, StringComparer.Ordinal))
            {
                var name = group.Key;
                var tags = group.Aggregate(0, (all, n) => all | n.Tags);
                var key = Key(name, 0, name.Length);
                filter[(key >> 6) & 1023] |= 1UL << (int)(key & 63);
                byKey[key] = byKey.TryGetValue(key, out var same) ? same.Concat(new[] { (name, tags) }).ToArray() : new[] { (name, tags) };
                if (name[0] >= 128 || (name.Length > 1 && name[1] >= 128))
                {
                    nonAsciiStart = true;
                }
                else if (name.Length == 1)
                {
                    for (var second = 0; second < 128; second++)
                    {
                        SetStart(name[0], (char)second);
                    }
                }
                else
                {
                    SetStart(name[0], name[1]);
                }

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

        private void SetStart(char first, char second) => starts[((first << 7) | second) >> 6] |= 1UL << ((first << 7) | second);

        public bool Contains(string? name) => name is { Length: > 0 } && TagsOf(name, 0, name.Length) != 0;

        /// <summary>
        /// A <c>\uXXXX</c> (or <c>\UXXXXXXXX</c>) escape that can be part of an identifier: next to an identifier character, and
        /// spelling a letter, a digit or another character identifiers may hold. The escapes of symbols, spaces and surrogate
        /// halves (<c>"\u2248"</c>, <c>"\u00A0"</c>, <c>"\uD835\uDD04"</c>) can only be in a string.
        /// </summary>
        private static bool IsEscapeInIdentifier(string text, int backslash)
        {
            if (backslash + 1 >= text.Length || (text[backslash + 1] != 'u' && text[backslash + 1] != 'U'))
            {
                return false;
            }

            var digits = text[backslash + 1] == 'u' ? 4 : 8;
            var after = backslash + 2 + digits;
            if (!(backslash > 0 && IsIdentifierChar(text[backslash - 1])) && !(after < text.Length && IsIdentifierChar(text[after])))
            {
                return false;
            }

            var value = 0L;
            for (var k = backslash + 2; k < after; k++)
            {
                var digit = k < text.Length ? HexValue(text[k]) : -1;
                if (digit < 0)
                {
                    return false;
                }

                value = (value << 4) | (uint)digit;
            }

            if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
            {
                return false;
            }

            var category = value <= 0xFFFF ? CharUnicodeInfo.GetUnicodeCategory((char)value) : CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32((int)value), 0);
            return category is <= UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.Format;
        }

        private static int HexValue(char c) => c is >= '0' and <= '9' ? c - '0' : (c | 0x20) is >= 'a' and <= 'f' ? (c | 0x20) - 'a' + 10 : -1;

        private static bool IsIdentifierChar(char c) => c < 128 ? IdentifierChars[c] : char.IsLetterOrDigit(c);

        /// <summary>The text has one of the names as an identifier (see <see cref="TagsIn"/>).</summary>
        public bool MentionedIn(string text, Func<int, (int Tags, int End)>? escape = null) => TagsIn(text, wanted: 0, escape) != 0;

        /// <summary>The tags of a name (0 when it is none of them).</summary>
        public int Tags(string name) => name.Length == 0 ? 0 : TagsOf(name, 0, name.Length);

        /// <summary>
        /// The tags of the names the text has as identifiers (comments and strings included), read until every tag of
        /// <paramref name="wanted"/> is found (0: until the first name). Most identifiers are rejected by their last character
        /// and length, before their key is computed. A <c>\uXXXX</c> escape next to an identifier character may be part of an
        /// identifier (<c>GetStr\u0069ngAsync</c>) or of a string (<c>"\u00A0x"</c>): <paramref name="escape"/> tells from the
        /// escape's place the tags of the token there and where that token ends; without it such an escape carries every tag.
        /// </summary>
        public int TagsIn(string text, int wanted, Func<int, (int Tags, int End)>? escape = null)
        {
            var found = 0;
            var i = 0;
            while (NextName(text, ref i, out var start, out var tags, out var escaped))
            {
                if (escaped)
                {
                    if (escape is null)
                    {
                        return ~0;
                    }

                    (tags, var end) = escape(start);
                    i = Math.Max(i, end);
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
        /// Each place costs one test of its two characters against the pairs the names start with (<see cref="starts"/>): the
        /// text is not cut into identifiers, whose boundaries branch unpredictably; only an identifier that starts with such a
        /// pair is read to its end and looked up.
        /// </summary>
        [MethodImpl(AggressiveOptimization)]
        private bool NextName(string text, ref int i, out int start, out int tags, out bool escaped)
        {
            var pairs = starts;
            var lengths = lengthsByEnd;
            var length = text.Length;
            for (; i < length; i++)
            {
                var first = text[i];
                var second = i + 1 < length ? text[i + 1] : ' ';
                if (((first | second) & 0xFF80) != 0)
                {
                    // No name and no escape starts with a non-ASCII character or has one second, unless some name does.
                    if (!nonAsciiStart)
                    {
                        continue;
                    }
                }
                else
                {
                    var pair = (first << 7) | second;
                    if ((pairs[pair >> 6] & (1UL << pair)) == 0)
                    {
                        continue;
                    }
                }

                if (first == '\\')
                {
                    if (IsEscapeInIdentifier(text, i))
                    {
                        start = i++;
                        tags = 0;
                        escaped = true;
                        return true;
                    }

                    continue;
                }

                if (!IsIdentifierChar(first) || (i > 0 && IsIdentifierChar(text[i - 1])))
                {
                    continue;
                }

                start = i;
                while (++i < length && IsIdentifierChar(text[i]))
                {
                }

                var identifierLength = i - start;
                var last = text[i - 1];
                if ((last >= 128 || ((lengths[last] >> Math.Min(identifierLength, 63)) & 1) != 0) && (tags = TagsOf(text, start, identifierLength)) != 0)
                {
                    escaped = false;
                    return true;
                }

                // The loop's increment would skip the character that ended the identifier: it may start an escape.
                i--;
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
