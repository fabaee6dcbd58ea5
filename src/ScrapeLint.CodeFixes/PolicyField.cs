using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScrapeLint.CodeFixes
{
    /// <summary>The shared field a guard calls: an existing one of the right type, or a new static readonly one.</summary>
    internal static class PolicyField
    {
        /// <summary>
        /// The crawl policy of the type: <c>private static readonly CrawlPolicy crawlPolicy = new CrawlPolicy(new
        /// CrawlPolicyOptions { UserAgent = … })</c>. Static, so static and instance methods share it and every
        /// instance of the crawler paces the same hosts together; the User-Agent is <c>scrapelint.user_agent</c>,
        /// else the assembly's name as a product token with a contact URL to replace.
        /// </summary>
        public static (string Name, MemberDeclarationSyntax? Declaration)? CrawlPolicy(SemanticModel semanticModel, RequestSite site, CrawlApis apis, FixSettings settings)
        {
            var literal = Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(apis.IdentifyingUserAgent(settings), quote: true);
            return Find(semanticModel, site, apis.CrawlPolicy!, "crawlPolicy",
                $"new global::ScrapeLint.Compliance.CrawlPolicy(new global::ScrapeLint.Compliance.CrawlPolicyOptions {{ UserAgent = {literal} }})");
        }

        /// <summary>A token bucket that lets one request through every <c>scrapelint.min_delay_ms</c>, queueing the others.</summary>
        public static (string Name, MemberDeclarationSyntax? Declaration)? RateLimiter(SemanticModel semanticModel, RequestSite site, CrawlApis apis, FixSettings settings)
            => Find(semanticModel, site, apis.RateLimiter!, "rateLimiter",
                $"new global::System.Threading.RateLimiting.TokenBucketRateLimiter(new global::System.Threading.RateLimiting.TokenBucketRateLimiterOptions {{ TokenLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriod = global::System.TimeSpan.FromMilliseconds({settings.MinDelayMs}), QueueLimit = int.MaxValue, AutoReplenishment = true }})");

        private static (string Name, MemberDeclarationSyntax? Declaration)? Find(SemanticModel semanticModel, RequestSite site, ITypeSymbol type, string baseName, string initializer)
        {
            if (CrawlApis.FindMember(semanticModel, site.Request.SpanStart, type) is { } existing)
            {
                return (existing, null);
            }

            if (GuardEditor.ContainingType(site.Request) is not { } typeDeclaration)
            {
                // Top-level statements: a local declared before the first statement, in scope for all of them.
                if (site.Request.SyntaxTree.GetRoot() is not CompilationUnitSyntax unit || !unit.Members.OfType<GlobalStatementSyntax>().Any())
                {
                    return null;
                }

                var local = semanticModel.LookupSymbols(site.Request.SpanStart).OfType<ILocalSymbol>()
                    .FirstOrDefault(l => SymbolEqualityComparer.Default.Equals(l.Type, type));
                if (local is not null)
                {
                    return (local.Name, null);
                }

                var localName = GuardEditor.UniqueName(unit, baseName);
                return (localName, SyntaxFactory.GlobalStatement(GuardEditor.Statement($"var {localName} = {initializer};")));
            }

            if (typeDeclaration is InterfaceDeclarationSyntax)
            {
                return null;
            }

            // Follow the type's convention for private fields (_camelCase or camelCase).
            var underscore = typeDeclaration.Members.OfType<FieldDeclarationSyntax>()
                .SelectMany(f => f.Declaration.Variables)
                .Any(v => v.Identifier.ValueText.StartsWith("_", System.StringComparison.Ordinal));
            var name = GuardEditor.UniqueName(typeDeclaration, underscore ? "_" + baseName : baseName);
            return (name, GuardEditor.Member($"private static readonly global::{type.ToDisplayString()} {name} = {initializer};"));
        }
    }
}
