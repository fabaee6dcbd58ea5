using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>
    /// The facts every crawl rule reads, computed once per compilation and shared by all rules: the sink
    /// catalogue, the syntax index of wrapper candidates, one <see cref="BodyAnalysis"/> per method body
    /// (its requests, its wrapper summary, its safeguards), and the handler pipeline's safeguards.
    /// </summary>
    internal sealed class CrawlModel
    {
        private static readonly ConditionalWeakTable<Compilation, CrawlModel> Models = new();

        [ThreadStatic]
        private static HashSet<SyntaxNode>? inProgress;

        [ThreadStatic]
        private static HashSet<IMethodSymbol>? freshInProgress;

        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<SyntaxNode, BodyAnalysis?> bodies = new();
        private readonly ConcurrentDictionary<ISymbol, UrlShape?> initializers = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, UrlShape?> typedClientBases = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, SafeguardKind> transitiveSafeguards = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, bool> fresh = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, ImmutableArray<AssignmentExpressionSyntax>> subscriptions = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<INamedTypeSymbol, TypeState> states = new(SymbolEqualityComparer.Default);
        private readonly object indexGate = new object();
        private readonly ConcurrentDictionary<IMethodSymbol, MethodSummary?> implementationSummaries = new(SymbolEqualityComparer.Default);
        private SyntaxIndex? index;
        private FileMentions? mentions;
        private int mayRequest;
        private SafeguardKind? pipeline;

        private readonly Lazy<KnownSymbols> known;
        private readonly Lazy<SinkCatalog> catalog;
        private readonly Lazy<SafeguardRecognizer> safeguards;

        // The symbols are looked up on first use, not here: the model is made at the compilation's start, and a compilation
        // that cannot send a request is told so from names alone (MayRequest), with nothing bound.
        private CrawlModel(Compilation compilation)
        {
            this.compilation = compilation;
            known = new Lazy<KnownSymbols>(() => new KnownSymbols(compilation));
            catalog = new Lazy<SinkCatalog>(() => new SinkCatalog(Known));
            safeguards = new Lazy<SafeguardRecognizer>(() => new SafeguardRecognizer(Known));
            Texts = new SourceStrings(compilation);
            Clients = new HttpClientFacts(this, compilation);
        }

        public HttpClientFacts Clients { get; }

        public Compilation Compilation => compilation;

        /// <summary>The files' texts, for the searches made before anything is bound.</summary>
        public SourceStrings Texts { get; }

        public KnownSymbols Known => known.Value;

        public SinkCatalog Catalog => catalog.Value;

        public SafeguardRecognizer Safeguards => safeguards.Value;

        /// <summary>The analyzer options of this compilation (set by the first rule that runs).</summary>
        public AnalyzerOptions? Options { get; private set; }

        public static CrawlModel For(Compilation compilation) => Models.GetValue(compilation, c => new CrawlModel(c));

        /// <summary>The syntax index of this compilation, built exactly once (the first caller builds it; the others wait for it).</summary>
        public SyntaxIndex Index(CancellationToken cancellationToken)
        {
            var current = Volatile.Read(ref index);
            if (current is not null)
            {
                return current;
            }

            var fileMentions = Mentions(Options, cancellationToken);
            lock (indexGate)
            {
                if (index is null)
                {
                    // A cancelled build leaves the index null: the next caller builds it again.
                    Volatile.Write(ref index, SyntaxIndex.Build(compilation, Texts, Catalog, fileMentions, IsConfiguredSink, cancellationToken));
                }

                return index!;
            }
        }

        /// <summary>
        /// The kinds of names each file has (<see cref="FileMentions"/>), for the index's first round and the evasion rules.
        /// Made once, with the request methods the options configure in any file.
        /// </summary>
        public FileMentions Mentions(AnalyzerOptions? options, CancellationToken cancellationToken)
        {
            Options ??= options;
            var current = Volatile.Read(ref mentions);
            if (current is not null)
            {
                return current;
            }

            lock (indexGate)
            {
                if (mentions is null)
                {
                    var configured = new HashSet<string>(StringComparer.Ordinal);
                    if (Options is { } known)
                    {
                        foreach (var tree in compilation.SyntaxTrees)
                        {
                            configured.UnionWith(ScrapeLintOptions.For(known, tree).RequestMethodNames);
                        }
                    }

                    Volatile.Write(ref mentions, new FileMentions(compilation, Texts, SyntaxIndex.SeedNames(Catalog, configured), name => SyntaxIndex.IsUngatedSeed(Catalog, configured, name), configured, cancellationToken));
                }

                return mentions!;
            }
        }

        private bool IsConfiguredSink(IMethodSymbol method, SyntaxTree tree)
            => Options is { } options && Catalog.MatchConfigured(method, ScrapeLintOptions.For(options, tree)) is not null;

        /// <summary>
        /// What a file says when it names a .NET HTTP type: <c>HttpClient</c> (and <c>IHttpClientFactory</c>,
        /// <c>AddHttpClient</c>), <c>HttpRequestMessage</c>, a message handler (<c>SocketsHttpHandler</c>), <c>WebClient</c>
        /// or <c>(Http)WebRequest</c>.
        /// </summary>
        private static readonly string[] HttpSuffixes = { "Client", "RequestMessage", "MessageHandler", "Handler" };

        private static readonly string[] WebSuffixes = { "Client", "Request" };

        /// <summary>
        /// Whether this compilation can send a request the rules model: it may reference a scraping, browser or CAPTCHA
        /// library, configures <c>scrapelint.request_methods</c>, or some file names a .NET HTTP type. A library is looked up
        /// only when a reference's file name or a declared namespace points to it (<see cref="ReferenceHints"/>): a compilation
        /// with none and no HTTP type named binds nothing here. The crawl and evasion analyzers register nothing when it
        /// cannot. Computed once.
        /// </summary>
        public bool MayRequest(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            if (mayRequest == 0)
            {
                var hints = ReferenceHints.For(compilation);
                var may = (SinkCatalog.MayReferenceLibrary(hints) && Catalog.ReferencesLibrary)
                    || (CaptchaServices.MayReferenceClient(hints) && CaptchaServices.AnyClientReferenced(compilation))
                    || Texts.AnyFileHasOrdinal("Http", HttpSuffixes, cancellationToken)
                    || Texts.AnyFileHasOrdinal("Web", WebSuffixes, cancellationToken)
                    || compilation.SyntaxTrees.Any(tree => !ScrapeLintOptions.For(options, tree).RequestMethods.IsEmpty);
                mayRequest = may ? 1 : 2;
            }

            return mayRequest == 1;
        }

        /// <summary>
        /// The nodes of a file that may be requests (<see cref="SyntaxIndex.CandidatesIn"/>): invocations by a sink,
        /// wrapper or configured name and navigating assignments, found by the index's walk. No other node of the file is
        /// looked at.
        /// </summary>
        public ImmutableArray<SyntaxNode> Candidates(SyntaxTree tree, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            Options ??= options;
            return Index(cancellationToken).CandidatesIn(tree);
        }

        public Request? GetRequest(SyntaxNode node, SemanticModel semanticModel, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            Options ??= options;
            var owner = BodyOwner(node);
            if (owner is null)
            {
                return null;
            }

            var body = Body(owner, semanticModel, cancellationToken);
            return body?.Requests(ScrapeLintOptions.For(options, node.SyntaxTree), cancellationToken).TryGetValue(node, out var request) == true ? request : null;
        }

        /// <summary>The analysis of the body a syntax node belongs to, built once.</summary>
        public BodyAnalysis? Body(SyntaxNode owner, SemanticModel? semanticModel, CancellationToken cancellationToken)
        {
            if (bodies.TryGetValue(owner, out var existing))
            {
                return existing;
            }

            if (semanticModel is null || semanticModel.SyntaxTree != owner.SyntaxTree)
            {
                if (!compilation.ContainsSyntaxTree(owner.SyntaxTree))
                {
                    return null;
                }

#pragma warning disable RS1030 // The analyzer driver gives analyzers a caching semantic model provider: this model is shared, not rebuilt.
                semanticModel = compilation.GetSemanticModel(owner.SyntaxTree);
#pragma warning restore RS1030
            }

            var operation = semanticModel.GetOperation(owner, cancellationToken);
            // A local function's symbol comes with its operation; asking the semantic model for it costs a nullable rewrite.
            var method = operation switch
            {
                ILocalFunctionOperation local => local.Symbol,
                _ when owner is CompilationUnitSyntax => null,
                _ => semanticModel.GetDeclaredSymbol(owner, cancellationToken) as IMethodSymbol,
            };
            var analysis = operation is null ? null : new BodyAnalysis(this, owner, new BodyFacts(operation, semanticModel, method));
            return bodies.GetOrAdd(owner, analysis);
        }

        /// <summary>The body of a method of this compilation, or null for metadata, abstract and partial declarations.</summary>
        public BodyAnalysis? Body(IMethodSymbol method, CancellationToken cancellationToken)
        {
            // A partial method's calls bind to its definition; the body is its implementation part's.
            var definition = method.OriginalDefinition;
            foreach (var reference in (definition.PartialImplementationPart ?? definition).DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                if (syntax is BaseMethodDeclarationSyntax { Body: null, ExpressionBody: null } or LocalFunctionStatementSyntax { Body: null, ExpressionBody: null })
                {
                    continue;
                }

                if (syntax is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax)
                {
                    return Body(syntax, null, cancellationToken);
                }
            }

            return null;
        }

        /// <summary>
        /// A call returns a new value each time: <c>Random</c>, <c>Guid.NewGuid</c>, <c>RandomNumberGenerator</c>, or a method
        /// of the project that calls one of these itself or returns a counter it increments in a field (<c>_next++</c>). Clocks
        /// are not fresh values: a time-stamped polling URL is still one page.
        /// </summary>
        public bool IsFreshPerCall(IMethodSymbol method)
        {
            var type = method.ContainingType;
            if (KnownSymbols.Is(type, Known.Random) || KnownSymbols.Is(type, Known.RandomNumberGenerator) || KnownSymbols.Is(type, Known.Interlocked)
                || (KnownSymbols.Is(type, Known.Guid) && method.Name == "NewGuid"))
            {
                return true;
            }

            if (method.DeclaringSyntaxReferences.IsEmpty || method.MethodKind != MethodKind.Ordinary)
            {
                return false;
            }

            if (fresh.TryGetValue(method.OriginalDefinition, out var known))
            {
                return known;
            }

            // Recursion is not freshness: a method being computed on this thread counts as not fresh, and the shared
            // cache only ever holds finished answers (another thread must not read a placeholder).
            freshInProgress ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (!freshInProgress.Add(method.OriginalDefinition))
            {
                return false;
            }

            var result = false;
            try
            {
                result = Body(method, CancellationToken.None) is { } body && IsFresh(body);
            }
            finally
            {
                freshInProgress.Remove(method.OriginalDefinition);
            }

            return fresh.GetOrAdd(method.OriginalDefinition, result);
        }

        private bool IsFresh(BodyAnalysis body)
        {
            // A counter only when what the method returns reads it: _requests++ for statistics is no fresh value.
            var counters = new HashSet<IFieldSymbol>(body.Facts.Root.Descendants()
                .Select(o => o switch
                {
                    IIncrementOrDecrementOperation { Target: IFieldReferenceOperation field } => field.Field,
                    ICompoundAssignmentOperation { Target: IFieldReferenceOperation field } => field.Field,
                    _ => null,
                })
                .Where(f => f is not null)!, SymbolEqualityComparer.Default);
            return body.Facts.Invocations.Any(i => i.TargetMethod.DeclaringSyntaxReferences.IsEmpty && IsFreshPerCall(i.TargetMethod))
                || (counters.Count > 0 && body.Facts.Root.Descendants().OfType<IReturnOperation>()
                    .Any(r => r.ReturnedValue is { } value && value.DescendantsAndSelf().OfType<IFieldReferenceOperation>().Any(f => counters.Contains(f.Field))));
        }

        private int configurationNamesPlatform;

        /// <summary>
        /// An <c>appsettings*.json</c> given to the analyzers as an additional file names one of the hosts (the platform a
        /// profile-named URL goes to is configuration, not code). Read once per compilation.
        /// </summary>
        public bool ConfigurationNames(IReadOnlyCollection<string> hosts, Func<string, string, bool> containsHost, CancellationToken cancellationToken)
        {
            if (configurationNamesPlatform == 0)
            {
                var found = false;
                foreach (var file in Options?.AdditionalFiles ?? ImmutableArray<AdditionalText>.Empty)
                {
                    var name = System.IO.Path.GetFileName(file.Path);
                    if (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                        && file.GetText(cancellationToken)?.ToString() is { } text && hosts.Any(h => containsHost(text, h)))
                    {
                        found = true;
                        break;
                    }
                }

                configurationNamesPlatform = found ? 1 : 2;
            }

            return configurationNamesPlatform == 1;
        }

        /// <summary>
        /// The <c>x.Event += (…) =&gt; { … }</c> subscriptions with a lambda handler in a type's declarations (of this compilation),
        /// found by one walk per type.
        /// </summary>
        public ImmutableArray<AssignmentExpressionSyntax> LambdaSubscriptions(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            type = type.OriginalDefinition;
            if (subscriptions.TryGetValue(type, out var known))
            {
                return known;
            }

            var found = ImmutableArray.CreateBuilder<AssignmentExpressionSyntax>();
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (!compilation.ContainsSyntaxTree(reference.SyntaxTree) || Texts.Of(reference.SyntaxTree, cancellationToken).IndexOf("+=", StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax { Right: AnonymousFunctionExpressionSyntax } subscription && subscription.IsKind(SyntaxKind.AddAssignmentExpression))
                    {
                        found.Add(subscription);
                    }
                }
            }

            return subscriptions.GetOrAdd(type, found.ToImmutable());
        }

        /// <summary>What a type of the project does with its fields and properties (<see cref="TypeState"/>), built once per type; null for metadata types.</summary>
        public TypeState? State(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            type = type.OriginalDefinition;
            if (type.DeclaringSyntaxReferences.IsEmpty)
            {
                return null;
            }

            // Not a Lazy: a build cancelled on one thread must not be cached for the others.
            return states.TryGetValue(type, out var known) ? known : states.GetOrAdd(type, TypeState.Build(this, type, cancellationToken));
        }

        /// <summary>
        /// The summary of a project method: is it a request wrapper, what URL does it return. Null while it is being computed
        /// (recursion). A call of an interface, abstract or virtual member is also summarised by the project's wrappers that
        /// implement or override it (a DI'd service, a loader whose override fetches).
        /// </summary>
        public MethodSummary? Summary(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (method.DeclaringSyntaxReferences.IsEmpty)
            {
                return null;
            }

            var body = Body(method, cancellationToken);
            var own = body is null ? null : Guarded<MethodSummary?>(body.Owner, () => body.Summary(cancellationToken), null);
            if (!(method.IsAbstract || method.IsVirtual || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface))
            {
                return own;
            }

            var implemented = ImplementationsSummary(method, cancellationToken);
            if (implemented is null)
            {
                return own;
            }

            if (own is null || (own.Uses.IsEmpty && own.Returned is null))
            {
                return implemented;
            }

            return new MethodSummary(own.Uses.AddRange(implemented.Uses), own.Returned ?? implemented.Returned, own.ParameterUses.IsEmpty ? implemented.ParameterUses : own.ParameterUses);
        }

        [ThreadStatic]
        private static HashSet<IMethodSymbol>? implementationsInProgress;

        /// <summary>
        /// What the project's wrappers that implement or override a member make of a call to it, computed once per member.
        /// Only wrappers (methods that reach a confirmed sink) are summarised.
        /// </summary>
        private MethodSummary? ImplementationsSummary(IMethodSymbol method, CancellationToken cancellationToken)
        {
            var member = SyntaxIndex.Normalize(method);
            if (implementationSummaries.TryGetValue(member, out var cached))
            {
                return cached;
            }

            var implementations = Index(cancellationToken).ImplementationsOf(member);
            if (implementations.Count == 0)
            {
                return null;
            }

            implementationsInProgress ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            if (!implementationsInProgress.Add(member))
            {
                return null;
            }

            try
            {
                var uses = ImmutableArray.CreateBuilder<WrapperUse>();
                UrlShape? returned = null;
                var parameterUses = ImmutableArray<ResponseUse>.Empty;
                foreach (var implementation in implementations)
                {
                    if (Summary(implementation, cancellationToken) is { } summary)
                    {
                        uses.AddRange(summary.Uses);
                        returned ??= summary.Returned;
                        parameterUses = parameterUses.IsEmpty ? summary.ParameterUses : parameterUses;
                    }
                }

                var result = uses.Count == 0 && returned is null ? null : new MethodSummary(uses.ToImmutable(), returned, parameterUses);
                return implementationSummaries.GetOrAdd(member, result);
            }
            finally
            {
                implementationsInProgress.Remove(member);
            }
        }

        /// <summary>What a project method and everything it calls guard, transitively.</summary>
        public SafeguardKind TransitiveSafeguards(IMethodSymbol method, CancellationToken cancellationToken)
        {
            if (transitiveSafeguards.TryGetValue(method, out var known))
            {
                return known;
            }

            var body = Body(method, cancellationToken);
            if (body is null)
            {
                return SafeguardKind.None;
            }

            var result = Guarded<SafeguardKind?>(body.Owner, () => body.TransitiveSafeguards(cancellationToken), null);
            if (result is { } safeguards)
            {
                transitiveSafeguards.TryAdd(method, safeguards);
            }

            return result ?? SafeguardKind.None;
        }

        /// <summary>Safeguards of the message handlers the project puts in its HttpClient pipelines.</summary>
        public SafeguardKind PipelineSafeguards(CancellationToken cancellationToken)
        {
            if (pipeline is { } cached)
            {
                return cached;
            }

            var syntaxIndex = Index(cancellationToken);
            var result = syntaxIndex.HasPollyRateLimiter ? SafeguardKind.Throttle : SafeguardKind.None;
            if (Known.PoliteHttpHandler is not null && syntaxIndex.ConstructedTypeNames.Contains(Known.PoliteHttpHandler.Name))
            {
                result |= SafeguardKind.RobotsCheck | SafeguardKind.Throttle | SafeguardKind.ConcurrencyGate;
            }

            foreach (var declaration in syntaxIndex.HandlerCandidates)
            {
                if (!syntaxIndex.ConstructedTypeNames.Contains(declaration.Identifier.ValueText))
                {
                    continue;
                }

#pragma warning disable RS1030 // Shared semantic model, see Body().
                var model = compilation.GetSemanticModel(declaration.SyntaxTree);
#pragma warning restore RS1030
                if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type || !KnownSymbols.IsOrInherits(type, Known.DelegatingHandler))
                {
                    continue;
                }

                foreach (var send in type.GetMembers().OfType<IMethodSymbol>().Where(m => m.Name is "SendAsync" or "Send"))
                {
                    result |= TransitiveSafeguards(send, cancellationToken);
                }
            }

            pipeline = result;
            return result;
        }

        /// <summary>The value of a constant or readonly field, or of a property with an initializer or expression body.</summary>
        public UrlShape? InitializerShape(ISymbol member)
        {
            if (initializers.TryGetValue(member, out var cached))
            {
                return cached;
            }

            UrlShape? shape = null;
            if (member is IFieldSymbol { HasConstantValue: true } constant)
            {
                shape = constant.ConstantValue is string text ? UrlShape.Text(text) : null;
            }
            else if (member is IFieldSymbol { IsReadOnly: true } or IPropertySymbol { SetMethod: null or { IsInitOnly: true } })
            {
                var expression = member.DeclaringSyntaxReferences.Select(r => r.GetSyntax()).Select(s => s switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value ?? property.ExpressionBody?.Expression,
                    _ => null,
                }).FirstOrDefault(e => e is not null);
                if (expression is not null && Guarded(expression, () => EvaluateDetached(expression), null) is { } value)
                {
                    shape = value;
                }
            }

            initializers.TryAdd(member, shape);
            return shape;
        }

        /// <summary>The URL a project method returns, with holes for its parameters.</summary>
        public UrlShape? ReturnShape(IMethodSymbol method)
        {
            var returnType = method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", TypeArguments.Length: 1 } task ? task.TypeArguments[0] : method.ReturnType;
            if (method.DeclaringSyntaxReferences.IsEmpty || !Known.IsUrlCarrier(returnType))
            {
                return null;
            }

            return Summary(method, CancellationToken.None)?.Returned;
        }

        private UrlShape? EvaluateDetached(ExpressionSyntax expression)
        {
            if (!compilation.ContainsSyntaxTree(expression.SyntaxTree))
            {
                // A member of a referenced project's compilation (a CompilationReference): metadata to this one.
                return null;
            }

#pragma warning disable RS1030 // Shared semantic model, see Body().
            var model = compilation.GetSemanticModel(expression.SyntaxTree);
#pragma warning restore RS1030
            var operation = model.GetOperation(expression);
            return operation is null ? null : EvaluateDetached(operation);
        }

        /// <summary>The shape of a value outside any request body (an initializer, a registration), when it has constant text.</summary>
        public UrlShape? EvaluateDetached(IOperation operation)
        {
            var root = operation;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            var shape = new ShapeEvaluator(new BodyFacts(root, operation.SemanticModel!, null), this, scope: null).Evaluate(operation);
            return shape.Parts.OfType<string>().Any() ? shape : null;
        }

        /// <summary>The base address a typed client gets where it is registered: <c>AddHttpClient&lt;T&gt;(c =&gt; c.BaseAddress = …)</c>.</summary>
        public UrlShape? TypedClientBaseAddress(INamedTypeSymbol type, CancellationToken cancellationToken)
            => typedClientBases.GetOrAdd(type, t =>
            {
                foreach (var registration in Index(cancellationToken).TypedClientRegistrations)
                {
                    var generic = (GenericNameSyntax)((MemberAccessExpressionSyntax)registration.Expression).Name;
                    if (!generic.TypeArgumentList.Arguments.Any(a => a.ToString().EndsWith(t.Name, StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    var assignment = registration.ArgumentList.DescendantNodes().OfType<AssignmentExpressionSyntax>()
                        .FirstOrDefault(a => a.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "BaseAddress" });
                    if (assignment is not null && Guarded(assignment, () => EvaluateDetached(assignment.Right), null) is { } shape)
                    {
                        return shape;
                    }
                }

                return null;
            });

        /// <summary>Runs a computation unless it is already running on this thread for the same node (recursion): then <paramref name="whileRunning"/>.</summary>
        private static T Guarded<T>(SyntaxNode node, Func<T> compute, T whileRunning)
        {
            inProgress ??= new HashSet<SyntaxNode>();
            if (!inProgress.Add(node))
            {
                return whileRunning;
            }

            try
            {
                return compute();
            }
            finally
            {
                inProgress.Remove(node);
            }
        }

        /// <summary>The syntax whose operation tree holds the node: a method, local function, accessor or the top-level statements.</summary>
        public static SyntaxNode? BodyOwner(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case LocalFunctionStatementSyntax:
                    case BaseMethodDeclarationSyntax:
                    case AccessorDeclarationSyntax:
                        return current;
                    case ArrowExpressionClauseSyntax arrow when arrow.Parent is PropertyDeclarationSyntax or IndexerDeclarationSyntax:
                        return current;
                    case GlobalStatementSyntax global:
                        return global.Parent;
                    case TypeDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }
    }
}
