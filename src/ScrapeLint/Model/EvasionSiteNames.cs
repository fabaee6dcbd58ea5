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

        /// <summary>The words that make a common site worth binding (<see cref="Common"/>), in any case.</summary>
        public static readonly string[] MentionWords = { "agent", "cookie", "session", "prox" };

        /// <summary>The names that are neither common nor a post (<see cref="Logins.PostNames"/>): a file that has one is walked.</summary>
        public static readonly string[] Distinctive = Names.Where(name => !Common.Contains(name) && !Logins.PostNames.Contains(name)).ToArray();
    }
}
