using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>
    /// SL3003: a CAPTCHA-solving service (its API host or its client library) or bot-detection evasion
    /// (PuppeteerExtraSharp stealth and reCAPTCHA plugins, scripts that override <c>navigator.webdriver</c>,
    /// <c>--disable-blink-features=AutomationControlled</c>, excluding the <c>enable-automation</c> switch).
    /// Code that only detects a CAPTCHA page is silent.
    /// </summary>
    internal sealed class CaptchaOrBotEvasionRule : EvasionRule
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
            RuleIdentifiers.CaptchaOrBotEvasion,
            title: "CAPTCHA solving or bot-detection evasion",
            messageFormat: "{0} gets the crawler past the site's bot defences: a site that asks for proof of a human has refused automated access",
            RuleCategories.Evasion,
            DiagnosticSeverity.Warning,
            description: "CAPTCHAs and bot detection are how a site says no to automated access; solving them through a paid service or hiding the automation from them circumvents a technical protection measure.");

        public CaptchaOrBotEvasionRule()
            : base(Rule)
        {
        }

        public override bool IsCandidate(string name, EvasionModel model, CancellationToken cancellationToken)
            => CaptchaServices.IsPluginName(name) || BrowserSettings.ArgumentSiteNames.Contains(name) || BrowserSettings.ScriptSiteNames.Contains(name)
                || ((CaptchaServices.IsSolvingName(name) || model.Crawl.Catalog.IsSinkName(name)) && model.MentionsCaptchaServices(cancellationToken));

        public override IEnumerable<Diagnostic> Check(EvasionSite site)
        {
            if (Evidence(site) is { } evidence)
            {
                yield return Report(site.Node, evidence);
            }
        }

        private static string? Evidence(EvasionSite site)
        {
            switch (site.Operation)
            {
                case IInvocationOperation invocation when CaptchaServices.IsSolvingMethod(invocation.TargetMethod):
                    return $"CAPTCHA-solving client call '{invocation.TargetMethod.ContainingType.Name}.{invocation.TargetMethod.Name}'";
                case IObjectCreationOperation creation when CaptchaServices.IsEvasionPlugin(creation.Type):
                    return $"PuppeteerExtraSharp's '{creation.Type!.Name}'";
            }

            foreach (var argument in BrowserSettings.Arguments(site.Operation, () => site.Tracer))
            {
                foreach (var text in argument.Texts.Select(t => t.Text).Where(t => t is not null))
                {
                    if (!argument.IsExcluded && CaptchaServices.IsEvasionSwitch(text!))
                    {
                        return $"Browser switch '{text}'";
                    }

                    if (argument.IsExcluded && CaptchaServices.IsAutomationSwitch(text!))
                    {
                        return "Removing the browser's 'enable-automation' switch";
                    }
                }
            }

            foreach (var script in BrowserSettings.Scripts(site.Operation))
            {
                if (site.Tracer.Trace(script).FirstOrDefault(v => v.Text is not null && CaptchaServices.OverridesWebDriver(v.Text)) is { } injected)
                {
                    return $"A script from {injected.Origin} that overrides navigator.webdriver";
                }
            }

            if (site.Node is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax && site.Model.Crawl.Catalog.IsSinkName(site.Operation is IInvocationOperation call ? call.TargetMethod.Name : "")
                && site.Model.Crawl.GetRequest(site.Node, site.Operation.SemanticModel!, site.Options, site.CancellationToken) is { Shape.HostSuffix: { } host }
                && CaptchaServices.HostOf(host) is { } service)
            {
                return $"A request to the CAPTCHA-solving service '{service}'";
            }

            return null;
        }
    }
}
