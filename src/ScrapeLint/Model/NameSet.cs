using System;
using System.Collections.Generic;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace ScrapeLint.Model
{
    /// <summary>
    /// A set of identifiers for the tests made on every syntax node and every character of a file: a name is keyed by its
    /// length and its first and last two characters, and a 65,536-bit filter of the members' keys rejects almost every
    /// other name with one bit test, without hashing the whole string. Only names that pass are compared with the members.
    /// </summary>
    internal sealed class NameSet
    {
        private static readonly bool[] IdentifierChars = AsciiIdentifierChars();

        /// <summary>
        /// <c>MethodImplOptions.AggressiveOptimization</c> (not in netstandard2.0; .NET Core 3 and later honour it): the scan
        /// of every file's text is compiled optimised at once: a compilation can be over before the runtime's tiering promotes a
        /// method from its first, unoptimised code. (.NET Framework hosts ignore the flag.)
        /// </summary>
        private const MethodImplOptions AggressiveOptimization = (MethodImplOptions)512;

        /// <summary>A de Bruijn sequence: the top six bits of a power of two times it differ for each power.</summary>
        private const ulong DeBruijn = 0x03F79D71B4CB0A89UL;

        private static readonly byte[] DeBruijnBits = DeBruijnTable();

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

        /// <summary>The ASCII range the members' first characters fall in (<see cref="Places"/>).</summary>
        private readonly Vector<ushort> firstLow;
        private readonly Vector<ushort> firstRange;

        private readonly bool vectorised;

        public NameSet(IEnumerable<string> names)
            : this(WithTag(names, 1))
        {
        }

        /// <summary>Names with tags: <see cref="TagsIn"/> tells which tags a text's identifiers carry (a name given twice carries both).</summary>
        public NameSet(IEnumerable<(string Name, int Tags)> names)
            : this(Combined(names))
        {
        }

        /// <summary>
        /// Each name with its tags. Built by loops, not LINQ: a set is made when an analyzer first runs in a compiler process,
        /// and LINQ's grouping over value tuples is compiled for that first use (about 7 ms in a cold <c>csc</c>).
        /// </summary>
        private NameSet(Dictionary<string, int> tagsByName)
        {
            SetStart('\\', 'u');
            SetStart('\\', 'U');
            var low = char.MaxValue;
            var high = char.MinValue;
            foreach (var pair in tagsByName)
            {
                var name = pair.Key;
                var tags = pair.Value;
                if (name.Length == 0)
                {
                    continue;
                }

                var key = Key(name, 0, name.Length);
                filter[(key >> 6) & 1023] |= 1UL << (int)(key & 63);
                if (byKey.TryGetValue(key, out var same))
                {
                    var more = new (string Name, int Tags)[same.Length + 1];
                    same.CopyTo(more, 0);
                    more[same.Length] = (name, tags);
                    byKey[key] = more;
                }
                else
                {
                    byKey[key] = new[] { (name, tags) };
                }

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

                low = name[0] < low ? name[0] : low;
                high = name[0] > high ? name[0] : high;
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

            firstLow = new Vector<ushort>(low);
            firstRange = new Vector<ushort>((ushort)(high - low));
            vectorised = Vector.IsHardwareAccelerated && !nonAsciiStart && low <= high;
        }

        private static bool[] AsciiIdentifierChars()
        {
            var chars = new bool[128];
            for (var c = 0; c < 128; c++)
            {
                chars[c] = char.IsLetterOrDigit((char)c) || c == '_';
            }

            return chars;
        }

        private static IEnumerable<(string Name, int Tags)> WithTag(IEnumerable<string> names, int tags)
        {
            foreach (var name in names)
            {
                yield return (name, tags);
            }
        }

        /// <summary>Names with tags, a name given more than once carrying all of its tags.</summary>
        private static Dictionary<string, int> Combined(IEnumerable<(string Name, int Tags)> names)
        {
            var tagsByName = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (name, tags) in names)
            {
                tagsByName[name] = tagsByName.TryGetValue(name, out var had) ? had | tags : tags;
            }

            return tagsByName;
        }

        private void SetStart(char first, char second) => starts[((first << 7) | second) >> 6] |= 1UL << ((first << 7) | second);

        /// <summary>The text is read a vector at a time (the runtime has vector instructions and no member starts with a non-ASCII character).</summary>
        public bool Vectorised => vectorised;

        public bool Contains(string? name) => name is { Length: > 0 } && TagsOf(name, 0, name.Length) != 0;

        /// <summary>
        /// A <c>\uXXXX</c> (or <c>\UXXXXXXXX</c>) escape that can be part of an identifier: next to an identifier character, and
        /// spelling a letter, a digit or another character identifiers may hold. The escapes of symbols, spaces and surrogate
        /// halves (<c>"\u2248"</c>, <c>"\u00A0"</c>, <c>"\uD835\uDD04"</c>) can only be in a string.
        /// </summary>
        private static bool IsEscapeInIdentifier(string text, int backslash)
        {
            var value = Escape(text, backslash, out var length);
            if (value < 0)
            {
                return false;
            }

            var after = backslash + length;
            if (!(backslash > 0 && IsIdentifierChar(text[backslash - 1])) && !(after < text.Length && IsIdentifierChar(text[after])))
            {
                return false;
            }

            if (value > 0x10FFFF || value is >= 0xD800 and <= 0xDFFF)
            {
                return false;
            }

            var category = value <= 0xFFFF ? CharUnicodeInfo.GetUnicodeCategory((char)value) : CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32((int)value), 0);
            return category is <= UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.ConnectorPunctuation or UnicodeCategory.Format;
        }

        /// <summary>
        /// The tags of the identifier an escape in an identifier (<see cref="IsEscapeInIdentifier"/>) at
        /// <paramref name="backslash"/> would be, spelled out as the compiler reads it (its escapes decoded, format characters
        /// dropped), and where that run of identifier characters and escapes ends. Text only: in a string or a comment the run
        /// is read the same way.
        /// </summary>
        public int TagsOfEscapedRun(string text, int backslash, out int end)
        {
            var start = backslash;
            while (start > 0 && (IsIdentifierChar(text[start - 1]) || Escape(text, start - 1, out _) >= 0))
            {
                start--;
            }

            var spelled = new StringBuilder();
            end = start;
            while (end < text.Length)
            {
                var value = Escape(text, end, out var length);
                if (value >= 0)
                {
                    if (value is > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
                    {
                        break;
                    }

                    var decoded = char.ConvertFromUtf32((int)value);
                    if (CharUnicodeInfo.GetUnicodeCategory(decoded, 0) != UnicodeCategory.Format)
                    {
                        spelled.Append(decoded);
                    }

                    end += length;
                }
                else if (IsIdentifierChar(text[end]))
                {
                    spelled.Append(text[end++]);
                }
                else if (CharUnicodeInfo.GetUnicodeCategory(text[end]) == UnicodeCategory.Format)
                {
                    end++;
                }
                else
                {
                    break;
                }
            }

            end = Math.Max(end, backslash + 1);
            return Tags(spelled.ToString());
        }

        /// <summary>The value the <c>\uXXXX</c> or <c>\UXXXXXXXX</c> escape at <paramref name="at"/> spells and its length (6 or 10), or -1.</summary>
        private static long Escape(string text, int at, out int length)
        {
            length = 0;
            if (at + 1 >= text.Length || text[at] != '\\' || (text[at + 1] != 'u' && text[at + 1] != 'U'))
            {
                return -1;
            }

            var size = text[at + 1] == 'u' ? 6 : 10;
            if (at + size > text.Length)
            {
                return -1;
            }

            var value = 0L;
            for (var k = at + 2; k < at + size; k++)
            {
                var digit = HexValue(text[k]);
                if (digit < 0)
                {
                    return -1;
                }

                value = (value << 4) | (uint)digit;
            }

            length = size;
            return value;
        }

        private static int HexValue(char c) => c is >= '0' and <= '9' ? c - '0' : (c | 0x20) is >= 'a' and <= 'f' ? (c | 0x20) - 'a' + 10 : -1;

        internal static bool IsIdentifierChar(char c) => c < 128 ? IdentifierChars[c] : char.IsLetterOrDigit(c);

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
        /// The start of each name read that has a tag of <paramref name="placeTags"/> (not one spelled with escapes) is added to
        /// <paramref name="places"/>, in order.
        /// </summary>
        public int TagsIn(string text, int wanted, Func<int, (int Tags, int End)>? escape = null, List<int>? places = null, int placeTags = 0)
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
                else if ((tags & placeTags) != 0)
                {
                    places!.Add(start);
                }

                found |= tags;
                if ((found & wanted) == wanted)
                {
                    return found;
                }
            }

            return found;
        }

        /// <summary>The identifier that starts at <paramref name="start"/> is one of the names.</summary>
        public bool IsNameAt(string text, int start)
        {
            var end = start;
            while (end < text.Length && IsIdentifierChar(text[end]))
            {
                end++;
            }

            return end > start && TagsOf(text, start, end - start) != 0;
        }

        /// <summary>
        /// From <paramref name="i"/> on, the next identifier that is one of the names (its start and tags), or the next escape
        /// inside an identifier (<paramref name="escaped"/>); false at the end of the text. <paramref name="i"/> moves past it.
        /// Where the runtime has vector instructions, the text is read a block at a time (32 characters with AVX2) and only the
        /// places where an identifier starts with a character some name starts with, and backslashes, are looked at; most
        /// blocks have a few such places and many have none. Each place, and each place of the text's ends, costs one test of
        /// its two characters against the pairs the names start with (<see cref="starts"/>); only an identifier that starts
        /// with such a pair is read to its end and looked up.
        /// </summary>
        [MethodImpl(AggressiveOptimization)]
        private bool NextName(string text, ref int i, out int start, out int tags, out bool escaped)
        {
            var length = text.Length;
            var width = Vector<ushort>.Count;
            ref var origin = ref MemoryMarshal.GetReference(text.AsSpan());
            while (i < length)
            {
                if (!vectorised || i == 0 || i + 2 * width > length)
                {
                    if (At(text, i, out start, out tags, out escaped, out i))
                    {
                        return true;
                    }

                    continue;
                }

                // Two vectors of characters narrowed to one of bytes, 0xFF at each place to look at, read as 64-bit words.
                var block = i;
                i += 2 * width;
                var places = Vector.AsVectorUInt64(Vector.Narrow(Places(ref origin, block), Places(ref origin, block + width)));
                if (places == Vector<ulong>.Zero)
                {
                    continue;
                }

                for (var word = 0; word < Vector<ulong>.Count; word++)
                {
                    for (var bits = places[word] & 0x0101010101010101UL; bits != 0; bits &= bits - 1)
                    {
                        var place = block + (word * 8) + (LowestBit(bits) >> 3);
                        if (At(text, place, out start, out tags, out escaped, out var next))
                        {
                            i = next;
                            return true;
                        }

                        // An identifier read past the block: the next block starts after it.
                        i = Math.Max(i, next);
                    }
                }
            }

            start = tags = 0;
            escaped = false;
            return false;
        }

        /// <summary>
        /// One place of <see cref="NextName"/>: true when a name or an escape in an identifier starts there; <paramref name="next"/>
        /// is the first place not yet read (after the name, the identifier read, or the place itself).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool At(string text, int i, out int start, out int tags, out bool escaped, out int next)
        {
            start = tags = 0;
            escaped = false;
            next = i + 1;
            var first = text[i];
            var second = i + 1 < text.Length ? text[i + 1] : ' ';
            if (!nonAsciiStart || ((first | second) & 0xFF80) == 0)
            {
                // No name and no escape starts with a non-ASCII character or has one second, unless some name does; before a
                // non-ASCII character (a letter, or a symbol after a one-character name) any pair the first can start is taken.
                if (first >= 128)
                {
                    return false;
                }

                var pair = (first << 7) | (second >= 128 ? ' ' : second);
                if ((starts[pair >> 6] & (1UL << pair)) == 0)
                {
                    return false;
                }
            }

            if (first == '\\')
            {
                if (IsEscapeInIdentifier(text, i))
                {
                    start = i;
                    escaped = true;
                    return true;
                }

                return false;
            }

            if (!IsIdentifierChar(first) || (i > 0 && IsIdentifierChar(text[i - 1])))
            {
                return false;
            }

            var end = i;
            while (++end < text.Length && IsIdentifierChar(text[end]))
            {
            }

            // The character that ended the identifier is read next: it may start an escape.
            next = end;
            var identifierLength = end - i;
            var last = text[end - 1];
            if ((last >= 128 || ((lengthsByEnd[last] >> Math.Min(identifierLength, 63)) & 1) != 0) && (tags = TagsOf(text, i, identifierLength)) != 0)
            {
                start = i;
                return true;
            }

            return false;
        }

        /// <summary>
        /// 0xFFFF at each place of the vector of characters at <paramref name="at"/> that <see cref="At"/> must look at: a
        /// character in the range names start with after one that is not an ASCII identifier character (<see cref="At"/> tells
        /// a non-ASCII letter from a non-breaking space), or a backslash.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Vector<ushort> Places(ref char origin, int at)
        {
            var current = Unsafe.ReadUnaligned<Vector<ushort>>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref origin, at)));
            var previous = Unsafe.ReadUnaligned<Vector<ushort>>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref origin, at - 1)));
            var startsName = Vector.LessThanOrEqual(current - firstLow, firstRange);
            var afterIdentifier = Vector.LessThanOrEqual((previous | new Vector<ushort>(0x20)) - new Vector<ushort>('a'), new Vector<ushort>(25))
                | Vector.LessThanOrEqual(previous - new Vector<ushort>('0'), new Vector<ushort>(9))
                | Vector.Equals(previous, new Vector<ushort>('_'));
            return Vector.AndNot(startsName, afterIdentifier) | Vector.Equals(current, new Vector<ushort>('\\'));
        }

        /// <summary>The index of the lowest set bit of a non-zero word (a de Bruijn multiplication).</summary>
        private static int LowestBit(ulong bits) => DeBruijnBits[((bits & (0UL - bits)) * DeBruijn) >> 58];

        private static byte[] DeBruijnTable()
        {
            var table = new byte[64];
            for (var bit = 0; bit < 64; bit++)
            {
                table[((1UL << bit) * DeBruijn) >> 58] = (byte)bit;
            }

            return table;
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
