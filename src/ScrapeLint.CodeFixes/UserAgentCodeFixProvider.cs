using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using ScrapeLint.Rules;

namespace ScrapeLint.CodeFixes
{
    /// <summary>
    /// SL3001: the crawler says who it is. The value at the place the User-Agent is set (a header argument, an
    /// assigned <c>UserAgent</c>, a Puppeteer or Playwright setting, a browser's <c>--user-agent=</c> switch) becomes
    /// a literal of <c>scrapelint.user_agent</c>, else <c>&lt;AssemblyName&gt;/&lt;version&gt; (+https://example.com/bot)</c>;
    /// <c>UserAgent.Add(new ProductInfoHeaderValue(…))</c> becomes <c>UserAgent.ParseAdd("…")</c>. Constants, fields
    /// and rotation lists the value came from are left as they are: they may be read elsewhere, and the set site is
    /// the one place that decides what is sent.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UserAgentCodeFixProvider))]
    [Shared]
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
                if (userAgent is null || Plan(root, semanticModel, diagnostic, userAgent, context.CancellationToken) is not { } edit)
                {
                    continue;
                }

                var title = diagnostic.Properties.ContainsKey(FixProperties.UserAgentRotation)
                    ? "Identify the crawler instead of rotating browser User-Agents"
                    : $"Identify the crawler: use '{userAgent}' as User-Agent";
                context.RegisterCodeFix(
                    CodeAction.Create(title, _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(edit.Node, edit.Replacement))), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document?> FixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null || IdentifyingUserAgent(document, root, semanticModel) is not { } userAgent)
            {
                return null;
            }

            var edits = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var diagnostic in diagnostics)
            {
                if (Plan(root, semanticModel, diagnostic, userAgent, cancellationToken) is { } edit && !edits.Keys.Any(n => n.Span.IntersectsWith(edit.Node.Span)))
                {
                    edits[edit.Node] = edit.Replacement;
                }
            }

            return edits.Count == 0 ? null : document.WithSyntaxRoot(root.ReplaceNodes(edits.Keys, (original, _) => edits[original]));
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
        private static (SyntaxNode Node, SyntaxNode Replacement)? Plan(SyntaxNode root, SemanticModel semanticModel, Diagnostic diagnostic, string userAgent, CancellationToken cancellationToken)
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
                return (value, Literal(text).WithTriviaFrom(value));
            }

            // headers.UserAgent.Add(new ProductInfoHeaderValue("Mozilla", "5.0")): one product token cannot carry a
            // comment with the contact URL, ParseAdd takes the whole string.
            if (!isSwitch && type is { Name: "ProductInfoHeaderValue", ContainingNamespace: { } ns } && ns.ToDisplayString() == "System.Net.Http.Headers"
                && value.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" } member } invocation } })
            {
                var parseAdd = member.WithName(SyntaxFactory.IdentifierName("ParseAdd").WithTriviaFrom(member.Name));
                var arguments = invocation.ArgumentList.WithArguments(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Literal(userAgent).WithTriviaFrom(value))));
                return (invocation, invocation.WithExpression(parseAdd).WithArgumentList(arguments));
            }

            return null;
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
