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
using Microsoft.CodeAnalysis.Text;

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

        /// <summary>
        /// Marks generated code: the whole node for formatting, and only the fully qualified names the fix wrote
        /// (<c>global::…</c>) for simplification and import adding. A name copied from the user's code into the
        /// new code (a URL variable, a field) is left as the user wrote it, and the simplifier, whose cost grows
        /// with what it is given, sees only those few names.
        /// </summary>
        public static T Mark<T>(T node)
            where T : SyntaxNode
        {
            var qualified = node.DescendantNodesAndSelf()
                .OfType<AliasQualifiedNameSyntax>()
                .Where(name => name.Alias.Identifier.IsKind(SyntaxKind.GlobalKeyword))
                .Select(OutermostName)
                .ToList();
            return node
                .ReplaceNodes(qualified, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>
        /// <c>var name = url;</c> around the user's own URL expression: the expression keeps its spelling and
        /// layout; only the tokens the fix adds are formatted, and nothing is simplified.
        /// </summary>
        public static StatementSyntax UrlLocal(string name, ExpressionSyntax url)
        {
            var parsed = (LocalDeclarationStatementSyntax)SyntaxFactory.ParseStatement($"var {name} = {name};");
            var statement = parsed.ReplaceNode(parsed.Declaration.Variables[0].Initializer!.Value, url.WithoutTrivia().WithoutAnnotations(Formatter.Annotation));
            var declarator = statement.Declaration.Variables[0];
            var added = new[] { statement.Declaration.Type.GetFirstToken(), declarator.Identifier, declarator.Initializer!.EqualsToken, statement.SemicolonToken };
            return statement.ReplaceTokens(added, (_, rewritten) => rewritten.WithAdditionalAnnotations(Formatter.Annotation));
        }

        private static SyntaxNode OutermostName(SyntaxNode name)
        {
            while ((name.Parent is QualifiedNameSyntax qualified && qualified.Left == name)
                   || (name.Parent is MemberAccessExpressionSyntax member && member.Expression == name))
            {
                name = name.Parent;
            }

            return name;
        }

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
            MemberDeclarationSyntax? field,
            StatementSyntax? insertBefore = null)
        {
            // Fresh annotations: Fix All inserts several times into one document.
            var anchorAnnotation = new SyntaxAnnotation();
            var typeAnnotation = new SyntaxAnnotation();
            var urlAnnotation = new SyntaxAnnotation();
            var anchorNode = (SyntaxNode?)insertBefore ?? (SyntaxNode?)site.Anchor ?? site.Function;
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
                toInsert.Insert(0, UrlLocal(introduced.Name, (ExpressionSyntax)url).WithTrailingTrivia(endOfLine));
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

        /// <summary>
        /// Adds the usings the new code needs, simplifies its names and formats it (nothing else); then gives the
        /// changed text the line ends and the encoding of <paramref name="original"/>.
        /// </summary>
        /// <param name="original">The document before the fix.</param>
        /// <param name="root">The fixed root of that document.</param>
        /// <param name="cancellationToken">Cancels the fix.</param>
        public static async Task<Document> FinishAsync(Document original, SyntaxNode root, CancellationToken cancellationToken)
        {
            var document = original.WithSyntaxRoot(root);
            document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            document = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);

            // A second pass, as a code action's own clean-up would make (it cannot here: the text below is rebuilt
            // and carries no annotations). The first leaves a new lambda body's brace on the arrow's line, where its
            // elastic line break was; the second puts it on a line of its own, like the rest of the document.
            document = await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await KeepLineEndsAndEncodingAsync(original, document, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// The changed document's text rebuilt as edits of the original text, each edit's line breaks written like
        /// the original's (the formatter writes the workspace's new line, generated code is parsed with LF): no CRLF
        /// enters an LF file nor LF a CRLF one, the lines the fix did not touch stay byte for byte, and the text keeps
        /// the original's encoding and checksum algorithm.
        /// </summary>
        public static async Task<Document> KeepLineEndsAndEncodingAsync(Document original, Document changed, CancellationToken cancellationToken)
        {
            var before = await original.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var after = await changed.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var changes = (await changed.GetTextChangesAsync(original, cancellationToken).ConfigureAwait(false)).ToList();
            if (before.WithChanges(changes).ToString() != after.ToString())
            {
                // The tree differ's changes do not rebuild the text (it can miss elastic trivia): one change
                // from the first to the last character that differ.
                changes = new List<TextChange> { Difference(before.ToString(), after.ToString()) };
            }

            var newLine = DominantLineEnd(before) ?? original.Project.Solution.Options.GetOption(FormattingOptions.NewLine, LanguageNames.CSharp);
            var text = before.WithChanges(changes.Select(c => new TextChange(c.Span, WithLineEnds(c.NewText ?? "", newLine))));
            return changed.WithText(text);
        }

        private static TextChange Difference(string before, string after)
        {
            var prefix = 0;
            var limit = System.Math.Min(before.Length, after.Length);
            while (prefix < limit && before[prefix] == after[prefix])
            {
                prefix++;
            }

            var suffix = 0;
            while (suffix < limit - prefix && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix])
            {
                suffix++;
            }

            // Never split a CR LF pair between the kept and the changed text.
            if (prefix > 0 && before[prefix - 1] == '\r' && prefix < before.Length && before[prefix] == '\n')
            {
                prefix--;
            }

            if (suffix > 0 && before[before.Length - suffix] == '\n' && before.Length - suffix - 1 >= prefix && before[before.Length - suffix - 1] == '\r')
            {
                suffix--;
            }

            return new TextChange(TextSpan.FromBounds(prefix, before.Length - suffix), after.Substring(prefix, after.Length - suffix - prefix));
        }

        private static string? DominantLineEnd(SourceText text)
        {
            int crlf = 0, lf = 0, cr = 0;
            foreach (var line in text.Lines)
            {
                switch (line.EndIncludingLineBreak - line.End)
                {
                    case 2:
                        crlf++;
                        break;
                    case 1 when text[line.End] == '\n':
                        lf++;
                        break;
                    case 1:
                        cr++;
                        break;
                }
            }

            if (crlf == 0 && lf == 0 && cr == 0)
            {
                return null;
            }

            return crlf >= lf && crlf >= cr ? "\r\n" : lf >= cr ? "\n" : "\r";
        }

        private static string WithLineEnds(string text, string newLine)
        {
            if (text.IndexOf('\r') < 0 && (newLine == "\n" || text.IndexOf('\n') < 0))
            {
                return text;
            }

            return text.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", newLine);
        }

        /// <summary>
        /// The first of the waits (a rate limit, a delay) right before <paramref name="anchor"/> in its block, or null:
        /// a robots.txt check goes before them, so a disallowed URL neither waits nor takes a turn of the host.
        /// </summary>
        public static StatementSyntax? FirstWaitBefore(StatementSyntax? anchor, IEnumerable<string> rateLimitMethods)
        {
            if (anchor?.Parent is not BlockSyntax block)
            {
                return null;
            }

            var names = new HashSet<string>(WaitMethods);
            foreach (var configured in rateLimitMethods)
            {
                names.Add(configured.Substring(configured.LastIndexOf('.') + 1));
            }

            StatementSyntax? first = null;
            for (var i = block.Statements.IndexOf(anchor) - 1; i >= 0 && IsWait(block.Statements[i], names); i--)
            {
                first = block.Statements[i];
            }

            return first;
        }

        private static readonly string[] WaitMethods = { "WaitTurn", "WaitTurnAsync", "Delay", "Sleep", "AcquireAsync", "AttemptAcquire", "WaitAsync" };

        // await x.WaitTurnAsync(…); Thread.Sleep(…); using var lease = await limiter.AcquireAsync(…); and the like.
        private static bool IsWait(StatementSyntax statement, HashSet<string> names)
        {
            var expression = statement switch
            {
                ExpressionStatementSyntax e => e.Expression,
                LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } => variables[0].Initializer?.Value,
                _ => null,
            };
            if (expression is AwaitExpressionSyntax awaited)
            {
                expression = awaited.Expression;
            }

            var invoked = (expression as InvocationExpressionSyntax)?.Expression;
            var name = invoked switch
            {
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
            return name is not null && names.Contains(name);
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
                .WithArrowToken(lambda.ArrowToken.WithTrailingTrivia(SyntaxFactory.LineFeed))
                .WithBlock(block.WithTrailingTrivia(body.GetTrailingTrivia()));
            return (site.MakeAsync ? MakeAsync(result) : result).WithAdditionalAnnotations(Formatter.Annotation);
        }
    }
}
