using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>
    /// Runs the evasion rules (SL3001, SL3002, SL3003, SL3004, SL3005) once per file, on the files whose text can hold a
    /// site (<see cref="MayHaveSites"/>). There each invocation, object creation and assignment is rejected by its name
    /// before anything is bound; the rest is bound once and handed to the rules that look at that name. Registers nothing
    /// in a project that cannot send a request (<see cref="CrawlModel.MayRequest"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EvasionAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly ImmutableArray<EvasionRule> Rules = ImmutableArray.Create<EvasionRule>(
            new BrowserUserAgentRule(),
            new RotatingProxyRule(),
            new CaptchaOrBotEvasionRule(),
            new SocialSessionCookieRule(),
            new AutomatedLoginRule());

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Rules.Select(r => r.Descriptor).ToImmutableArray();

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // No callback in generated code (no Analyze flag), and no second filtering of what the callbacks report, which
            // would cost the driver a walk of every tree a diagnostic is reported in (see GeneratedCodeTests).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var model = EvasionModel.For(start.Compilation);
                if (!model.Crawl.MayRequest(start.Options, start.CancellationToken))
                {
                    return;
                }

                // What every file's check reads, made once before any file is analysed: files analysed in parallel would otherwise
                // wait for the first of them to make it, and each wait would count as analyzer time. It is text only; nothing is bound.
                model.Crawl.Mentions(start.Options, start.CancellationToken);
                model.MentionsCaptchaServices(start.CancellationToken);

                start.RegisterSemanticModelAction(file =>
                {
                    var tree = file.SemanticModel.SyntaxTree;
                    var cancellationToken = file.CancellationToken;
                    if (!MayHaveSites(tree, model, file.Options, cancellationToken))
                    {
                        return;
                    }

                    // One delegate per file: a method group of the context (a struct) boxes it each time it is made.
                    Action<Diagnostic> report = file.ReportDiagnostic;
                    foreach (var node in Nodes(tree, model, out var places, cancellationToken))
                    {
                        if (node.IsKind(SyntaxKind.InvocationExpression) || node.IsKind(SyntaxKind.ObjectCreationExpression)
                            || node.IsKind(SyntaxKind.SimpleAssignmentExpression) || node.IsKind(SyntaxKind.ComplexElementInitializerExpression))
                        {
                            Analyze(node, places, file.SemanticModel, model, file.Options, report, cancellationToken);
                        }
                    }
                });
            });
        }

        /// <summary>
        /// Whether a file can hold a site some rule looks at: its text has a distinctive site name, a word that makes a common
        /// site worth binding, or a post beside a password; any file can when the project names a CAPTCHA service. The file's
        /// names come from the scan the crawl index shares (<see cref="FileMentions"/>); no node of another file is visited.
        /// </summary>
        internal static bool MayHaveSites(SyntaxTree tree, EvasionModel model, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            if (model.MentionsCaptchaServices(cancellationToken))
            {
                return true;
            }

            var mentioned = model.Crawl.Mentions(options, cancellationToken).Of(tree, cancellationToken);
            if ((mentioned & FileMentions.EvasionSite) != 0)
            {
                return true;
            }

            // A common site is bound when its text has a mention word, copies a header dictionary in a loop or spells a header
            // name in parts (<c>"Coo" + "kie"</c>): the file then names the words or the header APIs.
            if ((mentioned & (FileMentions.MentionWord | FileMentions.HeaderApiWord)) != 0)
            {
                return true;
            }

            if ((mentioned & FileMentions.LoginPost) == 0)
            {
                return false;
            }

            var text = model.Crawl.Texts.Of(tree, cancellationToken);
            return text.IndexOf("pass", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>
        /// The nodes of a file that may be sites: only the parts of the tree around a place where the text has a site name, a
        /// mention word or a <c>+</c> (<paramref name="places"/>, sorted) are walked. A site the rules look at has one of them in
        /// its span: its name, or for a site written without one (<c>[]</c>, an element of a collection initializer) the word or
        /// the concatenation that makes it worth binding (<see cref="Analyze"/>). The whole tree is walked, and
        /// <paramref name="places"/> is null, when a CAPTCHA service is named (any sink name is a site then) or an identifier
        /// is spelled with escapes.
        /// </summary>
        private static IEnumerable<SyntaxNode> Nodes(SyntaxTree tree, EvasionModel model, out List<int>? places, CancellationToken cancellationToken)
        {
            var root = tree.GetRoot(cancellationToken);
            var text = model.Crawl.Texts.Of(tree, cancellationToken);
            var found = new List<int>();

            // The names' tag is 1: asking for tags never all found reads the whole text; ~0 comes back from an escape in an identifier.
            if (model.MentionsCaptchaServices(cancellationToken) || EvasionSiteNames.Any.TagsIn(text, wanted: ~1, escape: null, found, placeTags: 1) == ~0)
            {
                places = null;
                return root.DescendantNodes();
            }

            EvasionSiteNames.AddMentionPlaces(text, found);
            for (var at = text.IndexOf('+'); at >= 0; at = text.IndexOf('+', at + 1))
            {
                found.Add(at);
            }

            found.Sort();
            places = found;
            return root.DescendantNodes(node => HasPlaceIn(found, node.FullSpan.Start, node.FullSpan.End));
        }

        /// <summary>Some place of the sorted list is in [start, end).</summary>
        private static bool HasPlaceIn(List<int> places, int start, int end)
        {
            var at = places.BinarySearch(start);
            if (at < 0)
            {
                at = ~at;
            }

            return at < places.Count && places[at] < end;
        }

        /// <summary>
        /// One site: rejected by its name, or when no place of <see cref="Nodes"/> is in its span (the walk passes every child of
        /// a node that has one: each element of a large table around one word), before anything is bound; else bound once and
        /// handed to the rules that look at that name.
        /// </summary>
        private static void Analyze(SyntaxNode node, List<int>? places, SemanticModel semanticModel, EvasionModel model, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            var name = SiteName(node);
            if (name is null
                || (!EvasionSiteNames.Any.Contains(name) && !(model.MentionsCaptchaServices(cancellationToken) && (CaptchaServices.IsSolvingName(name) || model.Crawl.Catalog.IsSinkName(name))))
                || (places is not null && !HasPlaceIn(places, node.SpanStart, node.Span.End))
                || (EvasionSiteNames.Common.Contains(name) && !Mentions(node, name, model, cancellationToken) && !MentionsByValue(node, semanticModel, cancellationToken))
                || (Logins.PostNames.Contains(name) && !model.MentionsCaptchaServices(cancellationToken) && !MentionsPassword(node, model, cancellationToken))
                || GeneratedCode.IsInMarkedSymbol(node, semanticModel, cancellationToken))
            {
                return;
            }

            EvasionSite? site = null;
            foreach (var rule in Rules)
            {
                if (!rule.IsCandidate(name, model, cancellationToken))
                {
                    continue;
                }

                if (site is null)
                {
                    var operation = Operation(node, semanticModel, cancellationToken);
                    if (operation is null)
                    {
                        return;
                    }

                    site = new EvasionSite(node, operation, model, options, cancellationToken);
                }

                foreach (var diagnostic in rule.Check(site))
                {
                    report(diagnostic);
                }
            }
        }

        /// <summary>
        /// The node's operation. An element of a collection initializer (<c>{ "User-Agent", … }</c>) has none of its own: it is the
        /// implicit <c>Add</c> among the initializer's children.
        /// </summary>
        private static IOperation? Operation(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            if (node is InitializerExpressionSyntax && node.Parent is InitializerExpressionSyntax collection)
            {
                foreach (var child in semanticModel.GetOperation(collection, cancellationToken)?.ChildOperations ?? Enumerable.Empty<IOperation>())
                {
                    if (child.Syntax == node)
                    {
                        return child;
                    }
                }

                return null;
            }

            return semanticModel.GetOperation(node, cancellationToken);
        }

        /// <summary>
        /// The site copies a header dictionary in a loop, or its text (its statement's for <c>Address</c> and <c>Server</c>) has
        /// "agent", "cookie", "session" or "prox" in any case where a word starts (<see cref="EvasionSiteNames.Mentioned(string, int, int)"/>),
        /// comments included.
        /// </summary>
        private static bool Mentions(SyntaxNode node, string name, EvasionModel model, CancellationToken cancellationToken)
        {
            if (IsLoopCopy(node))
            {
                return true;
            }

            var scope = name is "Address" or "Server" ? node.FirstAncestorOrSelf<StatementSyntax>() ?? node.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? node : node;
            return EvasionSiteNames.Mentioned(model.Crawl.Texts.Of(node.SyntaxTree, cancellationToken), scope.Span.Start, scope.Span.End);
        }

        /// <summary>
        /// A post (<c>PostAsync</c>, <c>SendAsync</c>) is bound for SL3005 only when its member's text has "pass" or "pwd" in any case:
        /// a login form names its password field.
        /// </summary>
        private static bool MentionsPassword(SyntaxNode node, EvasionModel model, CancellationToken cancellationToken)
        {
            var scope = node.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? node;
            var text = model.Crawl.Texts.Of(node.SyntaxTree, cancellationToken);
            var span = scope.Span;
            for (var i = span.Start; i + 3 <= span.End; i++)
            {
                if ((text[i] | 0x20) == 'p'
                    && (((text[i + 1] | 0x20) == 'a' && i + 4 <= span.End && (text[i + 2] | 0x20) == 's' && (text[i + 3] | 0x20) == 's')
                        || ((text[i + 1] | 0x20) == 'w' && (text[i + 2] | 0x20) == 'd')))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>request.Headers.TryAddWithoutValidation(name, value)</c> with a name that is no literal, in a <c>foreach</c> of the same
        /// member: a header dictionary copied onto a request, whose entries are named elsewhere.
        /// </summary>
        private static bool IsLoopCopy(SyntaxNode node)
        {
            if (node is not InvocationExpressionSyntax { ArgumentList.Arguments: { Count: 2 } arguments } || arguments[0].Expression is LiteralExpressionSyntax)
            {
                return false;
            }

            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case CommonForEachStatementSyntax:
                        return true;
                    case MemberDeclarationSyntax:
                    case AnonymousFunctionExpressionSyntax:
                    case LocalFunctionStatementSyntax:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// A name spelled in parts (<c>("Coo" + "kie")</c>, <c>"User-" + Agent</c>) has none of the words in its text: an argument
        /// (or indexer key, or initializer element) that is a concatenation is compared by its constant value. Only such
        /// concatenations are bound, and they are rare among the arguments of <c>Add</c>-like calls.
        /// </summary>
        private static bool MentionsByValue(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            IEnumerable<ExpressionSyntax> parts = node switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments.Select(a => a.Expression),
                InitializerExpressionSyntax initializer => initializer.Expressions,
                AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax element } => element.ArgumentList.Arguments.Select(a => a.Expression),
                AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax element } => element.ArgumentList.Arguments.Select(a => a.Expression),
                _ => Enumerable.Empty<ExpressionSyntax>(),
            };
            foreach (var part in parts)
            {
                var expression = part;
                while (expression is ParenthesizedExpressionSyntax parenthesized)
                {
                    expression = parenthesized.Expression;
                }

                if (expression.IsKind(SyntaxKind.AddExpression)
                    && semanticModel.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string value }
                    && EvasionSiteNames.Mentioned(value, 0, value.Length))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The invoked method's, created type's or assigned member's name; <c>[]</c> for an indexer assignment.</summary>
        private static string? SiteName(SyntaxNode node)
            => node switch
            {
                InvocationExpressionSyntax invocation => SyntaxIndex.InvokedName(invocation),
                ObjectCreationExpressionSyntax creation => creation.Type switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => null,
                },
                InitializerExpressionSyntax => "Add",
                AssignmentExpressionSyntax assignment => assignment.Left switch
                {
                    ImplicitElementAccessSyntax => "[]",
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    ElementAccessExpressionSyntax => "[]",
                    _ => null,
                },
                _ => null,
            };
    }
}
