using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

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
        private readonly ConcurrentDictionary<ISymbol, List<(IOperation Call, BodyFacts? Facts)>> calls = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, Dictionary<string, List<SyntaxNode>>> callSites = new();
        private readonly ConcurrentDictionary<ISymbol, List<(IOperation Use, BodyFacts? Facts)>> uses = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, List<string>> typeHosts = new(SymbolEqualityComparer.Default);

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

        /// <summary>
        /// Some file names a CAPTCHA service (captcha, capmonster, capsolver): only then can a request go to one. Read from the
        /// files' scan, which the evasion analyzer's start makes with the project's options.
        /// </summary>
        public bool MentionsCaptchaServices(CancellationToken cancellationToken)
            => (Crawl.Mentions(null, cancellationToken).InAnyFile & FileMentions.CaptchaServiceWord) != 0;

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

        /// <summary>
        /// The project's calls of one of its methods (or constructors), in every file: only files whose text names the method
        /// are walked, and only invocations and creations by that name are bound. Computed once per method.
        /// </summary>
        public List<(IOperation Call, BodyFacts? Facts)> CallsOf(IMethodSymbol method, CancellationToken cancellationToken)
            => calls.GetOrAdd(method.OriginalDefinition, m => FindCalls((IMethodSymbol)m, cancellationToken));

        /// <summary>
        /// The places in the project that refer to a field or property of it (its uses: <c>x.Headers["User-Agent"] = …</c>,
        /// <c>Headers.Add(…)</c>), as the operation of the reference's parent. Only the places where the text has the member's
        /// name as a whole identifier are looked at (a name spelled with escapes is not found), and a private member's only
        /// inside its type.
        /// </summary>
        public List<(IOperation Use, BodyFacts? Facts)> UsesOf(ISymbol member, CancellationToken cancellationToken)
            => uses.GetOrAdd(member.OriginalDefinition, m => FindUses(m, cancellationToken));

        /// <summary>
        /// The hosts a type of the project names: those of the requests its members make (any member: the platform named in one
        /// method, the cookie set in the constructor) and of the absolute URLs written as literals anywhere in it. Once per type.
        /// </summary>
        public List<string> TypeHosts(INamedTypeSymbol type, ScrapeLintOptions options, CancellationToken cancellationToken)
            => typeHosts.GetOrAdd(type.OriginalDefinition, t => FindTypeHosts((INamedTypeSymbol)t, options, cancellationToken));

        private List<string> FindTypeHosts(INamedTypeSymbol type, ScrapeLintOptions options, CancellationToken cancellationToken)
        {
            var hosts = new List<string>();
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor or MethodKind.PropertyGet } method && Crawl.Body(method, cancellationToken) is { } body)
                {
                    var evaluator = new ShapeEvaluator(body.Facts, Crawl, scope: null);
                    foreach (var found in body.Find(options, cancellationToken))
                    {
                        if (body.Shape(found, evaluator).HostSuffix is { } host)
                        {
                            hosts.Add(host);
                        }
                    }
                }
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                foreach (var literal in reference.GetSyntax(cancellationToken).DescendantTokens())
                {
                    if (literal.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken) || literal.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.InterpolatedStringTextToken))
                    {
                        var text = literal.ValueText;
                        if (text.IndexOf("://", StringComparison.Ordinal) > 0 && SessionCookies.HostOf(text) is { } host)
                        {
                            hosts.Add(host);
                        }
                    }
                }
            }

            return hosts;
        }

        private List<(IOperation, BodyFacts?)> FindCalls(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var result = new List<(IOperation, BodyFacts?)>();
            var name = method.MethodKind == MethodKind.Constructor ? method.ContainingType.Name : method.Name;
            foreach (var tree in Compilation.SyntaxTrees)
            {
                // A file's calls are indexed by name the first time a traced method is named in it: n helpers of one file
                // cost one walk of the file, not n (issue 18: n User-Agent helpers were O(n²)).
                if (!callSites.TryGetValue(tree, out var sites))
                {
                    if (Crawl.Texts.Of(tree, cancellationToken).IndexOf(name, StringComparison.Ordinal) < 0)
                    {
                        continue;
                    }

                    sites = callSites.GetOrAdd(tree, t => IndexCallSites(t, cancellationToken));
                }

                IEnumerable<SyntaxNode> nodes = sites.TryGetValue(name, out var named) ? named : Array.Empty<SyntaxNode>();
                if (method.MethodKind == MethodKind.Constructor)
                {
                    // In document order, as one walk of the file would find them.
                    nodes = nodes
                        .Concat(sites.TryGetValue(CreationKey + name, out var created) ? created : Array.Empty<SyntaxNode>())
                        .Concat(sites.TryGetValue(CreationKey, out var implicitly) ? implicitly : Array.Empty<SyntaxNode>())
                        .OrderBy(n => n.SpanStart);
                }

                SemanticModel? semanticModel = null;
                foreach (var node in nodes)
                {
#pragma warning disable RS1030 // The driver's semantic models are cached per tree: this one is shared, not rebuilt.
                    semanticModel ??= Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    var call = semanticModel.GetOperation(node, cancellationToken);
                    var target = call switch
                    {
                        IInvocationOperation invocation => invocation.TargetMethod,
                        IObjectCreationOperation creation => creation.Constructor,
                        _ => null,
                    };
                    if (call is not null && SymbolEqualityComparer.Default.Equals(target?.OriginalDefinition, method.OriginalDefinition))
                    {
                        result.Add((call, FactsOf(call, cancellationToken)));
                    }
                }
            }

            return result;
        }

        /// <summary>Prefix of the index key of <c>new T(…)</c> (<c>"new T"</c>); the key alone holds <c>new(…)</c> and <c>: this(…)</c>/<c>: base(…)</c>.</summary>
        private const string CreationKey = "new ";

        /// <summary>A file's invocations by invoked name and its object creations by created type (see <see cref="CreationKey"/>).</summary>
        private static Dictionary<string, List<SyntaxNode>> IndexCallSites(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var index = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                var key = node switch
                {
                    InvocationExpressionSyntax invocation => SyntaxIndex.InvokedName(invocation),
                    ObjectCreationExpressionSyntax { Type: SimpleNameSyntax simple } => CreationKey + simple.Identifier.ValueText,
                    ImplicitObjectCreationExpressionSyntax or ConstructorInitializerSyntax => CreationKey,
                    _ => null,
                };
                if (key is null)
                {
                    continue;
                }

                if (!index.TryGetValue(key, out var nodes))
                {
                    index[key] = nodes = new List<SyntaxNode>();
                }

                nodes.Add(node);
            }

            return index;
        }

        private List<(IOperation, BodyFacts?)> FindUses(ISymbol member, CancellationToken cancellationToken)
        {
            var result = new List<(IOperation, BodyFacts?)>();
            var name = member.Name;
            foreach (var (tree, span) in UseRegions(member))
            {
                // The places the name is written as a whole identifier, each token found from the one before: no walk of the
                // file's other nodes (a property named Headers is written in many files of an HTTP library).
                var text = Crawl.Texts.Of(tree, cancellationToken);
                TokenCursor? tokens = null;
                SemanticModel? semanticModel = null;
                for (var at = text.IndexOf(name, span.Start, span.Length, StringComparison.Ordinal); at >= 0 && at + name.Length <= span.End;
                     at = text.IndexOf(name, at + name.Length, span.End - at - name.Length, StringComparison.Ordinal))
                {
                    if ((at > 0 && NameSet.IsIdentifierChar(text[at - 1])) || (at + name.Length < text.Length && NameSet.IsIdentifierChar(text[at + name.Length])))
                    {
                        continue;
                    }

                    tokens ??= new TokenCursor(tree.GetRoot(cancellationToken));
                    if (tokens.At(at).Parent is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != name)
                    {
                        continue;
                    }

                    var reference = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? (SyntaxNode)access : identifier;
                    SyntaxNode? parent = reference.Parent switch
                    {
                        MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax call } => (SyntaxNode)call,
                        ElementAccessExpressionSyntax { Parent: AssignmentExpressionSyntax assignment } element when assignment.Left == element => assignment,
                        AssignmentExpressionSyntax assignment when assignment.Left == reference => assignment,
                        _ => null,
                    };
                    if (parent is null
                        || (!member.IsStatic && member.ContainingType is { } owner && !ProjectTypes.For(Compilation).MayReach(reference, owner, cancellationToken)))
                    {
                        // Not a write, or x.Headers where x is declared as another type (a library's response, another class of the project).
                        continue;
                    }

#pragma warning disable RS1030 // Shared semantic model, see FindCalls.
                    semanticModel ??= Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    if (SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol?.OriginalDefinition, member.OriginalDefinition)
                        && semanticModel.GetOperation(parent, cancellationToken) is { } use)
                    {
                        result.Add((use, FactsOf(use, cancellationToken)));
                    }
                }
            }

            return result;
        }

        /// <summary>Where a member can be used: in every file, or, private, in the declarations of its type (each part of a partial one).</summary>
        private IEnumerable<(SyntaxTree Tree, TextSpan Span)> UseRegions(ISymbol member)
        {
            if (member.DeclaredAccessibility == Accessibility.Private && member.ContainingType is { DeclaringSyntaxReferences.IsEmpty: false } owner)
            {
                foreach (var reference in owner.DeclaringSyntaxReferences)
                {
                    if (Compilation.ContainsSyntaxTree(reference.SyntaxTree))
                    {
                        yield return (reference.SyntaxTree, reference.Span);
                    }
                }

                yield break;
            }

            foreach (var tree in Compilation.SyntaxTrees)
            {
                yield return (tree, new TextSpan(0, tree.Length));
            }
        }

        /// <summary>The symbol is declared in the namespace or one of its children (<c>PuppeteerSharp</c>, <c>OpenQA.Selenium</c>).</summary>
        public static bool IsIn(ISymbol? symbol, string namespacePrefix)
        {
            var type = symbol as ITypeSymbol ?? symbol?.ContainingType;
            return KnownSymbols.IsInNamespace(type?.ContainingNamespace, namespacePrefix);
        }

        private Lazy<INamedTypeSymbol?> Type(string metadataName) => new Lazy<INamedTypeSymbol?>(() => Compilation.GetTypeByMetadataName(metadataName));
    }
}
