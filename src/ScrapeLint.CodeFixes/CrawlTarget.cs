using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ScrapeLint.Rules;

namespace ScrapeLint.CodeFixes
{
    /// <summary>
    /// The syntax a crawl diagnostic points at: the reported node (request or fan-out call), the URL
    /// expression, and the iteration around it, read from the spans in <see cref="FixProperties"/>.
    /// Fix All annotates these nodes once and finds them again after each edit of the document.
    /// </summary>
    internal sealed class CrawlTarget
    {
        private CrawlTarget(SyntaxNode reported, ExpressionSyntax? url, SyntaxNode? iteration, string? iterationKind)
        {
            Reported = reported;
            Url = url;
            Iteration = iteration;
            IterationKind = iterationKind;
        }

        /// <summary>The request (invocation or navigating assignment), or for SL2003 the fan-out call's expression.</summary>
        public SyntaxNode Reported { get; }

        public ExpressionSyntax? Url { get; }

        /// <summary>The loop statement or lambda the request runs in (SL2001/SL2002), or the fan-out lambda (SL2003).</summary>
        public SyntaxNode? Iteration { get; }

        public string? IterationKind { get; }

        public static CrawlTarget? Find(SyntaxNode root, Diagnostic diagnostic)
        {
            var properties = diagnostic.Properties;
            var reported = Node(root, diagnostic.Location.SourceSpan);
            if (reported is null)
            {
                return null;
            }

            var iterationSpan = FixProperties.ParseSpan(properties, FixProperties.IterationSpan) ?? FixProperties.ParseSpan(properties, FixProperties.FanOutLambdaSpan);
            var urlSpan = FixProperties.ParseSpan(properties, FixProperties.UrlSpan);
            properties.TryGetValue(FixProperties.IterationKind, out var kind);
            return new CrawlTarget(
                reported,
                urlSpan is { } u ? Node(root, u) as ExpressionSyntax : null,
                iterationSpan is { } i ? Node(root, i) : null,
                kind);
        }

        /// <summary>The nodes to track through the edits of Fix All.</summary>
        public IEnumerable<SyntaxNode> Nodes()
        {
            yield return Reported;
            if (Url is not null)
            {
                yield return Url;
            }

            if (Iteration is not null)
            {
                yield return Iteration;
            }
        }

        /// <summary>The same target in a root where its nodes were annotated (see <see cref="Annotate"/>).</summary>
        public CrawlTarget? In(SyntaxNode root, IReadOnlyDictionary<SyntaxNode, SyntaxAnnotation> annotations)
        {
            var reported = Current(root, Reported, annotations);
            return reported is null
                ? null
                : new CrawlTarget(
                    reported,
                    Url is null ? null : Current(root, Url, annotations) as ExpressionSyntax,
                    Iteration is null ? null : Current(root, Iteration, annotations),
                    IterationKind);
        }

        public static SyntaxNode Annotate(SyntaxNode root, IEnumerable<CrawlTarget> targets, out Dictionary<SyntaxNode, SyntaxAnnotation> annotations)
        {
            var map = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (var node in targets.SelectMany(t => t.Nodes()))
            {
                if (!map.ContainsKey(node))
                {
                    map[node] = new SyntaxAnnotation("ScrapeLint.FixAllTarget");
                }
            }

            annotations = map;
            return root.ReplaceNodes(map.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(map[original]));
        }

        private static SyntaxNode? Current(SyntaxNode root, SyntaxNode original, IReadOnlyDictionary<SyntaxNode, SyntaxAnnotation> annotations)
            => annotations.TryGetValue(original, out var annotation) ? root.GetAnnotatedNodes(annotation).FirstOrDefault() : null;

        /// <summary>The outermost expression or statement with exactly this span (an argument's expression, not the argument).</summary>
        private static SyntaxNode? Node(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            if (!root.FullSpan.Contains(span))
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            while (node.Parent is { } parent && parent.Span == span && parent is ExpressionSyntax or StatementSyntax)
            {
                node = parent;
            }

            return node.Span == span ? node : null;
        }
    }
}
