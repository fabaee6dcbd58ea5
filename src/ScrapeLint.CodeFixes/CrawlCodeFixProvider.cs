using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ScrapeLint.CodeFixes
{
    /// <summary>One planned fix: its title, its equivalence key (rule and variant) and the edit of the root it was planned on.</summary>
    internal sealed class FixPlan
    {
        public FixPlan(string title, string equivalenceKey, Func<SyntaxNode, SyntaxNode> apply)
        {
            Title = title;
            EquivalenceKey = equivalenceKey;
            Apply = apply;
        }

        public string Title { get; }

        public string EquivalenceKey { get; }

        public Func<SyntaxNode, SyntaxNode> Apply { get; }
    }

    /// <summary>
    /// The shape shared by the crawl fixes: a diagnostic becomes a <see cref="CrawlTarget"/>, the rule's fix
    /// plans an edit for the best API the compilation has, and Fix All applies the plans of a document one
    /// after the other on the updated document (so a field added for the first request is reused by the
    /// next one, which a batch merge of independent text changes would duplicate).
    /// </summary>
    public abstract class CrawlCodeFixProvider : CodeFixProvider
    {
        public sealed override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create(
                (context, document, diagnostics) => FixAllAsync(context, document, diagnostics),
                ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || semanticModel is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (CrawlTarget.Find(root, diagnostic) is not { } target
                    || Plan(document, root, semanticModel, target, context.CancellationToken) is not { } plan)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(plan.Title, c => GuardEditor.FinishAsync(document, plan.Apply(root), c), plan.EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The fix for one target, or null when this rule has none here.</summary>
        internal abstract FixPlan? Plan(Document document, SyntaxNode root, SemanticModel semanticModel, CrawlTarget target, CancellationToken cancellationToken);

        private async Task<Document?> FixAllAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var cancellationToken = context.CancellationToken;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return null;
            }

            var unfixed = document;
            var targets = diagnostics.Select(d => CrawlTarget.Find(root, d)).Where(t => t is not null).Select(t => t!).ToList();
            root = CrawlTarget.Annotate(root, targets, out var annotations);
            document = document.WithSyntaxRoot(root);
            foreach (var original in targets.OrderBy(t => t.Reported.SpanStart))
            {
                // The document's own root: nodes of the semantic model's tree, found again by their annotations.
                root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
                var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (semanticModel is null || original.In(root, annotations) is not { } target
                    || Plan(document, root, semanticModel, target, cancellationToken) is not { } plan
                    || plan.EquivalenceKey != context.CodeActionEquivalenceKey)
                {
                    continue;
                }

                document = document.WithSyntaxRoot(plan.Apply(root));
            }

            root = (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            return await GuardEditor.FinishAsync(unfixed, root, cancellationToken).ConfigureAwait(false);
        }
    }
}
