using Microsoft.CodeAnalysis;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>SL2001: a crawl request with no robots.txt check on its path.</summary>
    internal sealed class RobotsTxtRule : CrawlRule
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
            RuleIdentifiers.CrawlWithoutRobotsCheck,
            title: "Crawl without a robots.txt check",
            messageFormat: "Crawl request '{0}' runs once per {1} and nothing on its path checks robots.txt",
            RuleCategories.Crawling,
            DiagnosticSeverity.Warning,
            description: "A crawler must read the site's robots.txt (RFC 9309) and skip disallowed URLs. Check it in the loop, in the method, in a helper it calls, or in the client's handler pipeline.");

        public RobotsTxtRule()
            : base(Rule)
        {
        }

        public override Diagnostic? Check(Request request)
            => request.IsCrawl && !request.Safeguards.HasRobotsCheck
                ? Report(request.Location, FixProperties.ForGuard(request), request.ShapeText, request.Iteration!.Description)
                : null;
    }
}
