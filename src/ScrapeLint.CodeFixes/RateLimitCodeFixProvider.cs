using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScrapeLint.CodeFixes
{
    /// <summary>
    /// SL2002: waits before the request — the first fitting method of <c>scrapelint.rate_limit_methods</c>, else
    /// <c>CrawlPolicy.WaitTurnAsync</c>/<c>WaitTurn</c> (ScrapeLint.Compliance), else a shared token-bucket
    /// <c>RateLimiter</c> (System.Threading.RateLimiting, async code), else <c>Task.Delay</c>/<c>Thread.Sleep</c>
    /// of <c>scrapelint.min_delay_ms</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RateLimitCodeFixProvider))]
    public sealed class RateLimitCodeFixProvider : CrawlCodeFixProvider
    {
        public const string ConfiguredKey = RuleIdentifiers.CrawlWithoutRateLimit + ".ConfiguredMethod";
        public const string CrawlPolicyKey = RuleIdentifiers.CrawlWithoutRateLimit + ".CrawlPolicy";
        public const string RateLimiterKey = RuleIdentifiers.CrawlWithoutRateLimit + ".RateLimiter";
        public const string DelayKey = RuleIdentifiers.CrawlWithoutRateLimit + ".Delay";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.CrawlWithoutRateLimit);

        internal override FixPlan? Plan(Document document, SyntaxNode root, SemanticModel semanticModel, CrawlTarget target, CancellationToken cancellationToken)
        {
            if (RequestSite.Find(semanticModel, target.Reported, target.Iteration, cancellationToken) is not { } site)
            {
                return null;
            }

            var apis = CrawlApis.For(semanticModel.Compilation);
            var settings = FixSettings.For(document, root.SyntaxTree);
            var scope = GuardEditor.ContainingType(site.Request) ?? root;
            var url = UrlReference.For(semanticModel, target.Url, target.Reported, scope, apis, cancellationToken);
            var token = site.CancellationToken is { } name ? ", " + name : "";

            if (ConfiguredCall.Find(settings.RateLimitMethods, apis, semanticModel, site, url, mustReturnBool: false) is { } configured)
            {
                // The URL's local is introduced only when the call passes the URL.
                var local = url is not null && configured.Call.Contains(url.Text) ? url.Local : null;
                return Plan($"Wait for {configured.Method.ContainingType.Name}.{configured.Method.Name} before each request", ConfiguredKey, site, configured.Call + ";", local, null);
            }

            if (apis.HasCompliance && url is not null && PolicyField.CrawlPolicy(semanticModel, site, apis, settings) is { } policy)
            {
                return site.IsAsync
                    ? Plan("Wait for the host's turn (CrawlPolicy.WaitTurnAsync)", CrawlPolicyKey, site, $"await {policy.Name}.WaitTurnAsync({url.UriText}{token});", url.Local, policy.Declaration)
                    : Plan("Wait for the host's turn (CrawlPolicy.WaitTurn)", CrawlPolicyKey, site, $"{policy.Name}.WaitTurn({url.UriText}{(apis.HasSyncOverloadWithToken("WaitTurn") ? token : "")});", url.Local, policy.Declaration);
            }

            // A lease is disposed by a using declaration (C# 8); a sync loop cannot await the limiter.
            if (apis.HasRateLimiting && site.IsAsync && site.Anchor?.Parent is BlockSyntax
                && root.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 }
                && PolicyField.RateLimiter(semanticModel, site, apis, settings) is { } limiter)
            {
                var lease = GuardEditor.UniqueName(scope, "lease");
                return Plan("Wait for a shared rate limiter (RateLimiter.AcquireAsync)", RateLimiterKey, site, $"using var {lease} = await {limiter.Name}.AcquireAsync(1{token});", null, limiter.Declaration);
            }

            var delay = settings.MinDelayMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return site.IsAsync
                ? Plan($"Wait {delay} ms before each request (Task.Delay)", DelayKey, site, $"await global::System.Threading.Tasks.Task.Delay({delay}{token});", null, null)
                : Plan($"Wait {delay} ms before each request (Thread.Sleep)", DelayKey, site, $"global::System.Threading.Thread.Sleep({delay});", null, null);
        }

        private static FixPlan Plan(string title, string key, RequestSite site, string statement, (ExpressionSyntax, string)? local, MemberDeclarationSyntax? field)
        {
            var wait = GuardEditor.Statement(statement);
            return new FixPlan(title, key, r => GuardEditor.Insert(r, site, new List<StatementSyntax> { wait }, local, field));
        }
    }
}
