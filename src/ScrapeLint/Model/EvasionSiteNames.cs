using System;
using System.Collections.Generic;
using System.Linq;

namespace ScrapeLint.Model
{
    /// <summary>The names of the sites the evasion rules look at: an invoked method, a created type or an assigned member.</summary>
    internal static class EvasionSiteNames
    {
        private static readonly string[] Names =
            UserAgents.SiteNames.Concat(BrowserSettings.ArgumentSiteNames).Concat(BrowserSettings.ScriptSiteNames)
                .Concat(Proxies.SiteNames).Concat(SessionCookies.SiteNames).Concat(CaptchaServices.EvasionPlugins)
                .Concat(HeaderEntries.DictionarySiteNames).Concat(Logins.TypingNames).Concat(Logins.PostNames)
                .Concat(SessionCookies.RestoreSiteNames)
                .ToArray();

        /// <summary>Every name some rule looks at: one lookup rejects almost every node before the rules are asked.</summary>
        public static readonly NameSet Any = new NameSet(Names);

        /// <summary>
        /// Site names every codebase uses for other things (<c>list.Add</c>, <c>dict[key] = …</c>, <c>Address = …</c>): such a
        /// site is bound only when its own text, or its statement's for a proxy setting, names a User-Agent, a cookie, a
        /// session or a proxy, or when it copies a header dictionary in a loop.
        /// </summary>
        public static readonly HashSet<string> Common = new HashSet<string>(StringComparer.Ordinal)
        {
            "Add", "Set", "[]", "TryAddWithoutValidation", "AddHeader", "AddDefaultHeader", "WithHeader", "Address", "Server",
        };

        /// <summary>
        /// The words that make a common site worth binding (<see cref="Common"/>), in any case, where a word can start
        /// (<see cref="Mentioned(string, int, int)"/>).
        /// </summary>
        public static readonly string[] MentionWords = { "agent", "cookie", "session", "prox" };

        /// <summary>
        /// The names that make a file's common sites worth walking for a header dictionary copied in a loop or a header name
        /// spelled in parts: the header APIs those sites call (<c>request.Headers</c>, <c>AddHeader</c>, <c>WithHeader</c>,
        /// <c>WebHeaderCollection</c>…). Compared as written: "header" in any case is every table and e-mail parser's word.
        /// </summary>
        public static readonly string[] HeaderApiWords = { "Headers", "AddHeader", "AddDefaultHeader", "WithHeader", "HeaderCollection", "TryAddWithoutValidation" };

        /// <summary>
        /// The text between <paramref name="start"/> and <paramref name="end"/> has a mention word. One pass: only a character that
        /// can start a word is looked at further, and the rest of the word is compared by hand (the words are ASCII letters;
        /// <c>string.Compare</c> with <c>OrdinalIgnoreCase</c> cost 100 ns a call, and one in four characters starts one of them).
        /// </summary>
        public static bool Mentioned(string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (IsMentionWordAt(text, i, end))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A mention word starts at <paramref name="at"/> and ends by <paramref name="end"/>.</summary>
        internal static bool IsMentionWordAt(string text, int at, int end)
        {
            var word = (text[at] | 0x20) switch
            {
                'a' => "agent",
                'c' => "cookie",
                's' => "session",
                'p' => "prox",
                _ => null,
            };
            return word is not null && at + word.Length <= end && IsMentionAt(text, at, word);
        }

        /// <summary>Adds to <paramref name="places"/> where the text has a mention word (<see cref="Mentioned(string, int, int)"/>).</summary>
        public static void AddMentionPlaces(string text, List<int> places)
        {
            foreach (var word in MentionWords)
            {
                for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.OrdinalIgnoreCase))
                {
                    if (IsMentionAt(text, at, word))
                    {
                        places.Add(at);
                    }
                }
            }
        }

        /// <summary>
        /// The lower-case ASCII <paramref name="word"/> is at <paramref name="at"/> in any case, where a word starts: after anything
        /// but a lower-case letter, or with an upper-case letter (<c>proxy</c>, <c>webProxy</c>, <c>User-Agent</c>, <c>session_id</c>,
        /// <c>JSESSIONID</c>). Inside a lower-case word it is some other word: <c>approx</c>, <c>possession</c>, <c>reagent</c>.
        /// </summary>
        private static bool IsMentionAt(string text, int at, string word)
            => !(at > 0 && text[at - 1] is >= 'a' and <= 'z' && text[at] is not (>= 'A' and <= 'Z')) && TextWords.IsLowerAt(text, at, word);

        /// <summary>The names that are neither common nor a post (<see cref="Logins.PostNames"/>): a file that has one is walked.</summary>
        public static readonly string[] Distinctive = Names.Where(name => !Common.Contains(name) && !Logins.PostNames.Contains(name)).ToArray();
    }
}
