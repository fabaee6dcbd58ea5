using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ScrapeLint.CodeFixes
{
    /// <summary>The APIs a fix can call, best first: ScrapeLint.Compliance, System.Threading.RateLimiting, the BCL; and the configured methods.</summary>
    internal sealed class CrawlApis
    {
        private CrawlApis(Compilation compilation)
        {
            Compilation = compilation;
            CrawlPolicy = compilation.GetTypeByMetadataName("ScrapeLint.Compliance.CrawlPolicy");
            CrawlPolicyOptions = compilation.GetTypeByMetadataName("ScrapeLint.Compliance.CrawlPolicyOptions");
            RateLimiter = compilation.GetTypeByMetadataName("System.Threading.RateLimiting.RateLimiter");
            TokenBucketRateLimiter = compilation.GetTypeByMetadataName("System.Threading.RateLimiting.TokenBucketRateLimiter");
            Uri = compilation.GetTypeByMetadataName("System.Uri");
            CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        }

        public Compilation Compilation { get; }

        public INamedTypeSymbol? CrawlPolicy { get; }

        public INamedTypeSymbol? CrawlPolicyOptions { get; }

        public INamedTypeSymbol? RateLimiter { get; }

        public INamedTypeSymbol? TokenBucketRateLimiter { get; }

        public INamedTypeSymbol? Uri { get; }

        public INamedTypeSymbol? CancellationToken { get; }

        /// <summary>ScrapeLint.Compliance is referenced (both the policy and its options resolve).</summary>
        public bool HasCompliance => CrawlPolicy is not null && CrawlPolicyOptions is not null;

        /// <summary>Whether CrawlPolicy has the synchronous <paramref name="name"/>(Uri, CancellationToken) (ScrapeLint.Compliance 0.1 and later).</summary>
        public bool HasSyncOverloadWithToken(string name)
            => CrawlPolicy?.GetMembers(name).OfType<IMethodSymbol>().Any(m => m.Parameters.Length == 2 && IsCancellationToken(m.Parameters[1].Type)) == true;

        public bool HasRateLimiting => RateLimiter is not null && TokenBucketRateLimiter is not null;

        public static CrawlApis For(Compilation compilation) => new CrawlApis(compilation);

        /// <summary>The overloads of a configured method (<c>Namespace.Type.Method</c>), or empty when it does not resolve.</summary>
        public ImmutableArray<IMethodSymbol> Configured(string fullyQualifiedName)
        {
            var dot = fullyQualifiedName.LastIndexOf('.');
            if (dot <= 0 || dot == fullyQualifiedName.Length - 1)
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            var type = Compilation.GetTypeByMetadataName(fullyQualifiedName.Substring(0, dot));
            var name = fullyQualifiedName.Substring(dot + 1);
            return type is null
                ? ImmutableArray<IMethodSymbol>.Empty
                : type.GetMembers(name).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility != Accessibility.Private).ToImmutableArray();
        }

        /// <summary>A field or property of <paramref name="type"/> in the type around <paramref name="position"/> (or its bases) that this context can read.</summary>
        public static string? FindMember(SemanticModel semanticModel, int position, ITypeSymbol type)
        {
            var member = MemberOf(semanticModel.GetEnclosingSymbol(position));
            var isStatic = member?.IsStatic ?? true;
            for (var current = member?.ContainingType; current is not null; current = current.BaseType)
            {
                foreach (var candidate in current.GetMembers())
                {
                    var candidateType = candidate switch
                    {
                        IFieldSymbol field when !field.IsImplicitlyDeclared => field.Type,
                        IPropertySymbol property when property.GetMethod is not null && property.Parameters.IsEmpty => property.Type,
                        _ => null,
                    };
                    if (candidateType is not null
                        && SymbolEqualityComparer.Default.Equals(candidateType, type)
                        && (candidate.IsStatic || !isStatic)
                        && semanticModel.IsAccessible(position, candidate))
                    {
                        return candidate.Name;
                    }
                }
            }

            return null;
        }

        /// <summary>The method, property or constructor a lambda or local function belongs to.</summary>
        public static ISymbol? MemberOf(ISymbol? symbol)
        {
            while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                symbol = symbol.ContainingSymbol;
            }

            return symbol;
        }

        public bool IsCancellationToken(ITypeSymbol type) => SymbolEqualityComparer.Default.Equals(type, CancellationToken);

        public bool IsUri(ITypeSymbol? type) => type is not null && SymbolEqualityComparer.Default.Equals(type, Uri);

        /// <summary>A product token made of the assembly name: letters, digits, '-' and '_'.</summary>
        public string ProductToken()
        {
            var name = new string((Compilation.AssemblyName ?? "").Where(c => (c < 128 && char.IsLetterOrDigit(c)) || c == '-' || c == '_').ToArray());
            return name.Length == 0 ? "Crawler" : name;
        }

        /// <summary>
        /// The crawler's User-Agent: <c>scrapelint.user_agent</c>, else <c>&lt;AssemblyName&gt;/&lt;major.minor&gt; (+https://example.com/bot)</c>
        /// (1.0 when the assembly has no version), with a placeholder contact URL for the user to replace.
        /// </summary>
        public string IdentifyingUserAgent(FixSettings settings)
        {
            if (settings.UserAgent is { } configured)
            {
                return configured;
            }

            var version = Compilation.Assembly.Identity.Version;
            var number = version.Major == 0 && version.Minor == 0 ? "1.0" : version.Major.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + version.Minor.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ProductToken() + "/" + number + " (+https://example.com/bot)";
        }

        public static bool StartsWith(string text, string prefix) => text.StartsWith(prefix, StringComparison.Ordinal);
    }
}
