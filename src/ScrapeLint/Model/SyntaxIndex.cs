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
    /// One syntax-only pass over the compilation, made the first time a rule needs it: the names of the
    /// project's methods that may wrap a request (they call a sink or another such method, by name),
    /// each file's invocations by such a name, the message handlers the project declares, and the types it
    /// constructs. Binding confirms every candidate later; this pass only decides what is worth binding.
    /// </summary>
    internal sealed class SyntaxIndex
    {
        private SyntaxIndex(HashSet<string> wrapperNames, Dictionary<string, List<SyntaxNode>> wrapperDeclarations, ImmutableArray<InvocationExpressionSyntax> typedClientRegistrations, ImmutableArray<ClassDeclarationSyntax> handlerCandidates, ImmutableHashSet<string> constructedTypeNames, bool hasPollyRateLimiter, Dictionary<SyntaxTree, ImmutableArray<SyntaxNode>> candidates)
        {
            WrapperNames = wrapperNames;
            this.candidates = candidates;
            WrapperDeclarations = wrapperDeclarations;
            TypedClientRegistrations = typedClientRegistrations;
            HandlerCandidates = handlerCandidates;
            ConstructedTypeNames = constructedTypeNames;
            HasPollyRateLimiter = hasPollyRateLimiter;
        }

        private readonly Dictionary<SyntaxTree, ImmutableArray<SyntaxNode>> candidates;

        /// <summary>
        /// The invocations of a file by a sink, wrapper or configured name, and its navigating <c>Url</c> assignments: the
        /// only nodes of the file that can be requests. Every file that holds one is walked by the index (it names a sink,
        /// a configured method, <c>Url</c>, or a wrapper its file can call), so a file that was not walked has none.
        /// </summary>
        public ImmutableArray<SyntaxNode> CandidatesIn(SyntaxTree tree) => candidates.TryGetValue(tree, out var nodes) ? nodes : ImmutableArray<SyntaxNode>.Empty;

        /// <summary>Names of methods and local functions that call a sink or another wrapper, transitively.</summary>
        public HashSet<string> WrapperNames { get; }

        /// <summary>The declarations of the wrapper candidates, by name: the implementations behind an interface call.</summary>
        public Dictionary<string, List<SyntaxNode>> WrapperDeclarations { get; }

        /// <summary><c>AddHttpClient&lt;T&gt;(…)</c> calls: where typed clients get their base address.</summary>
        public ImmutableArray<InvocationExpressionSyntax> TypedClientRegistrations { get; }

        /// <summary>Classes whose base list names a handler (<c>DelegatingHandler</c>, <c>HttpClientHandler</c>).</summary>
        public ImmutableArray<ClassDeclarationSyntax> HandlerCandidates { get; }

        /// <summary>Type names used in <c>new T(…)</c> or as generic arguments (<c>AddHttpMessageHandler&lt;T&gt;</c>).</summary>
        public ImmutableHashSet<string> ConstructedTypeNames { get; }

        /// <summary>The project configures a Polly rate limiter somewhere (<c>AddRateLimiter</c>, <c>RateLimitAsync</c>).</summary>
        public bool HasPollyRateLimiter { get; }

        public static SyntaxIndex Build(Compilation compilation, SourceStrings texts, SinkCatalog catalog, HashSet<string> configuredNames, CancellationToken cancellationToken)
        {
            var calls = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var wrappers = new HashSet<string>(StringComparer.Ordinal);
            var declarations = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
            var handlers = ImmutableArray.CreateBuilder<ClassDeclarationSyntax>();
            var constructed = new HashSet<string>(StringComparer.Ordinal);
            var polly = false;
            var registrations = ImmutableArray.CreateBuilder<InvocationExpressionSyntax>();
            var perFile = new Dictionary<SyntaxTree, List<(SyntaxNode Node, string? Name)>>();

            // Only trees whose text names a sink, a registration or a handler are walked; then the trees naming
            // the wrappers and handlers found so far, until no new tree qualifies. A tree none of these names
            // appear in cannot hold a wrapper, so a project without requests costs one text scan. A wrapper that
            // only its own file can call (a local function, a private method of a type that is not partial) sends
            // no other tree to be walked: its callers are in the tree it was found in, which is walked already.
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
                names.Add("Url");
            }

            var pending = compilation.SyntaxTrees.ToList();
            var known = new HashSet<string>(names, StringComparer.Ordinal);
            while (names.Count > 0)
            {
                var lookup = new NameSet(names);
                var round = new List<SyntaxTree>();
                foreach (var tree in pending)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (lookup.MentionedIn(texts.Of(tree, cancellationToken)))
                    {
                        round.Add(tree);
                    }
                }

                var walked = new HashSet<SyntaxTree>(round);
                pending.RemoveAll(walked.Contains);
                foreach (var tree in round)
                {
                    Walk(tree);
                }

                FixedPoint();
                // A name stays unknown while all its declarations are file-local: a later round may find one that is not.
                names = new HashSet<string>(wrappers.Where(w => !known.Contains(w) && (!declarations.TryGetValue(w, out var nodes) || !nodes.All(IsFileLocal))).Where(known.Add), StringComparer.Ordinal);
                names.UnionWith(handlers.Select(h => h.Identifier.ValueText).Where(known.Add));
                if (round.Count == 0)
                {
                    break;
                }
            }

            foreach (var name in declarations.Keys.Where(n => !wrappers.Contains(n)).ToList())
            {
                declarations.Remove(name);
            }

            // With the wrappers final, each walked file keeps the invocations by a candidate name (and the Url assignments).
            var candidates = new Dictionary<SyntaxTree, ImmutableArray<SyntaxNode>>();
            foreach (var pair in perFile)
            {
                var kept = pair.Value
                    .Where(c => c.Name is null || wrappers.Contains(c.Name)
                        || (c.Node is InvocationExpressionSyntax invocation && (catalog.IsSinkName(c.Name, invocation) || catalog.IsClickName(c.Name) || configuredNames.Contains(c.Name))))
                    .Select(c => c.Node)
                    .ToImmutableArray();
                if (!kept.IsEmpty)
                {
                    candidates[pair.Key] = kept;
                }
            }

            return new SyntaxIndex(wrappers, declarations, registrations.ToImmutable(), handlers.ToImmutable(), constructed.ToImmutableHashSet(StringComparer.Ordinal), polly, candidates);

            void Walk(SyntaxTree tree)
            {
                var root = tree.GetRoot(cancellationToken);
                var found = new List<(SyntaxNode Node, string? Name)>();
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

                            found.Add((invocation, name));
                            foreach (var argument in name is "Select" or "SelectMany" or "ForEach" or "ForEachAsync" or "ConvertAll" ? invocation.ArgumentList.Arguments : default)
                            {
                                // urls.Select(scraper.TitleAsync): a method group that may be a wrapper, called once per element.
                                if (argument.Expression is IdentifierNameSyntax or MemberAccessExpressionSyntax { Name: IdentifierNameSyntax })
                                {
                                    var group = argument.Expression is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : ((IdentifierNameSyntax)argument.Expression).Identifier.ValueText;
                                    found.Add((argument.Expression, group));
                                }
                            }

                            if (name == "AddHttpClient" && invocation.Expression is MemberAccessExpressionSyntax { Name: GenericNameSyntax })
                            {
                                registrations.Add(invocation);
                            }

                            if (name is "AddRateLimiter" or "RateLimitAsync" or "RateLimit" or "AddConcurrencyLimiter")
                            {
                                polly = true;
                            }

                            var ownerNode = Owner(invocation);
                            var owner = ownerNode is null ? null : NameOf(ownerNode);
                            if (owner is not null)
                            {
                                if (!declarations.TryGetValue(owner, out var nodes))
                                {
                                    declarations[owner] = nodes = new List<SyntaxNode>();
                                }

                                if (!nodes.Contains(ownerNode!))
                                {
                                    nodes.Add(ownerNode!);
                                }
                            }

                            if (owner is not null && (catalog.IsSinkName(name, invocation) || configuredNames.Contains(name)))
                            {
                                wrappers.Add(owner);
                            }
                            else if (owner is not null)
                            {
                                if (!calls.TryGetValue(owner, out var set))
                                {
                                    calls[owner] = set = new HashSet<string>(StringComparer.Ordinal);
                                }

                                set.Add(name);
                            }

                            break;
                        case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Url" } } navigation when catalog.HasNavigatingProperty:
                            // driver.Url = url navigates: its method wraps a request.
                            if (navigation.IsKind(SyntaxKind.SimpleAssignmentExpression))
                            {
                                found.Add((navigation, null));
                            }

                            if (Owner(navigation) is { } navigator)
                            {
                                var navigatorName = NameOf(navigator);
                                wrappers.Add(navigatorName);
                                if (!declarations.TryGetValue(navigatorName, out var navigators))
                                {
                                    declarations[navigatorName] = navigators = new List<SyntaxNode>();
                                }

                                navigators.Add(navigator);
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

            // Fixed point: a method that calls a sink or a wrapper by name is a wrapper candidate. Each wrapper is followed
            // back to its callers once, so a chain of n wrappers costs n steps, not n passes over every method.
            void FixedPoint()
            {
                var callers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                foreach (var pair in calls)
                {
                    foreach (var callee in pair.Value)
                    {
                        if (!callers.TryGetValue(callee, out var list))
                        {
                            callers[callee] = list = new List<string>();
                        }

                        list.Add(pair.Key);
                    }
                }

                var pending = new Stack<string>(wrappers);
                while (pending.Count > 0)
                {
                    if (callers.TryGetValue(pending.Pop(), out var list))
                    {
                        foreach (var caller in list)
                        {
                            if (wrappers.Add(caller))
                            {
                                pending.Push(caller);
                            }
                        }
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

        private static string NameOf(SyntaxNode owner)
            => owner is LocalFunctionStatementSyntax local ? local.Identifier.ValueText : ((MethodDeclarationSyntax)owner).Identifier.ValueText;

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
