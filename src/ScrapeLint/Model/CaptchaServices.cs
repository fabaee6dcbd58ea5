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

        /// <summary>The words a CAPTCHA client's or PuppeteerExtraSharp's assembly name has (in any case).</summary>
        private static readonly string[] AssemblyWords = { "captcha", "capmonster", "capsolver", "PuppeteerExtra" };

        /// <summary>
        /// The compilation may see a CAPTCHA client or PuppeteerExtraSharp, told from names before anything is bound: a
        /// reference's file name has one of their words, or the compilation may see one of their namespaces otherwise
        /// (<see cref="ReferenceHints.MaySee"/>). When this is false, so is <see cref="AnyClientReferenced"/>.
        /// </summary>
        public static bool MayReferenceClient(ReferenceHints hints)
        {
            foreach (var word in AssemblyWords)
            {
                if (hints.MayHaveFileWith(word))
                {
                    return true;
                }
            }

            if (hints.MaySee("PuppeteerExtraSharp"))
            {
                return true;
            }

            foreach (var name in ClientNamespaces)
            {
                if (hints.MaySee(name))
                {
                    return true;
                }
            }

            return false;
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
