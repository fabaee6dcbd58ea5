using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ScrapeLint.Rules;

namespace ScrapeLint.CodeFixes
{
    /// <summary>
    /// SL3001: the crawler says who it is. When the User-Agent is set from a private constant, field or local whose
    /// every use sets a User-Agent, that definition gets the identifying string (a literal of
    /// <c>scrapelint.user_agent</c>, else <c>&lt;AssemblyName&gt;/&lt;version&gt; (+https://example.com/bot)</c>).
    /// Otherwise the value at the place the User-Agent is set (a header argument, an assigned <c>UserAgent</c>, a
    /// Puppeteer or Playwright setting, a browser's <c>--user-agent=</c> switch) becomes that literal;
    /// <c>UserAgent.Add(new ProductInfoHeaderValue(…))</c> becomes <c>UserAgent.ParseAdd("…")</c>; and the private
    /// constants, fields and locals the old value read (a rotation list, its <c>Random</c>, a version constant) are
    /// removed once nothing else reads them, so no unused-member warning (CS0414, CS0219) appears. Members other
    /// code may read (not private) are left as they are.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UserAgentCodeFixProvider))]
    public sealed class UserAgentCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = RuleIdentifiers.BrowserUserAgent + ".IdentifyingUserAgent";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.BrowserUserAgent);

        /// <summary>Every edit replaces one node inside its own set site, so a document's edits are planned on one root and applied together.</summary>
        public override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create(
                (context, document, diagnostics) => FixAllAsync(document, diagnostics, context.CancellationToken),
                ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
            {
                return;
            }

            var userAgent = IdentifyingUserAgent(document, root, semanticModel);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (userAgent is null || await PlanAsync(document, root, semanticModel, diagnostic, userAgent, context.CancellationToken).ConfigureAwait(false) is not { } edit)
                {
                    continue;
                }

                var title = diagnostic.Properties.ContainsKey(FixProperties.UserAgentRotation)
                    ? "Identify the crawler instead of rotating browser User-Agents"
                    : $"Identify the crawler: use '{userAgent}' as User-Agent";
                context.RegisterCodeFix(
                    CodeAction.Create(title, c => ApplyAsync(document, root, semanticModel, new[] { edit }, c), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>One replacement, and the private symbols the replaced code read (candidates for removal).</summary>
        private sealed class Edit
        {
            public Edit(SyntaxNode node, SyntaxNode replacement, IReadOnlyList<ISymbol> readSymbols)
            {
                Node = node;
                Replacement = replacement;
                ReadSymbols = readSymbols;
            }

            public SyntaxNode Node { get; }

            public SyntaxNode Replacement { get; }

            public IReadOnlyList<ISymbol> ReadSymbols { get; }
        }

        private static async Task<Document> ApplyAsync(Document document, SyntaxNode root, SemanticModel semanticModel, IReadOnlyList<Edit> edits, CancellationToken cancellationToken)
        {
            var candidates = edits.SelectMany(e => e.ReadSymbols).Distinct<ISymbol>(SymbolEqualityComparer.Default).ToList();
            var newRoot = UnusedDeclarations.ReplaceAndRemove(root, semanticModel, edits.ToDictionary(e => e.Node, e => e.Replacement), candidates, cancellationToken);
            return await GuardEditor.KeepLineEndsAndEncodingAsync(document, document.WithSyntaxRoot(newRoot), cancellationToken).ConfigureAwait(false);
        }

        private static async Task<Document?> FixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null || IdentifyingUserAgent(document, root, semanticModel) is not { } userAgent)
            {
                return null;
            }

            var edits = new List<Edit>();
            foreach (var diagnostic in diagnostics)
            {
                if (await PlanAsync(document, root, semanticModel, diagnostic, userAgent, cancellationToken).ConfigureAwait(false) is { } edit
                    && !edits.Any(e => e.Node.Span.IntersectsWith(edit.Node.Span)))
                {
                    edits.Add(edit);
                }
            }

            return edits.Count == 0 ? null : await ApplyAsync(document, root, semanticModel, edits, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The string the fix writes, or null when the configured one is itself a browser's: writing it would not
        /// make the crawler identifiable (nor the warning go away).
        /// </summary>
        private static string? IdentifyingUserAgent(Document document, SyntaxNode root, SemanticModel semanticModel)
        {
            var userAgent = CrawlApis.For(semanticModel.Compilation).IdentifyingUserAgent(FixSettings.For(document, root.SyntaxTree));
            return Model.UserAgents.IsBrowser(userAgent) && !Model.UserAgents.IsIdentifyingBot(userAgent) ? null : userAgent;
        }

        /// <summary>The node to replace and its replacement, or null when the value cannot be replaced by a string here.</summary>
        private static async Task<Edit?> PlanAsync(Document document, SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, string userAgent, CancellationToken cancellationToken)
        {
            if (FixProperties.ParseSpan(diagnostic.Properties, FixProperties.UserAgentSpan) is not { } span || Expression(root, span) is not { } value)
            {
                return null;
            }

            var type = semanticModel.GetTypeInfo(value, cancellationToken).Type;
            var isSwitch = diagnostic.Properties.TryGetValue(FixProperties.UserAgentKind, out var kind) && kind == "Switch";
            if (type?.SpecialType == SpecialType.System_String)
            {
                var text = isSwitch ? SwitchPrefix(value, semanticModel, cancellationToken) + userAgent : userAgent;

                // A private constant, field or local that only ever sets User-Agents: change it where it is defined.
                if (await DefinitionToChangeAsync(document, root, semanticModel, value, cancellationToken).ConfigureAwait(false) is { } definition)
                {
                    var defined = isSwitch ? SwitchPrefix(definition, semanticModel, cancellationToken) + userAgent : userAgent;
                    return new Edit(definition, Literal(defined).WithTriviaFrom(definition), Array.Empty<ISymbol>());
                }

                return new Edit(value, Literal(text).WithTriviaFrom(value), UnusedDeclarations.PrivateSymbolsReadIn(value, semanticModel, cancellationToken));
            }

            // headers.UserAgent.Add(new ProductInfoHeaderValue("Mozilla", "5.0")): one product token cannot carry a
            // comment with the contact URL, ParseAdd takes the whole string.
            if (!isSwitch && type is { Name: "ProductInfoHeaderValue", ContainingNamespace: { } ns } && ns.ToDisplayString() == "System.Net.Http.Headers"
                && value.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" } member } invocation } })
            {
                var parseAdd = member.WithName(SyntaxFactory.IdentifierName("ParseAdd").WithTriviaFrom(member.Name));
                var arguments = invocation.ArgumentList.WithArguments(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Literal(userAgent).WithTriviaFrom(value))));
                return new Edit(invocation, invocation.WithExpression(parseAdd).WithArgumentList(arguments), UnusedDeclarations.PrivateSymbolsReadIn(invocation.ArgumentList, semanticModel, cancellationToken));
            }

            return null;
        }

        /// <summary>
        /// The initializer to rewrite when <paramref name="value"/> is a private string constant, field or local of
        /// this document, initialised with a literal and never assigned elsewhere, whose every read is the value of
        /// a User-Agent this rule reports (so changing the definition fixes them all and changes nothing else).
        /// </summary>
        private static async Task<ExpressionSyntax?> DefinitionToChangeAsync(Document document, SyntaxNode root, SemanticModel semanticModel, ExpressionSyntax value, CancellationToken cancellationToken)
        {
            var name = value switch
            {
                IdentifierNameSyntax identifier => identifier,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax identifier } => identifier,
                _ => null,
            };
            if (name is null || UnusedDeclarations.Declaration(semanticModel.GetSymbolInfo(name, cancellationToken).Symbol, root, cancellationToken) is not { } declared
                || declared.Declarator.Initializer?.Value is not LiteralExpressionSyntax initializer
                || !initializer.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return null;
            }

            var symbol = declared.Symbol;
            var reads = new List<ExpressionSyntax>();
            foreach (var identifier in declared.Scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != symbol.Name
                    || !SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol))
                {
                    continue;
                }

                var read = identifier.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access && access.Name == identifier ? (ExpressionSyntax)access : identifier;
                if (read.Parent is AssignmentExpressionSyntax assignment && assignment.Left == read || read.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 })
                {
                    return null; // written elsewhere: the initializer is not the only value
                }

                reads.Add(read);
            }

            if (reads.Count == 0)
            {
                return null;
            }

            // Every read must be a reported User-Agent value.
            var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation is null)
            {
                return null;
            }

            var analyzer = new EvasionAnalyzer();
            var withAnalyzer = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), document.Project.AnalyzerOptions);
            var model = compilation.GetSemanticModel(root.SyntaxTree);
            var diagnostics = await withAnalyzer.GetAnalyzerSemanticDiagnosticsAsync(model, declared.Scope.FullSpan, cancellationToken).ConfigureAwait(false);
            var reported = new HashSet<TextSpan>(diagnostics
                .Where(d => d.Id == RuleIdentifiers.BrowserUserAgent)
                .Select(d => FixProperties.ParseSpan(d.Properties, FixProperties.UserAgentSpan))
                .Where(s => s is not null)
                .Select(s => s!.Value));
            return reads.All(r => reported.Contains(r.Span)) ? initializer : null;
        }

        /// <summary>The switch's own spelling up to its value (<c>--user-agent=</c>, <c>user-agent=</c>), read from its first literal text.</summary>
        private static string SwitchPrefix(ExpressionSyntax value, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            const string Name = "user-agent=";
            var text = value switch
            {
                InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.FirstOrDefault() is InterpolatedStringTextSyntax first ? first.TextToken.ValueText : null,
                BinaryExpressionSyntax binary => semanticModel.GetConstantValue(binary.Left, cancellationToken).Value as string,
                _ => semanticModel.GetConstantValue(value, cancellationToken).Value as string,
            };
            var at = text?.IndexOf(Name, StringComparison.OrdinalIgnoreCase) ?? -1;
            return at >= 0 && text!.Substring(0, at).All(c => c == '-') ? text.Substring(0, at + Name.Length) : "--" + Name;
        }

        private static LiteralExpressionSyntax Literal(string text)
            => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(SymbolDisplay.FormatLiteral(text, quote: true), text));

        /// <summary>The outermost expression with exactly this span (an argument's expression, not the argument).</summary>
        private static ExpressionSyntax? Expression(SyntaxNode root, TextSpan span)
        {
            if (!root.FullSpan.Contains(span))
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            while (node.Parent is ExpressionSyntax parent && parent.Span == span)
            {
                node = parent;
            }

            return node.Span == span ? node as ExpressionSyntax : null;
        }
    }
}
