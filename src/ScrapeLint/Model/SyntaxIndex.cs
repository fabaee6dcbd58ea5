using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScrapeLint.Model
{
    /// <summary>
    /// One pass over the compilation, made the first time a rule needs it: the project's methods that can reach a request
    /// sink (wrappers), each file's calls of a sink or of a wrapper, the message handlers the project declares, and the
    /// types it constructs. Text searches decide which files are walked; binding decides what a call is. A call whose name
    /// is a sink's counts only when its method resolves to a catalogued sink (one <c>GetSymbolInfo</c>, and for the sinks
    /// with common names only in a file that names the sink's library), and a method becomes a wrapper only when one of its
    /// calls resolves to a sink or to a wrapper (or to an interface, abstract or virtual member a wrapper implements or
    /// overrides): same-named business methods (<c>cache.Get()</c>, <c>renderer.Write()</c>) are never followed.
    /// </summary>
    internal sealed class SyntaxIndex
    {
        private SyntaxIndex(Dictionary<SyntaxTree, ImmutableArray<SyntaxNode>> candidates, HashSet<IMethodSymbol> wrappers, HashSet<IMethodSymbol> targets, Dictionary<IMethodSymbol, List<IMethodSymbol>> implementations, ImmutableArray<InvocationExpressionSyntax> typedClientRegistrations, ImmutableArray<ClassDeclarationSyntax> handlerCandidates, ImmutableHashSet<string> constructedTypeNames, bool hasPollyRateLimiter)
        {
            this.candidates = candidates;
            this.wrappers = wrappers;
            this.targets = targets;
            this.implementations = implementations;
            WrapperNames = new HashSet<string>(targets.Select(t => t.Name), StringComparer.Ordinal);
            wrapperTypes = new HashSet<INamedTypeSymbol>(wrappers.Select(w => w.ContainingType).Where(t => t is not null), SymbolEqualityComparer.Default);
            TypedClientRegistrations = typedClientRegistrations;
            HandlerCandidates = handlerCandidates;
            ConstructedTypeNames = constructedTypeNames;
            HasPollyRateLimiter = hasPollyRateLimiter;
        }

        private readonly Dictionary<SyntaxTree, ImmutableArray<SyntaxNode>> candidates;
        private readonly HashSet<IMethodSymbol> wrappers;
        private readonly HashSet<IMethodSymbol> targets;
        private readonly Dictionary<IMethodSymbol, List<IMethodSymbol>> implementations;
        private readonly HashSet<INamedTypeSymbol> wrapperTypes;

        /// <summary>
        /// The nodes of a file that may be requests: its calls that resolve to a sink or a wrapper, its calls by a configured
        /// name, and its navigating <c>Url</c> assignments. Every file that holds one is walked by the index (it names a
        /// sink, a configured method, <c>Url</c>, or a wrapper its file can call), so a file that was not walked has none.
        /// </summary>
        public ImmutableArray<SyntaxNode> CandidatesIn(SyntaxTree tree) => candidates.TryGetValue(tree, out var nodes) ? nodes : ImmutableArray<SyntaxNode>.Empty;

        /// <summary>The names of the members whose calls are wrapper calls (<see cref="IsWrapperCall"/>).</summary>
        public HashSet<string> WrapperNames { get; }

        /// <summary>
        /// A call of this method can reach a sink: the method is a wrapper, or an interface, abstract or virtual member one
        /// of the project's wrappers implements or overrides.
        /// </summary>
        public bool IsWrapperCall(IMethodSymbol method) => targets.Count > 0 && targets.Contains(Normalize(method));

        /// <summary>The project method's own body can reach a confirmed sink (directly or through other wrappers).</summary>
        public bool ReachesSink(IMethodSymbol method) => wrappers.Count > 0 && wrappers.Contains(Normalize(method));

        /// <summary>The type declares a method that can reach a confirmed sink.</summary>
        public bool ReachesSink(INamedTypeSymbol type) => wrapperTypes.Contains(type.OriginalDefinition);

        /// <summary>The project's wrappers that implement or override this interface, abstract or virtual member.</summary>
        public IReadOnlyList<IMethodSymbol> ImplementationsOf(IMethodSymbol member)
            => implementations.TryGetValue(Normalize(member), out var list) ? list : Array.Empty<IMethodSymbol>();

        /// <summary><c>AddHttpClient&lt;T&gt;(…)</c> calls: where typed clients get their base address.</summary>
        public ImmutableArray<InvocationExpressionSyntax> TypedClientRegistrations { get; }

        /// <summary>Classes whose base list names a handler (<c>DelegatingHandler</c>, <c>HttpClientHandler</c>).</summary>
        public ImmutableArray<ClassDeclarationSyntax> HandlerCandidates { get; }

        /// <summary>Type names used in <c>new T(…)</c> or as generic arguments (<c>AddHttpMessageHandler&lt;T&gt;</c>).</summary>
        public ImmutableHashSet<string> ConstructedTypeNames { get; }

        /// <summary>The project configures a Polly rate limiter somewhere (<c>AddRateLimiter</c>, <c>RateLimitAsync</c>).</summary>
        public bool HasPollyRateLimiter { get; }

        /// <summary>The symbol calls and declarations are compared by: the definition of a reduced, partial or constructed method.</summary>
        public static IMethodSymbol Normalize(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            method = method.PartialDefinitionPart ?? method;
            return method.OriginalDefinition;
        }

        /// <summary>A call or an assignment the walk found: a candidate once binding confirms it.</summary>
        private sealed class Site
        {
            public Site(SyntaxNode node, string? name, SyntaxNode? owner)
            {
                Node = node;
                Name = name;
                Owner = owner;
            }

            public SyntaxNode Node { get; }

            /// <summary>The invoked simple name; null for a <c>Url</c> assignment.</summary>
            public string? Name { get; }

            /// <summary>The method or local function the site is in, if any: it becomes a wrapper when the site is a request.</summary>
            public SyntaxNode? Owner { get; }

            public bool Kept { get; set; }
        }

        /// <summary>
        /// The names that make a file worth walking in the first round: the sinks' (a sink with a common name only where the
        /// text also names its library), registrations', handlers' and configured request methods'.
        /// </summary>
        public static HashSet<string> SeedNames(SinkCatalog catalog, HashSet<string> configuredNames)
        {
            var names = new HashSet<string>(catalog.Names, StringComparer.Ordinal) { "AddHttpClient", "AddHttpMessageHandler", "DelegatingHandler", "HttpClientHandler", "PoliteHttpHandler", "AddRateLimiter", "RateLimitAsync", "RateLimit", "AddConcurrencyLimiter" };
            names.UnionWith(configuredNames);
            if (names.Remove("Create") | names.Remove("CreateHttp"))
            {
                // Sinks only as WebRequest.Create(…): the common name alone is no evidence.
                names.Add("WebRequest");
                names.Add("HttpWebRequest");
            }

            if (catalog.HasNavigatingProperty)
            {
                names.Add(SinkCatalog.NavigatingPropertyName);
            }

            return names;
        }

        /// <summary>A seed name that makes a file worth walking whatever else its text names.</summary>
        public static bool IsUngatedSeed(SinkCatalog catalog, HashSet<string> configuredNames, string name) => !catalog.IsGated(name) || configuredNames.Contains(name);

        public static SyntaxIndex Build(Compilation compilation, SourceStrings texts, SinkCatalog catalog, FileMentions mentions, Func<IMethodSymbol, SyntaxTree, bool> isConfiguredSink, CancellationToken cancellationToken)
        {
            var configuredNames = mentions.Configured;
            var handlers = ImmutableArray.CreateBuilder<ClassDeclarationSyntax>();
            var constructed = new HashSet<string>(StringComparer.Ordinal);
            var polly = false;
            var registrations = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
            var perFile = new Dictionary<SyntaxTree, List<Site>>();
            var byName = new Dictionary<string, List<Site>>(StringComparer.Ordinal);
            var models = new Dictionary<SyntaxTree, SemanticModel>();
            var masks = new Dictionary<SyntaxTree, int>();
            var resolved = new Dictionary<SyntaxNode, IMethodSymbol?>();
            var owners = new Dictionary<SyntaxNode, IMethodSymbol?>();
            var wrappers = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var targets = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var targetNames = new HashSet<string>(StringComparer.Ordinal);
            var implementations = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
            var queue = new Queue<IMethodSymbol>();
            var receivers = new SinkReceivers(compilation, stringReceivers: catalog.Names.Contains("GetBytesAsync"));

            // Global usings of a gated library's namespace make every file see it: its common names are then not gated.
            var globalMask = 0;
            foreach (var tree in compilation.SyntaxTrees)
            {
                globalMask |= catalog.GlobalUsingMask(texts.Of(tree, cancellationToken));
            }

            // Only trees whose text names a sink, a registration or a handler are walked (a sink with a common name only
            // where the text also names its library); then the trees naming the wrappers and handlers found so far, until
            // no new tree qualifies. A wrapper that only its own file can call (a local function, a private method of a
            // type that is not partial) sends no other tree to be walked: its callers are in the tree it was found in.
            var names = SeedNames(catalog, configuredNames);
            // A gated name is not known yet: a file that has it but no call resolving to a sink stays pending, and a later round
            // must walk it when a wrapper with that name appears (an interface's SendAsync that calls HttpClient.SendAsync).
            var known = new HashSet<string>(names.Where(name => IsUngatedSeed(catalog, configuredNames, name)), StringComparer.Ordinal);
            var gatedSets = new Dictionary<int, NameSet>();
            var pending = compilation.SyntaxTrees.ToList();
            var firstRound = true;
            while (true)
            {
                // The first round reads the names each file was found to have; a later one scans for the new names.
                var lookup = firstRound ? null : new NameSet(names);
                var round = new List<SyntaxTree>();
                foreach (var tree in pending)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var text = texts.Of(tree, cancellationToken);
                    var mentioned = lookup is null ? mentions.Of(tree, cancellationToken) : lookup.MentionedIn(text, FileMentions.Escapes(lookup, tree, text, cancellationToken)) ? FileMentions.Sink | FileMentions.UngatedSink : 0;
                    if ((mentioned & FileMentions.Sink) == 0)
                    {
                        continue;
                    }

                    if ((mentioned & FileMentions.UngatedSink) == 0)
                    {
                        // Only common sink names: walked when the text also names their library.
                        var mask = MaskOf(tree);
                        if (mask == 0)
                        {
                            continue;
                        }

                        if (!gatedSets.TryGetValue(mask, out var gatedSet))
                        {
                            gatedSets[mask] = gatedSet = new NameSet(catalog.GatedNamesFor(mask).Where(names.Contains));
                        }

                        // Each call by such a name is found from its place in the text and bound; the file is walked only
                        // when one resolves to a sink. Otherwise it stays pending: a later round walks it if it names a wrapper.
                        var occurrences = mentions.GatedSinkPlaces(tree, cancellationToken);
                        occurrences.RemoveAll(place => !gatedSet.IsNameAt(text, place));
                        if (occurrences.Count == 0 || !HasSeedAt(tree, occurrences, mask))
                        {
                            continue;
                        }
                    }

                    round.Add(tree);
                }

                firstRound = false;
                var walked = new HashSet<SyntaxTree>(round);
                pending.RemoveAll(walked.Contains);
                foreach (var tree in round)
                {
                    Walk(tree);
                }

                Spread();

                // The next round scans for the names of new targets that other files can call, and of new handlers.
                names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var target in targets)
                {
                    if (!known.Contains(target.Name) && !IsFileLocal(target) && known.Add(target.Name))
                    {
                        names.Add(target.Name);
                    }
                }

                names.UnionWith(handlers.Select(h => h.Identifier.ValueText).Where(known.Add));
                if (names.Count == 0 || round.Count == 0 && pending.Count == 0)
                {
                    break;
                }
            }

            var candidates = new Dictionary<SyntaxTree, ImmutableArray<SyntaxNode>>();
            foreach (var pair in perFile)
            {
                var kept = pair.Value.Where(s => s.Kept).Select(s => s.Node).ToImmutableArray();
                if (!kept.IsEmpty)
                {
                    candidates[pair.Key] = kept;
                }
            }

            return new SyntaxIndex(candidates, wrappers, targets, implementations, registrations.ToImmutable(), handlers.ToImmutable(), constructed.ToImmutableHashSet(StringComparer.Ordinal), polly);

            int MaskOf(SyntaxTree tree)
            {
                if (!masks.TryGetValue(tree, out var mask))
                {
                    masks[tree] = mask = catalog.GateMask(texts.Of(tree, cancellationToken)) | globalMask;
                }

                return mask;
            }

            // A call at one of these places (or a navigating Url assignment) resolves to a catalogued sink.
            bool HasSeedAt(SyntaxTree tree, List<int> positions, int mask)
            {
                var tokens = new TokenCursor(tree.GetRoot(cancellationToken));
                foreach (var position in positions)
                {
                    if (tokens.At(position).Parent is not SimpleNameSyntax simple)
                    {
                        continue;
                    }

                    SyntaxNode expression = simple.Parent switch
                    {
                        MemberAccessExpressionSyntax member when member.Name == simple => member,
                        MemberBindingExpressionSyntax binding when binding.Name == simple => binding,
                        _ => simple,
                    };
                    if (expression.Parent is InvocationExpressionSyntax invocation && invocation.Expression == expression)
                    {
                        var name = simple.Identifier.ValueText;
                        if (catalog.IsSinkName(name, invocation) && catalog.MaySinkIn(name, mask) && receivers.MayBeSink(invocation, cancellationToken)
                            && Resolve(new Site(invocation, name, null)) is { } method && catalog.Match(method) is not null)
                        {
                            return true;
                        }
                    }
                    else if (expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: SinkCatalog.NavigatingPropertyName } navigated
                        && navigated.Parent is AssignmentExpressionSyntax assignment && assignment.Left == navigated
                        && receivers.MayBeSinkReceiver(navigated.Expression, cancellationToken)
                        && ModelOf(tree).GetSymbolInfo(navigated, cancellationToken).Symbol is IPropertySymbol property && catalog.IsNavigatingProperty(property))
                    {
                        return true;
                    }
                }

                return false;
            }

            SemanticModel ModelOf(SyntaxTree tree)
            {
                if (!models.TryGetValue(tree, out var model))
                {
#pragma warning disable RS1030 // The analyzer driver gives analyzers a caching semantic model provider: this model is shared, not rebuilt.
                    models[tree] = model = compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                }

                return model;
            }

            IMethodSymbol? Resolve(Site site)
            {
                if (!resolved.TryGetValue(site.Node, out var method))
                {
                    var symbol = ModelOf(site.Node.SyntaxTree).GetSymbolInfo(site.Node, cancellationToken).Symbol as IMethodSymbol;
                    resolved[site.Node] = method = symbol is null ? null : Normalize(symbol);
                }

                return method;
            }

            void Confirmed(Site site)
            {
                site.Kept = true;
                if (site.Owner is null)
                {
                    return;
                }

                if (!owners.TryGetValue(site.Owner, out var owner))
                {
                    var declared = ModelOf(site.Owner.SyntaxTree).GetDeclaredSymbol(site.Owner, cancellationToken) as IMethodSymbol;
                    owners[site.Owner] = owner = declared is null ? null : Normalize(declared);
                }

                if (owner is not null && wrappers.Add(owner))
                {
                    foreach (var target in TargetsOf(owner))
                    {
                        if (!SymbolEqualityComparer.Default.Equals(target, owner))
                        {
                            if (!implementations.TryGetValue(target, out var list))
                            {
                                implementations[target] = list = new List<IMethodSymbol>();
                            }

                            list.Add(owner);
                        }

                        if (targets.Add(target))
                        {
                            targetNames.Add(target.Name);
                            queue.Enqueue(target);
                        }
                    }
                }
            }

            // A site by the name of a target is a wrapper call when it resolves to one.
            void Check(Site site)
            {
                if (!site.Kept && site.Name is not null && targetNames.Contains(site.Name) && Resolve(site) is { } method && targets.Contains(method))
                {
                    Confirmed(site);
                }
            }

            // Each new target is followed back to the sites that call it by name once, so a chain of n wrappers costs n steps.
            void Spread()
            {
                while (queue.Count > 0)
                {
                    var target = queue.Dequeue();
                    if (byName.TryGetValue(target.Name, out var sites))
                    {
                        for (var i = 0; i < sites.Count; i++)
                        {
                            Check(sites[i]);
                        }
                    }
                }
            }

            void Walk(SyntaxTree tree)
            {
                var root = tree.GetRoot(cancellationToken);
                var found = new List<Site>();
                perFile[tree] = found;
                foreach (var node in root.DescendantNodes())
                {
                    switch (node)
                    {
                        case InvocationExpressionSyntax invocation:
                            var name = InvokedName(invocation);
                            if (name is null)
                            {
                                break;
                            }

                            if (name == "AddHttpClient" && invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax })
                            {
                                registrations.Add(invocation);
                            }

                            if (name is "AddRateLimiter" or "RateLimitAsync" or "RateLimit" or "AddConcurrencyLimiter")
                            {
                                polly = true;
                            }

                            // Every call is recorded: a later round may find a target by its name.
                            var isSink = catalog.IsSinkName(name, invocation) && catalog.MaySinkIn(name, MaskOf(tree))
                                && (!catalog.IsGated(name) || receivers.MayBeSink(invocation, cancellationToken));
                            var isConfigured = configuredNames.Contains(name);
                            var site = new Site(invocation, name, Owner(invocation));
                            found.Add(site);
                            if (!byName.TryGetValue(name, out var sameName))
                            {
                                byName[name] = sameName = new List<Site>();
                            }

                            sameName.Add(site);
                            if (isSink && Resolve(site) is { } sink && catalog.Match(sink) is not null)
                            {
                                Confirmed(site);
                            }
                            else if (isConfigured)
                            {
                                // A call by a configured name stays a candidate (the request model checks it with its own file's
                                // options); it makes its method a wrapper when it resolves to a configured method.
                                site.Kept = true;
                                if (Resolve(site) is { } configured && isConfiguredSink(configured, tree))
                                {
                                    Confirmed(site);
                                }
                            }

                            Check(site);
                            if (catalog.IsClickName(name))
                            {
                                // A click the request model may find to open the next page (it binds and decides).
                                site.Kept = true;
                            }

                            if (name is "Select" or "SelectMany" or "ForEach" or "ForEachAsync" or "ConvertAll")
                            {
                                foreach (var argument in invocation.ArgumentList.Arguments)
                                {
                                    // urls.Select(scraper.TitleAsync): a method group that is a wrapper runs once per element. It makes
                                    // no wrapper of the method that passes it (no owner).
                                    var group = argument.Expression switch
                                    {
                                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                                        MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } => member.Identifier.ValueText,
                                        _ => null,
                                    };
                                    if (group is not null)
                                    {
                                        var groupSite = new Site(argument.Expression, group, null);
                                        found.Add(groupSite);
                                        if (!byName.TryGetValue(group, out var sameGroup))
                                        {
                                            byName[group] = sameGroup = new List<Site>();
                                        }

                                        sameGroup.Add(groupSite);
                                        Check(groupSite);
                                    }
                                }
                            }

                            break;
                        case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Url" } member } navigation
                            when catalog.HasNavigatingProperty && catalog.MaySinkIn(SinkCatalog.NavigatingPropertyName, MaskOf(tree))
                                && receivers.MayBeSinkReceiver(member.Expression, cancellationToken):
                            // driver.Url = url navigates: its method wraps a request.
                            if (ModelOf(tree).GetSymbolInfo(member, cancellationToken).Symbol is IPropertySymbol property && catalog.IsNavigatingProperty(property))
                            {
                                var assignment = new Site(navigation, null, Owner(navigation));
                                found.Add(assignment);
                                Confirmed(assignment);
                                assignment.Kept = navigation.IsKind(SyntaxKind.SimpleAssignmentExpression);
                            }

                            break;
                        case ClassDeclarationSyntax { BaseList: { } baseList } declaration
                            when baseList.Types.Any(t => t.Type.ToString().EndsWith("Handler", StringComparison.Ordinal)):
                            handlers.Add(declaration);
                            break;
                        case ObjectCreationExpressionSyntax creation:
                            constructed.Add(SimpleName(creation.Type));
                            break;
                        case GenericNameSyntax generic:
                            foreach (var argument in generic.TypeArgumentList.Arguments)
                            {
                                constructed.Add(SimpleName(argument));
                            }

                            break;
                    }
                }
            }
        }

        /// <summary>
        /// The members whose calls reach this wrapper: itself, the members it overrides (a call of a virtual or abstract
        /// method may dispatch to it), and the interface members it implements.
        /// </summary>
        private static IEnumerable<IMethodSymbol> TargetsOf(IMethodSymbol wrapper)
        {
            yield return wrapper;
            for (var overridden = wrapper.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
            {
                yield return Normalize(overridden);
            }

            foreach (var explicitly in wrapper.ExplicitInterfaceImplementations)
            {
                yield return Normalize(explicitly);
            }

            if (wrapper.IsStatic || wrapper.MethodKind != MethodKind.Ordinary || wrapper.ContainingType is not { } type)
            {
                yield break;
            }

            foreach (var face in type.AllInterfaces)
            {
                foreach (var member in face.GetMembers(wrapper.Name))
                {
                    if (member is IMethodSymbol candidate
                        && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate)?.OriginalDefinition, wrapper))
                    {
                        yield return Normalize(candidate);
                    }
                }
            }
        }

        /// <summary>The simple name of the invoked method: <c>GetStringAsync</c> of <c>_http.GetStringAsync(url)</c>.</summary>
        public static string? InvokedName(InvocationExpressionSyntax invocation)
            => invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                GenericNameSyntax generic => generic.Identifier.ValueText,
                MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
                _ => null,
            };

        private static SyntaxNode? Owner(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case LocalFunctionStatementSyntax or MethodDeclarationSyntax:
                        return current;
                    case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or TypeDeclarationSyntax:
                        return null;
                }
            }

            return null;
        }

        /// <summary>
        /// Only code of the same file can call the method: a local function, or a method of a class, struct or record that
        /// says no accessibility (or <c>private</c>) in types none of which is partial, and that implements no interface
        /// member explicitly.
        /// </summary>
        private static bool IsFileLocal(IMethodSymbol target)
        {
            if (target.MethodKind == MethodKind.LocalFunction)
            {
                return true;
            }

            var references = target.DeclaringSyntaxReferences;
            return !references.IsEmpty && target.OverriddenMethod is null && target.ExplicitInterfaceImplementations.IsEmpty
                && references.All(r => IsFileLocal(r.GetSyntax()));
        }

        private static bool IsFileLocal(SyntaxNode owner)
        {
            if (owner is LocalFunctionStatementSyntax)
            {
                return true;
            }

            if (owner is not MethodDeclarationSyntax { ExplicitInterfaceSpecifier: null } method
                || method.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword)))
            {
                return false;
            }

            for (var type = method.Parent as TypeDeclarationSyntax; type is not null; type = type.Parent as TypeDeclarationSyntax)
            {
                if (type is InterfaceDeclarationSyntax || type.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return false;
                }
            }

            return method.Parent is TypeDeclarationSyntax;
        }

        private static string SimpleName(TypeSyntax type)
            => type switch
            {
                QualifiedNameSyntax qualified => SimpleName(qualified.Right),
                GenericNameSyntax generic => generic.Identifier.ValueText,
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                _ => type.ToString(),
            };
    }
}
