using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace ScrapeLint.CodeFixes
{
    /// <summary>
    /// Inserts statements before a request and members into its type, keeping the user's formatting and
    /// comments: new code is parsed from text with fully qualified names, then the usings it needs are added,
    /// names simplified and only the new code formatted.
    /// </summary>
    internal static class GuardEditor
    {
        /// <summary>Parses generated code and marks it for import adding, simplification and formatting.</summary>
        public static StatementSyntax Statement(string text)
            => Mark(SyntaxFactory.ParseStatement(text));

        public static MemberDeclarationSyntax Member(string text)
            => Mark(SyntaxFactory.ParseMemberDeclaration(text)!);

        public static ExpressionSyntax Expression(string text)
            => Mark(SyntaxFactory.ParseExpression(text));

        public static T Mark<T>(T node)
            where T : SyntaxNode
            => node.WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        /// <summary>A URL written inline (an interpolation, a call, a concatenation) is evaluated once: it gets a local.</summary>
        public static bool NeedsLocal(ExpressionSyntax url)
            => url switch
            {
                IdentifierNameSyntax or ThisExpressionSyntax => false,
                MemberAccessExpressionSyntax member => NeedsLocal(member.Expression),
                _ => true,
            };

        /// <summary>A name not written anywhere in <paramref name="scope"/>, so it neither clashes nor shadows.</summary>
        public static string UniqueName(SyntaxNode scope, string baseName)
        {
            var used = new HashSet<string>(scope.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
            var name = baseName;
            for (var i = 2; used.Contains(name); i++)
            {
                name = baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return name;
        }

        /// <summary>The type declaration a field is added to, or null for top-level statements.</summary>
        public static TypeDeclarationSyntax? ContainingType(SyntaxNode node) => node.FirstAncestorOrSelf<TypeDeclarationSyntax>();

        /// <summary>
        /// Puts <paramref name="statements"/> before the site's statement (a block is made for an embedded
        /// statement, and an expression-bodied lambda gets a block body, made async when the guards await);
        /// <paramref name="urlLocal"/> replaces an inline URL by a new local declared first; <paramref name="field"/>
        /// is added to the containing type after its fields.
        /// </summary>
        public static SyntaxNode Insert(
            SyntaxNode root,
            RequestSite site,
            IReadOnlyList<StatementSyntax> statements,
            (ExpressionSyntax Url, string Name)? urlLocal,
            MemberDeclarationSyntax? field)
        {
            // Fresh annotations: Fix All inserts several times into one document.
            var anchorAnnotation = new SyntaxAnnotation();
            var typeAnnotation = new SyntaxAnnotation();
            var urlAnnotation = new SyntaxAnnotation();
            var anchorNode = (SyntaxNode?)site.Anchor ?? site.Function;
            var type = field is null ? null : ContainingType(site.Request);
            var annotations = new Dictionary<SyntaxNode, SyntaxAnnotation> { [anchorNode] = anchorAnnotation };
            if (type is not null)
            {
                annotations[type] = typeAnnotation;
            }

            if (urlLocal is { } local)
            {
                annotations[local.Url] = urlAnnotation;
            }

            root = root.ReplaceNodes(annotations.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(annotations[original]));

            // New lines end like the document's lines; a guard with a block is followed by a blank line.
            var endOfLine = EndOfLine(root);
            var toInsert = statements
                .Select(s => s.WithoutTrailingTrivia().WithTrailingTrivia(s is IfStatementSyntax ? new[] { endOfLine, endOfLine } : new[] { endOfLine }))
                .ToList();
            if (urlLocal is { } introduced)
            {
                var url = root.GetAnnotatedNodes(urlAnnotation).Single();
                toInsert.Insert(0, Statement($"var {introduced.Name} = {url.WithoutTrivia().ToFullString()};").WithTrailingTrivia(endOfLine));
                root = root.ReplaceNode(url, SyntaxFactory.IdentifierName(introduced.Name).WithTriviaFrom(url));
            }

            var anchor = root.GetAnnotatedNodes(anchorAnnotation).Single();
            root = site.Anchor is null
                ? root.ReplaceNode(anchor, WithBlockBody((LambdaExpressionSyntax)anchor, site, toInsert))
                : InsertBefore(root, (StatementSyntax)anchor, toInsert);

            if (field is GlobalStatementSyntax && root is CompilationUnitSyntax unit)
            {
                // Top-level statements: the shared object is a local declared before the first statement.
                // It takes over the blank lines above the first statement; that statement keeps its comments.
                var index = unit.Members.IndexOf(m => m is GlobalStatementSyntax);
                var first = unit.Members[index];
                var leading = first.GetLeadingTrivia();
                var blank = leading.TakeWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia) || t.IsKind(SyntaxKind.WhitespaceTrivia)).Count();
                var members = unit.Members.Replace(first, first.WithLeadingTrivia(leading.Skip(blank)));
                field = field.WithLeadingTrivia(leading.Take(blank)).WithTrailingTrivia(endOfLine, endOfLine);
                root = unit.WithMembers(members.Insert(index, field));
            }
            else if (field is not null && root.GetAnnotatedNodes(typeAnnotation).SingleOrDefault() is TypeDeclarationSyntax typeNode)
            {
                var members = typeNode.Members;
                var index = members.LastIndexOf(m => m is FieldDeclarationSyntax) + 1;

                // After the fields; first in the type, it is set apart from the member after it by a blank line.
                field = field.WithoutTrailingTrivia().WithTrailingTrivia(index == 0 && members.Count > 0 ? new[] { endOfLine, endOfLine } : new[] { endOfLine });
                root = root.ReplaceNode(typeNode, typeNode.WithMembers(members.Insert(index, field)));
            }

            return root;
        }

        /// <summary>Adds the usings the new code needs, simplifies its names and formats it (nothing else).</summary>
        public static async Task<Document> FinishAsync(Document document, SyntaxNode root, CancellationToken cancellationToken)
        {
            document = document.WithSyntaxRoot(root);
            document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A line break like the document's first one.</summary>
        public static SyntaxTrivia EndOfLine(SyntaxNode root)
            => SyntaxFactory.EndOfLine(root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)).ToString() is { Length: > 0 } eol ? eol : "\n");

        /// <summary>Adds <c>async</c> in front of a lambda, keeping the lambda's leading trivia in front of it.</summary>
        public static LambdaExpressionSyntax MakeAsync(LambdaExpressionSyntax lambda)
        {
            var leading = lambda.GetLeadingTrivia();
            return lambda.WithoutLeadingTrivia()
                .WithAsyncKeyword(SyntaxFactory.Token(SyntaxKind.AsyncKeyword).WithTrailingTrivia(SyntaxFactory.Space))
                .WithLeadingTrivia(leading);
        }

        public static SyntaxNode InsertBefore(SyntaxNode root, StatementSyntax anchor, List<StatementSyntax> statements)
        {
            switch (anchor.Parent)
            {
                case BlockSyntax or SwitchSectionSyntax:
                    return root.InsertNodesBefore(anchor, statements);
                case GlobalStatementSyntax global:
                    return root.InsertNodesBefore(global, statements.Select(s => (SyntaxNode)SyntaxFactory.GlobalStatement(s)));
                default:
                    // An embedded statement (foreach (…) Fetch(url);): it and its guards become a block.
                    var block = SyntaxFactory.Block(statements.Append(anchor.WithoutTrivia()))
                        .WithTriviaFrom(anchor)
                        .WithAdditionalAnnotations(Formatter.Annotation);
                    return root.ReplaceNode(anchor, block);
            }
        }

        private static LambdaExpressionSyntax WithBlockBody(LambdaExpressionSyntax lambda, RequestSite site, List<StatementSyntax> statements)
        {
            var body = lambda.ExpressionBody!;
            var expression = site.MakeAsync
                ? SyntaxFactory.AwaitExpression(body.WithoutTrivia())
                : body.WithoutTrivia();
            StatementSyntax last = site.ResultType is null
                ? SyntaxFactory.ExpressionStatement(expression)
                : SyntaxFactory.ReturnStatement(expression);
            var block = SyntaxFactory.Block(statements.Append(last)).WithAdditionalAnnotations(Formatter.Annotation);
            var result = lambda
                .WithExpressionBody(null)
                .WithArrowToken(lambda.ArrowToken.WithTrailingTrivia(SyntaxFactory.ElasticLineFeed))
                .WithBlock(block.WithTrailingTrivia(body.GetTrailingTrivia()));
            return (site.MakeAsync ? MakeAsync(result) : result).WithAdditionalAnnotations(Formatter.Annotation);
        }
    }
}
