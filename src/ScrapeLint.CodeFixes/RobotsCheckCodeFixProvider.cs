using System.Collections.Generic;
using System.Linq;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScrapeLint.CodeFixes
{
    /// <summary>
    /// SL2001: guards the request with a robots.txt check and skips disallowed URLs — the first fitting method
    /// of <c>scrapelint.robots_check_methods</c>, else <c>CrawlPolicy.IsAllowedAsync</c>/<c>IsAllowed</c> when
    /// ScrapeLint.Compliance is referenced. Without either there is nothing to call, and no fix.
    /// </summary>
    [ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(RobotsCheckCodeFixProvider))]
    public sealed class RobotsCheckCodeFixProvider : CrawlCodeFixProvider
    {
        public const string ConfiguredKey = RuleIdentifiers.CrawlWithoutRobotsCheck + ".ConfiguredMethod";
        public const string CrawlPolicyKey = RuleIdentifiers.CrawlWithoutRobotsCheck + ".CrawlPolicy";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.CrawlWithoutRobotsCheck);

        internal override FixPlan? Plan(Document document, SyntaxNode root, SemanticModel semanticModel, CrawlTarget target, CancellationToken cancellationToken)
        {
            if (RequestSite.Find(semanticModel, target.Reported, target.Iteration, cancellationToken) is not { Skip: not SkipKind.None } site)
            {
                return null;
            }

            var apis = CrawlApis.For(semanticModel.Compilation);
            var settings = FixSettings.For(document, root.SyntaxTree);
            var scope = GuardEditor.ContainingType(site.Request) ?? root;
            if (UrlReference.For(semanticModel, target.Url, target.Reported, scope, apis, cancellationToken) is not { } url)
            {
                return null;
            }

            string condition;
            string title;
            string key;
            MemberDeclarationSyntax? field = null;
            if (ConfiguredCall.Find(settings.RobotsCheckMethods, apis, semanticModel, site, url, mustReturnBool: true) is { } configured)
            {
                condition = configured.Call;
                title = $"Skip URLs robots.txt disallows ({configured.Method.ContainingType.Name}.{configured.Method.Name})";
                key = ConfiguredKey;
            }
            else if (apis.HasCompliance && PolicyField.CrawlPolicy(semanticModel, site, apis, settings) is { } policy)
            {
                field = policy.Declaration;
                condition = site.IsAsync
                    ? $"await {policy.Name}.IsAllowedAsync({url.UriText}{(site.CancellationToken is { } token ? ", " + token : "")})"
                    : $"{policy.Name}.IsAllowed({url.UriText}{(site.CancellationToken is { } syncToken && apis.HasSyncOverloadWithToken("IsAllowed") ? ", " + syncToken : "")})";
                title = site.IsAsync ? "Skip URLs robots.txt disallows (CrawlPolicy.IsAllowedAsync)" : "Skip URLs robots.txt disallows (CrawlPolicy.IsAllowed)";
                key = CrawlPolicyKey;
            }
            else
            {
                return null;
            }

            var skip = site.Skip == SkipKind.Continue ? "continue;" : ReturnStatement(site, semanticModel);
            var guard = GuardEditor.Statement($"if (!{condition})\n{{\n{skip}\n}}");
            var beforeWaits = GuardEditor.FirstWaitBefore(site.Anchor, settings.RateLimitMethods);
            return new FixPlan(title, key, r => GuardEditor.Insert(r, site, new List<StatementSyntax> { guard }, url.Local, field, beforeWaits));
        }

        /// <summary>
        /// The early return of a lambda: nothing, or no result for the skipped element. Where nullable annotations
        /// are on and the lambda's results are never null, <c>null!</c>: a plain <c>null</c> would make the lambda's
        /// inferred result nullable and the projection's type mismatch its target (CS8619).
        /// </summary>
        private static string ReturnStatement(RequestSite site, SemanticModel semanticModel)
        {
            if (site.ResultType is null)
            {
                return "return;";
            }

            if (!site.ResultType.IsReferenceType)
            {
                return site.ResultType.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T ? "return null;" : "return default;";
            }

            if (!semanticModel.GetNullableContext(site.Request.SpanStart).AnnotationsEnabled())
            {
                return "return null;";
            }

            var results = site.Function is LambdaExpressionSyntax { ExpressionBody: { } body }
                ? new[] { body }
                : site.Function.DescendantNodes()
                    .OfType<ReturnStatementSyntax>()
                    .Where(r => r.Expression is not null && r.Ancestors().First(RequestSite.IsFunction) == site.Function)
                    .Select(r => r.Expression!)
                    .ToArray();
            var mayBeNull = results.Any(r => semanticModel.GetTypeInfo(r).Nullability.FlowState == NullableFlowState.MaybeNull);
            return mayBeNull ? "return null;" : "return null!;";
        }
    }
}
