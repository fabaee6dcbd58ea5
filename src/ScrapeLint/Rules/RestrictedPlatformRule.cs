using Microsoft.CodeAnalysis;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>SL4001: any request to the web host of a platform whose terms forbid automated access.</summary>
    internal sealed class RestrictedPlatformRule : CrawlRule
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
            RuleIdentifiers.RestrictedPlatform,
            title: "Automated access to a platform that forbids it",
            messageFormat: "Automated request to '{0}': the terms of {1} forbid automated access to its web pages; use its official API",
            RuleCategories.Terms,
            DiagnosticSeverity.Info,
            description: "Facebook, Instagram, LinkedIn, X/Twitter, TikTok, YouTube, VK and Threads forbid scraping their web pages in their terms of service and have sued scrapers. Their official APIs are exempt.");

        public RestrictedPlatformRule()
            : base(Rule)
        {
        }

        public override Diagnostic? Check(Request request)
            => request.RestrictedDomain is { } domain && !request.IsExempt
                ? Report(request.Location, request.ShapeText, domain)
                : null;
    }
}
