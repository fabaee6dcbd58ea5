using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScrapeLint.Model
{
    /// <summary>
    /// Code the generated-code setting leaves to the analyzer: the driver gives a semantic model action every ordinary
    /// file, including the types and members in it marked <c>[GeneratedCode]</c>, which it would skip for a syntax-node
    /// action.
    /// </summary>
    internal static class GeneratedCode
    {
        /// <summary>
        /// A declaration around the node is itself marked <c>[GeneratedCode]</c>. The hand-written part of a partial type
        /// whose other part is marked is not skipped, as the driver does not skip it for syntax-node actions. An attribute
        /// is bound only when its name says GeneratedCode.
        /// </summary>
        public static bool IsInMarkedSymbol(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                if (current is MemberDeclarationSyntax { AttributeLists.Count: > 0 } member
                    && member.AttributeLists.SelectMany(list => list.Attributes).Any(attribute => IsGeneratedCode(attribute, semanticModel, cancellationToken)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsGeneratedCode(AttributeSyntax attribute, SemanticModel semanticModel, CancellationToken cancellationToken)
            => attribute.Name.ToString().IndexOf("GeneratedCode", System.StringComparison.Ordinal) >= 0
                && semanticModel.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType is
                {
                    Name: "GeneratedCodeAttribute",
                    ContainingNamespace: { Name: "Compiler", ContainingNamespace: { Name: "CodeDom", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } },
                };
    }
}
