using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>
    /// SL3002: a proxy chosen per request or per iteration: a <c>WebProxy</c>, handler proxy or
    /// <c>--proxy-server=</c> switch created inside an iteration context with an address that changes with it, or
    /// picked from a collection by index, at random or in turn. One fixed proxy is silent.
    /// </summary>
    internal sealed class RotatingProxyRule : EvasionRule
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
            RuleIdentifiers.RotatingProxies,
            title: "Rotating proxies",
            messageFormat: "Proxy '{0}' is {1}: rotating proxies spread a crawler over many addresses so the site cannot rate-limit or block it",
            RuleCategories.Evasion,
            DiagnosticSeverity.Warning,
            description: "Rotating proxies exist to defeat per-address rate limits and blocks: the site has asked the crawler to slow down or stop, and the rotation makes that request impossible to enforce.");

        public RotatingProxyRule()
            : base(Rule)
        {
        }

        public override bool IsCandidate(string name, EvasionModel model, CancellationToken cancellationToken) => Proxies.SiteNames.Contains(name) || BrowserSettings.ArgumentSiteNames.Contains(name);

        public override IEnumerable<Diagnostic> Check(EvasionSite site)
        {
            if ((Proxies.Address(site.Operation, site.Model, () => site.Facts) ?? Proxies.InitializerAddress(site.Operation, site.Model)) is { } address)
            {
                var values = site.Tracer.Trace(address);
                if (Rotation(values, address, site) is { } rotation)
                {
                    yield return Report(site.Node, Name(values, address), rotation);
                }

                yield break;
            }

            foreach (var argument in BrowserSettings.Arguments(site.Operation, () => site.Tracer))
            {
                var proxies = argument.IsExcluded ? new List<TracedValue>() : argument.Texts
                    .Where(t => t.Text is not null && BrowserSettings.SwitchValue(t.Text, Proxies.ProxySwitch) is not null).ToList();
                if (proxies.Count > 0 && Rotation(proxies, argument.Value, site) is { } rotation)
                {
                    yield return Report(site.Node, BrowserSettings.SwitchValue(proxies[0].Text!, Proxies.ProxySwitch)!, rotation);
                    yield break;
                }
            }
        }

        private static string? Rotation(List<TracedValue> values, IOperation address, EvasionSite site)
        {
            if (values.FirstOrDefault(v => v.Pick is not null)?.Pick is { } pick)
            {
                return pick.How == "one per iteration" ? $"a different element of '{pick.Collection}' on each iteration" : $"picked {pick.How} from '{pick.Collection}'";
            }

            if (values.Count > 0 && values.All(v => v.Text is not null && v.Text.IndexOf('{') < 0))
            {
                return null;
            }

            var crawl = site.Model.Crawl;
            if (CrawlModel.BodyOwner(site.Node) is not { } owner || crawl.Body(owner, site.Operation.SemanticModel, site.CancellationToken) is not { } body)
            {
                return null;
            }

            var classifier = new RequestClassifier(crawl, body, ScrapeLintOptions.For(site.Options, site.Node.SyntaxTree), site.CancellationToken);
            foreach (var context in classifier.Contexts(new FoundRequest(site.Operation, SinkKind.Http, null, null, null)))
            {
                if (context.Kind != IterationKind.StartedTask && new ShapeEvaluator(body.Facts, crawl, context.Node).Evaluate(address).IsVariant)
                {
                    return $"created anew for each {context.Description}";
                }
            }

            return null;
        }

        private static string Name(List<TracedValue> values, IOperation address)
            => values.Count == 1 && values[0].Text is { } text ? text : "{" + ShapeEvaluator.NameOf(ValueTracer.Strip(address)) + "}";
    }
}
