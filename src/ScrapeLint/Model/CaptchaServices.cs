using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ScrapeLint.Model
{
    /// <summary>
    /// CAPTCHA-solving services (their hosts and client libraries) and the switches and scripts that hide
    /// browser automation from bot detection.
    /// </summary>
    internal static class CaptchaServices
    {
        /// <summary>The services' API hosts (a host matches itself and its subdomains).</summary>
        public static readonly ImmutableArray<string> Hosts = ImmutableArray.Create(
            "2captcha.com", "rucaptcha.com", "anti-captcha.com", "capmonster.cloud", "capsolver.com", "deathbycaptcha.com", "azcaptcha.com",
            "azcaptcha.info", "solvecaptcha.com");

        /// <summary>Root namespaces of the services' .NET clients (2captcha-csharp, Zennolab.CapMonsterCloud.Client, DeathByCaptcha, AntiCaptcha and CapSolver clients).</summary>
        private static readonly string[] ClientNamespaces =
        {
            "TwoCaptcha", "_2Captcha", "Zennolab.CapMonsterCloud", "CapMonsterCloud", "DeathByCaptcha", "AntiCaptcha", "AntiCaptchaAPI", "AntiCaptchaApi",
            "Anticaptcha", "CapSolver", "RuCaptcha", "AzCaptcha",
        };

        /// <summary>Stealth plugins of PuppeteerExtraSharp: they patch the page so bot detection does not see automation.</summary>
        public static readonly string[] EvasionPlugins = { "StealthPlugin", "RecaptchaPlugin", "AnonymizeUaPlugin" };

        /// <summary>A method of a CAPTCHA client that solves a challenge (<c>Solve</c>, <c>SolveAsync</c>, <c>Decode</c>, <c>SolveCaptchaAsync</c>).</summary>
        public static bool IsSolvingMethod(IMethodSymbol method)
            => (method.Name.StartsWith("Solve", StringComparison.Ordinal) || method.Name.StartsWith("Decode", StringComparison.Ordinal)) && IsClientType(method.ContainingType);

        /// <summary>
        /// Whether any source text names a CAPTCHA service: "cap" followed by "tcha", "monster" or "solver", in any case
        /// (2captcha, anti-captcha, rucaptcha, capmonster, capsolver, deathbycaptcha). Read in chunks, no allocation per file.
        /// </summary>
        public static bool MentionedIn(Compilation compilation)
        {
            var chunk = new char[16 * 1024];
            foreach (var tree in compilation.SyntaxTrees)
            {
                var text = tree.GetText();
                for (var start = 0; start < text.Length; start += chunk.Length - 16)
                {
                    var count = Math.Min(chunk.Length, text.Length - start);
                    text.CopyTo(start, chunk, 0, count);
                    for (var i = 0; i + 3 <= count; i++)
                    {
                        if ((chunk[i] | 0x20) == 'c' && (chunk[i + 1] | 0x20) == 'a' && (chunk[i + 2] | 0x20) == 'p'
                            && (Follows(chunk, i + 3, count, "tcha") || Follows(chunk, i + 3, count, "monster") || Follows(chunk, i + 3, count, "solver")))
                        {
                            return true;
                        }
                    }

                    if (start + count >= text.Length)
                    {
                        break;
                    }
                }
            }

            return false;
        }

        private static bool Follows(char[] chunk, int index, int count, string word)
        {
            if (index + word.Length > count)
            {
                return false;
            }

            for (var i = 0; i < word.Length; i++)
            {
                if ((chunk[index + i] | 0x20) != word[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The compilation can see a CAPTCHA client or PuppeteerExtraSharp (its namespaces, from a reference or the source).</summary>
        public static bool AnyClientReferenced(Compilation compilation)
            => KnownSymbols.HasNamespace(compilation, "PuppeteerExtraSharp") || ClientNamespaces.Any(name => KnownSymbols.HasNamespace(compilation, name));

        public static bool IsSolvingName(string name) => name.StartsWith("Solve", StringComparison.Ordinal) || name.StartsWith("Decode", StringComparison.Ordinal);

        public static bool IsClientType(ITypeSymbol? type)
        {
            foreach (var prefix in ClientNamespaces)
            {
                if (EvasionModel.IsIn(type, prefix))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsPluginName(string name) => Array.IndexOf(EvasionPlugins, name) >= 0;

        public static bool IsEvasionPlugin(ITypeSymbol? type) => type is not null && IsPluginName(type.Name) && EvasionModel.IsIn(type, "PuppeteerExtraSharp");

        public static string? HostOf(string host)
        {
            foreach (var service in Hosts)
            {
                if (HostList.IsSameOrSubdomain(host, service))
                {
                    return service;
                }
            }

            return null;
        }

        /// <summary>A launch switch that hides automation: <c>--disable-blink-features=AutomationControlled</c>.</summary>
        public static bool IsEvasionSwitch(string text)
            => BrowserSettings.SwitchValue(text, "disable-blink-features") is { } features && features.IndexOf("AutomationControlled", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>A default switch whose removal hides automation: <c>enable-automation</c> (the "controlled by automated software" flag).</summary>
        public static bool IsAutomationSwitch(string text) => string.Equals(text.TrimStart('-'), "enable-automation", StringComparison.OrdinalIgnoreCase);

        /// <summary>An injected script that overrides <c>navigator.webdriver</c> (reading it is detection, not evasion).</summary>
        public static bool OverridesWebDriver(string script)
            => script.IndexOf("webdriver", StringComparison.Ordinal) >= 0
                && (script.IndexOf("defineProperty", StringComparison.Ordinal) >= 0
                    || script.IndexOf("delete ", StringComparison.Ordinal) >= 0
                    || script.IndexOf("__proto__.webdriver", StringComparison.Ordinal) >= 0);
    }
}
