using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScrapeLint.CodeFixes
{
    /// <summary>A private field or a local of one document: its declarator and the code that can read it.</summary>
    internal sealed class DeclaredSymbol
    {
        public DeclaredSymbol(ISymbol symbol, VariableDeclaratorSyntax declarator, SyntaxNode scope)
        {
            Symbol = symbol;
            Declarator = declarator;
            Scope = scope;
        }

        public ISymbol Symbol { get; }

        public VariableDeclaratorSyntax Declarator { get; }

        /// <summary>Everything that can read the symbol: the type declaration of a field, the member body of a local.</summary>
        public SyntaxNode Scope { get; }
    }

    /// <summary>
    /// Replaces nodes, then removes the private fields and locals that the replaced code read and that nothing
    /// reads any more (and, in turn, what only their initializers read), so a fix leaves no CS0414, CS0169 or
    /// CS0219 behind. A declaration is removed only when its initializer runs nothing (no call, no assignment,
    /// no await) and no identifier of its name is left anywhere in the document: any doubt keeps it.
    /// </summary>
    internal static class UnusedDeclarations
    {
        /// <summary>The private fields and locals of this document read inside <paramref name="node"/>.</summary>
        public static IReadOnlyList<ISymbol> PrivateSymbolsReadIn(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            var symbols = new List<ISymbol>();
            foreach (var identifier in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                var symbol = semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol;
                if (Declaration(symbol, node.SyntaxTree.GetRoot(cancellationToken), cancellationToken) is not null && !symbols.Contains(symbol!, SymbolEqualityComparer.Default))
                {
                    symbols.Add(symbol!);
                }
            }

            return symbols;
        }

        /// <summary>The declaration of a private field (of a type declared once, in this document) or of a local, else null.</summary>
        public static DeclaredSymbol? Declaration(ISymbol? symbol, SyntaxNode root, CancellationToken cancellationToken)
        {
            switch (symbol)
            {
                case IFieldSymbol { DeclaredAccessibility: Accessibility.Private, IsImplicitlyDeclared: false } field
                    when field.ContainingType.DeclaringSyntaxReferences.Length == 1
                         && field.DeclaringSyntaxReferences.Length == 1
                         && field.DeclaringSyntaxReferences[0].SyntaxTree == root.SyntaxTree
                         && field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } declarator
                         && declarator.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } type:
                    return new DeclaredSymbol(field, declarator, type);
                case ILocalSymbol local
                    when local.DeclaringSyntaxReferences.Length == 1
                         && local.DeclaringSyntaxReferences[0].SyntaxTree == root.SyntaxTree
                         && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax statement } localDeclarator
                         && statement.Parent is BlockSyntax or SwitchSectionSyntax
                         && localDeclarator.Ancestors().FirstOrDefault(RequestSite.IsFunction) is { } function:
                    return new DeclaredSymbol(local, localDeclarator, function);
                default:
                    return null;
            }
        }

        public static SyntaxNode ReplaceAndRemove(SyntaxNode root, SemanticModel semanticModel, IReadOnlyDictionary<SyntaxNode, SyntaxNode> replacements, IReadOnlyList<ISymbol> candidates, CancellationToken cancellationToken)
        {
            var declarations = new Dictionary<ISymbol, DeclaredSymbol>(SymbolEqualityComparer.Default);
            var pending = new Queue<ISymbol>(candidates);
            while (pending.Count > 0)
            {
                var symbol = pending.Dequeue();
                if (declarations.ContainsKey(symbol) || Declaration(symbol, root, cancellationToken) is not { } declared)
                {
                    continue;
                }

                declarations[symbol] = declared;

                // What the initializer reads may become unused once the declaration goes.
                if (declared.Declarator.Initializer is { } initializer)
                {
                    foreach (var read in PrivateSymbolsReadIn(initializer.Value, semanticModel, cancellationToken))
                    {
                        pending.Enqueue(read);
                    }
                }
            }

            var tracked = root.TrackNodes(replacements.Keys.Concat(declarations.Values.Select(d => (SyntaxNode)d.Declarator)));
            tracked = tracked.ReplaceNodes(replacements.Keys.Select(n => tracked.GetCurrentNode(n)!), (original, _) => replacements[replacements.Keys.First(k => tracked.GetCurrentNode(k) == original)]);

            // Remove until nothing more goes: a removed initializer may have been the last reader of another symbol.
            var removed = true;
            while (removed)
            {
                removed = false;
                foreach (var declared in declarations.Values)
                {
                    var declarator = tracked.GetCurrentNode(declared.Declarator);
                    if (declarator is null || !RunsNothing(declarator) || IsNamedAnywhereElse(tracked, declarator))
                    {
                        continue;
                    }

                    tracked = Remove(tracked, declarator);
                    removed = true;
                }
            }

            return tracked;
        }

        private static bool RunsNothing(VariableDeclaratorSyntax declarator)
            => declarator.Initializer is not { } initializer
               || !initializer.Value.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax or AssignmentExpressionSyntax or AwaitExpressionSyntax
                   or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression });

        private static bool IsNamedAnywhereElse(SyntaxNode root, VariableDeclaratorSyntax declarator)
        {
            var name = declarator.Identifier.ValueText;
            return root.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == name && t != declarator.Identifier);
        }

        private static SyntaxNode Remove(SyntaxNode root, VariableDeclaratorSyntax declarator)
        {
            var declaration = (VariableDeclarationSyntax)declarator.Parent!;
            if (declaration.Variables.Count > 1)
            {
                return root.RemoveNode(declarator, SyntaxRemoveOptions.KeepNoTrivia)!;
            }

            // The whole member or statement goes; the next one takes over its blank lines and indentation (not its comments).
            var marker = new SyntaxAnnotation();
            root = root.ReplaceNode(declaration.Parent!, declaration.Parent!.WithAdditionalAnnotations(marker));
            var removed = root.GetAnnotatedNodes(marker).Single();
            var siblings = removed.Parent!.ChildNodes().ToList();
            var index = siblings.IndexOf(removed);
            var next = index + 1 < siblings.Count ? siblings[index + 1] : null;
            if (next is MemberDeclarationSyntax or StatementSyntax)
            {
                var leading = WithoutComments(removed.GetLeadingTrivia());
                root = root.ReplaceNode(next, next.WithLeadingTrivia(leading.AddRange(CommentsOf(next.GetLeadingTrivia()))));
                removed = root.GetAnnotatedNodes(marker).Single();
            }

            return root.RemoveNode(removed, SyntaxRemoveOptions.KeepNoTrivia)!;
        }

        // The trivia without comments, each comment taken with the indentation before it and the line break after it.
        private static SyntaxTriviaList WithoutComments(SyntaxTriviaList trivia)
        {
            var kept = new List<SyntaxTrivia>();
            for (var i = 0; i < trivia.Count; i++)
            {
                if (IsComment(trivia[i]))
                {
                    if (kept.Count > 0 && kept[kept.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia))
                    {
                        kept.RemoveAt(kept.Count - 1);
                    }

                    if (i + 1 < trivia.Count && trivia[i + 1].IsKind(SyntaxKind.EndOfLineTrivia))
                    {
                        i++;
                    }

                    continue;
                }

                kept.Add(trivia[i]);
            }

            return SyntaxFactory.TriviaList(kept);
        }

        // The next member's own comments (and what follows them), kept after the blank lines it takes over.
        private static IEnumerable<SyntaxTrivia> CommentsOf(SyntaxTriviaList trivia)
        {
            var first = -1;
            for (var i = 0; i < trivia.Count && first < 0; i++)
            {
                if (IsComment(trivia[i]))
                {
                    first = i;
                }
            }

            if (first < 0)
            {
                return Enumerable.Empty<SyntaxTrivia>();
            }

            // The comment's line: drop the indentation before it, the takeover brings its own.
            return trivia.Skip(first);
        }

        private static bool IsComment(SyntaxTrivia trivia)
            => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
               || trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia);
    }
}
