using Microsoft.CodeAnalysis;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>SL2003: crawl requests fanned out concurrently with no bound.</summary>
    internal sealed class UnboundedConcurrencyRule : CrawlRule
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
            RuleIdentifiers.UnboundedConcurrentCrawl,
            title: "Unbounded concurrent crawl requests",
            messageFormat: "'{0}' starts crawl request '{1}' for every element at once; bound it with MaxDegreeOfParallelism, a SemaphoreSlim or a RateLimiter",
            RuleCategories.Crawling,
            DiagnosticSeverity.Warning,
            description: "Task.WhenAll over a projection, or Parallel.ForEach without MaxDegreeOfParallelism, sends as many requests at once as there are URLs. Against someone else's site that is a denial of service.");

        public UnboundedConcurrencyRule()
            : base(Rule)
        {
        }

        public override Diagnostic? Check(Request request)
        {
            // Reported once per fan-out, at the fan-out call, by its first crawl request in source order.
            var fanOut = request.FanOut;
            return request.IsCrawl && fanOut is { IsBounded: false, FanOutLocation: { } location }
                && !request.Safeguards.HasConcurrencyGate && request.IsFirstInFanOut
                ? Report(location, FixProperties.ForFanOut(fanOut), fanOut.FanOutName, request.ShapeText)
                : null;
        }
    }
}
