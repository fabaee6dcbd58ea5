using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>
    /// The facts the evasion and biometric rules (SL1003, SL3001–SL3004) share, once per compilation: the
    /// crawl model (bodies, sinks, URL shapes, iteration contexts) and the BCL types where a User-Agent, a
    /// proxy or a cookie is set. Library types are recognised by their namespace after a name check, so a
    /// library that is not referenced costs nothing.
    /// </summary>
    internal sealed class EvasionModel
    {
        private static readonly ConditionalWeakTable<Compilation, EvasionModel> Models = new();

        private readonly Lazy<INamedTypeSymbol?> httpHeaders;
        private readonly Lazy<INamedTypeSymbol?> productInfo;
        private readonly Lazy<INamedTypeSymbol?> webHeaderCollection;
        private readonly Lazy<INamedTypeSymbol?> webProxy;
        private readonly Lazy<INamedTypeSymbol?> cookie;
        private readonly Lazy<INamedTypeSymbol?> cookieContainer;
        private int mentionsCaptchaServices;

        private EvasionModel(Compilation compilation)
        {
            Compilation = compilation;
            Crawl = CrawlModel.For(compilation);
            httpHeaders = Type("System.Net.Http.Headers.HttpHeaders");
            productInfo = Type("System.Net.Http.Headers.ProductInfoHeaderValue");
            webHeaderCollection = Type("System.Net.WebHeaderCollection");
            webProxy = Type("System.Net.WebProxy");
            cookie = Type("System.Net.Cookie");
            cookieContainer = Type("System.Net.CookieContainer");
        }

        /// <summary>Some file names a CAPTCHA service (captcha, capmonster, capsolver): only then can a request go to one.</summary>
        public bool MentionsCaptchaServices(CancellationToken cancellationToken)
        {
            if (mentionsCaptchaServices == 0)
            {
                mentionsCaptchaServices = CaptchaServices.MentionedIn(Compilation, Crawl.Texts, cancellationToken) ? 1 : 2;
            }

            return mentionsCaptchaServices == 1;
        }

        public Compilation Compilation { get; }

        public CrawlModel Crawl { get; }

        public INamedTypeSymbol? HttpHeaders => httpHeaders.Value;
        public INamedTypeSymbol? ProductInfoHeaderValue => productInfo.Value;
        public INamedTypeSymbol? WebHeaderCollection => webHeaderCollection.Value;
        public INamedTypeSymbol? WebProxy => webProxy.Value;
        public INamedTypeSymbol? Cookie => cookie.Value;
        public INamedTypeSymbol? CookieContainer => cookieContainer.Value;

        public static EvasionModel For(Compilation compilation) => Models.GetValue(compilation, c => new EvasionModel(c));

        /// <summary>The facts of the body an operation belongs to (null for field initializers).</summary>
        public BodyFacts? FactsOf(IOperation operation, CancellationToken cancellationToken)
            => CrawlModel.BodyOwner(operation.Syntax) is { } owner ? Crawl.Body(owner, operation.SemanticModel, cancellationToken)?.Facts : null;

        public ValueTracer Tracer(IOperation operation, CancellationToken cancellationToken)
            => new ValueTracer(this, FactsOf(operation, cancellationToken), cancellationToken);

        /// <summary>The symbol is declared in the namespace or one of its children (<c>PuppeteerSharp</c>, <c>OpenQA.Selenium</c>).</summary>
        public static bool IsIn(ISymbol? symbol, string namespacePrefix)
        {
            var type = symbol as ITypeSymbol ?? symbol?.ContainingType;
            var name = type?.ContainingNamespace?.ToDisplayString();
            return name is not null
                && name.StartsWith(namespacePrefix, StringComparison.Ordinal)
                && (name.Length == namespacePrefix.Length || name[namespacePrefix.Length] == '.');
        }

        private Lazy<INamedTypeSymbol?> Type(string metadataName) => new Lazy<INamedTypeSymbol?>(() => Compilation.GetTypeByMetadataName(metadataName));
    }
}
