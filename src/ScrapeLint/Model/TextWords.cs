using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ScrapeLint.Model
{
    /// <summary>
    /// The words the evasion rules look for anywhere in a file's text, not as whole identifiers: a mention word
    /// (<see cref="EvasionSiteNames.MentionWords"/>, in any case where a word starts), a header API's name as written
    /// (<see cref="EvasionSiteNames.HeaderApiWords"/>) and a CAPTCHA service's name ("cap" followed by "tcha", "monster" or
    /// "solver", in any case). One pass finds them all: it had been eleven searches of each text, one per word.
    /// </summary>
    internal static class TextWords
    {
        /// <summary>A mention word (<see cref="EvasionSiteNames.Mentioned(string, int, int)"/>).</summary>
        public const int Mention = 1;

        /// <summary>A header API's name, compared as written.</summary>
        public const int HeaderApi = 2;

        /// <summary>A CAPTCHA service's name (2captcha, anti-captcha, capmonster, capsolver, deathbycaptcha).</summary>
        public const int CaptchaService = 4;

        private const int All = Mention | HeaderApi | CaptchaService;

        /// <summary>See <see cref="NameSet"/>: compiled optimised at once.</summary>
        private const MethodImplOptions AggressiveOptimization = (MethodImplOptions)512;

        private static readonly string[] CaptchaSuffixes = { "tcha", "monster", "solver" };

        /// <summary>
        /// The kinds of words the text has. Where the runtime has vector instructions, a vector of characters at a time is
        /// tested for the three letters every word starts with, in lower case (<c>age</c>, <c>coo</c>, <c>ses</c>, <c>pro</c>,
        /// <c>hea</c> of each header API's "Header", <c>try</c>, <c>cap</c>); only the places that start one are read further.
        /// </summary>
        [MethodImpl(AggressiveOptimization)]
        public static int In(string text)
        {
            var found = 0;
            var i = 0;
            var width = Vector<ushort>.Count;
            if (Vector.IsHardwareAccelerated)
            {
                ref var origin = ref MemoryMarshal.GetReference(text.AsSpan());
                for (; i + width + 2 <= text.Length; i += width)
                {
                    var first = Lower(ref origin, i);
                    var second = Lower(ref origin, i + 1);
                    var third = Lower(ref origin, i + 2);
                    var starts = Starts(first, second, third, 'a', 'g', 'e') | Starts(first, second, third, 'c', 'o', 'o')
                        | Starts(first, second, third, 's', 'e', 's') | Starts(first, second, third, 'p', 'r', 'o')
                        | Starts(first, second, third, 'h', 'e', 'a') | Starts(first, second, third, 't', 'r', 'y')
                        | Starts(first, second, third, 'c', 'a', 'p');
                    if (starts == Vector<ushort>.Zero)
                    {
                        continue;
                    }

                    for (var k = 0; k < width; k++)
                    {
                        if (starts[k] != 0 && (found |= At(text, i + k)) == All)
                        {
                            return All;
                        }
                    }
                }
            }

            for (; i < text.Length; i++)
            {
                if ((found |= At(text, i)) == All)
                {
                    return All;
                }
            }

            return found;
        }

        /// <summary>The characters from <paramref name="at"/> on, ASCII letters in lower case (other characters never equal one then).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<ushort> Lower(ref char origin, int at)
            => Unsafe.ReadUnaligned<Vector<ushort>>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref origin, at))) | new Vector<ushort>(0x20);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<ushort> Starts(Vector<ushort> first, Vector<ushort> second, Vector<ushort> third, char a, char b, char c)
            => Vector.Equals(first, new Vector<ushort>(a)) & Vector.Equals(second, new Vector<ushort>(b)) & Vector.Equals(third, new Vector<ushort>(c));

        /// <summary>The kinds of words that start at <paramref name="at"/>.</summary>
        private static int At(string text, int at)
        {
            var found = EvasionSiteNames.IsMentionWordAt(text, at, text.Length) ? Mention : 0;
            return (text[at] | 0x20) switch
            {
                'c' when IsCaptchaServiceAt(text, at) => found | CaptchaService,
                'h' when IsHeaderApiAt(text, at) => found | HeaderApi,
                't' when IsOrdinalAt(text, at, "TryAddWithoutValidation") => found | HeaderApi,
                _ => found,
            };
        }

        /// <summary>A header API's name has its "Header" at <paramref name="at"/> (every one but <c>TryAddWithoutValidation</c> has one).</summary>
        private static bool IsHeaderApiAt(string text, int at)
        {
            if (!IsOrdinalAt(text, at, "Header"))
            {
                return false;
            }

            foreach (var word in EvasionSiteNames.HeaderApiWords)
            {
                var header = word.IndexOf("Header", StringComparison.Ordinal);
                if (header >= 0 && at >= header && IsOrdinalAt(text, at - header, word))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsCaptchaServiceAt(string text, int at)
        {
            if (!IsLowerAt(text, at, "cap"))
            {
                return false;
            }

            foreach (var suffix in CaptchaSuffixes)
            {
                if (IsLowerAt(text, at + 3, suffix))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsOrdinalAt(string text, int at, string word)
            => at + word.Length <= text.Length && string.CompareOrdinal(text, at, word, 0, word.Length) == 0;

        /// <summary>The lower-case ASCII <paramref name="word"/> is at <paramref name="at"/> in any case.</summary>
        internal static bool IsLowerAt(string text, int at, string word)
        {
            if (at + word.Length > text.Length)
            {
                return false;
            }

            for (var k = 0; k < word.Length; k++)
            {
                if ((text[at + k] | 0x20) != word[k])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
