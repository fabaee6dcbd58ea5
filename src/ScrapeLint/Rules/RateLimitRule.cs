using Microsoft.CodeAnalysis;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>SL2002: a sequential crawl request with no throttle on its path.</summary>
    internal sealed class RateLimitRule : CrawlRule
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
            RuleIdentifiers.CrawlWithoutRateLimit,
            title: "Crawl without a rate limit",
            messageFormat: "Crawl request '{0}' runs once per {1} with no delay or rate limiter on its path",
            RuleCategories.Crawling,
            DiagnosticSeverity.Warning,
            description: "A crawler that requests pages back to back can overload a site and is treated as an attack. Wait between requests: Task.Delay, a RateLimiter, a throttling handler, or the site's Crawl-delay.");

        public RateLimitRule()
            : base(Rule)
        {
        }

        public override Diagnostic? Check(Request request)
            => request.IsCrawl && !request.IsConcurrent && !request.Safeguards.HasThrottle
                ? Report(request.Location, FixProperties.ForGuard(request), request.ShapeText, request.Iteration!.Description)
                : null;
    }
}
