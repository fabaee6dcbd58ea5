using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>
    /// SL3001: a browser's User-Agent set on an HTTP client, a request or a browser, followed through
    /// constants, fields and arrays. A rotation list is one finding with a stronger message; a crawler
    /// string with a bot token and a contact URL is silent.
    /// </summary>
    internal sealed class BrowserUserAgentRule : EvasionRule
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
            RuleIdentifiers.BrowserUserAgent,
            title: "Browser-impersonating User-Agent",
            messageFormat: "{0} is set on {1}: a crawler identifies itself with its own product token and a contact URL",
            RuleCategories.Evasion,
            DiagnosticSeverity.Warning,
            description: "A crawler that sends a browser's User-Agent hides from the site's robots.txt groups, rate limits and bot policies; sites and their users cannot tell who collects their pages.");

        public BrowserUserAgentRule()
            : base(Rule)
        {
        }

        public override bool IsCandidate(string name, EvasionModel model, CancellationToken cancellationToken)
            => UserAgents.SiteNames.Contains(name) || BrowserSettings.ArgumentSiteNames.Contains(name) || HeaderEntries.DictionarySiteNames.Contains(name);

        public override IEnumerable<Diagnostic> Check(EvasionSite site)
        {
            if (UserAgents.Site(site.Operation, site.Model) is { } setting && Evidence(Values(setting.Value, site), out var rotation) is { } evidence)
            {
                yield return Report(site.Node, FixProperties.ForUserAgent(setting.Value.Syntax.Span, switchValue: false, rotation), evidence, setting.Target);
                yield break;
            }

            if (HeaderEntries.Dictionary(site.Operation, () => site.Facts) is { } dictionary)
            {
                // The entries are written elsewhere (another member or type): no fix edits them from here.
                var values = HeaderEntries.Named(dictionary, UserAgents.HeaderName, site.Model, site.CancellationToken)
                    .SelectMany(e => new ValueTracer(site.Model, e.Facts, site.CancellationToken).Trace(e.Value)).ToList();
                if (Evidence(values, out _) is { } entryEvidence)
                {
                    yield return Report(site.Node, entryEvidence + " in a header dictionary", dictionary.Target);
                }

                yield break;
            }

            foreach (var argument in BrowserSettings.Arguments(site.Operation, () => site.Tracer))
            {
                var agents = argument.IsExcluded ? new List<TracedValue>() : argument.Texts
                    .Select(t => t.Text is null ? null : BrowserSettings.SwitchValue(t.Text, "user-agent") is { } agent ? new TracedValue(agent, t.Origin, t.Pick) : null)
                    .Where(t => t is not null).Cast<TracedValue>().ToList();
                if (Evidence(agents, out var switchRotation) is { } switchEvidence)
                {
                    yield return Report(site.Node, FixProperties.ForUserAgent(argument.Value.Syntax.Span, switchValue: true, switchRotation), switchEvidence, "the browser's --user-agent switch");
                    yield break;
                }
            }
        }

        /// <summary>The strings a User-Agent value can be; <c>new ProductInfoHeaderValue("Mozilla", "5.0")</c> is <c>Mozilla/5.0</c>.</summary>
        private static List<TracedValue> Values(IOperation value, EvasionSite site)
        {
            var stripped = ValueTracer.Strip(value);
            if (stripped is IObjectCreationOperation { Arguments.Length: 2 } product && KnownSymbols.Is(product.Type, site.Model.ProductInfoHeaderValue))
            {
                var name = site.Tracer.Trace(product.Arguments[0].Value).FirstOrDefault();
                return name?.Text is null ? new List<TracedValue>() : new List<TracedValue> { new TracedValue(name.Text + "/", name.Origin, name.Pick) };
            }

            if (stripped is IInvocationOperation { TargetMethod.Name: "Parse", Arguments.Length: 1 } parse && KnownSymbols.Is(parse.TargetMethod.ContainingType, site.Model.ProductInfoHeaderValue))
            {
                return site.Tracer.Trace(parse.Arguments[0].Value);
            }

            return site.Tracer.Trace(value);
        }

        /// <summary>The message's evidence, and the collection's name when the value is one of several browser strings picked from it.</summary>
        private static string? Evidence(List<TracedValue> values, out string? rotation)
        {
            rotation = null;
            var browsers = values.Where(v => v.Text is not null && UserAgents.IsBrowser(v.Text) && !UserAgents.IsIdentifyingBot(v.Text)).ToList();
            if (browsers.Count == 0)
            {
                return null;
            }

            var distinct = browsers.Select(b => b.Text).Distinct().Count();
            if (distinct > 1 && browsers.FirstOrDefault(b => b.Pick is not null)?.Pick is { } pick)
            {
                rotation = pick.Collection;
                return $"A User-Agent picked {pick.How} from {distinct} browser strings in '{pick.Collection}' (rotated to pass as many different visitors)";
            }

            var first = browsers[0];
            return $"Browser User-Agent '{Short(first.Text!)}' from {first.Origin}";
        }
    }
}
