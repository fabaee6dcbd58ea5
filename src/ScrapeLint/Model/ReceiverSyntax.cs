using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScrapeLint.Model
{
    /// <summary>What the syntax around a receiver says of its type, without binding: the type written where it is declared in view.</summary>
    internal static class ReceiverSyntax
    {
        /// <summary>The written type of a receiver declared in view: a parameter, a local, a field or property of the enclosing type, or <c>new T(…)</c>.</summary>
        public static TypeSyntax? DeclaredType(ExpressionSyntax receiver)
        {
            switch (receiver)
            {
                case ObjectCreationExpressionSyntax creation:
                    return creation.Type;
                case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member }:
                    return MemberType(receiver, member.Identifier.ValueText);
                case IdentifierNameSyntax identifier:
                    var name = identifier.Identifier.ValueText;
                    for (var node = receiver.Parent; node is not null; node = node.Parent)
                    {
                        switch (node)
                        {
                            case BlockSyntax block:
                                if (Local(block.Statements, name, receiver.SpanStart, out var local))
                                {
                                    return local;
                                }

                                break;
                            case SwitchStatementSyntax @switch:
                                // A local of one section is in scope in the others.
                                foreach (var section in @switch.Sections)
                                {
                                    if (Local(section.Statements, name, receiver.SpanStart, out var sectionLocal))
                                    {
                                        return sectionLocal;
                                    }
                                }

                                break;
                            case BaseMethodDeclarationSyntax { ParameterList: var parameters }:
                                return ParameterType(parameters, name) ?? MemberType(node, name);
                            case LocalFunctionStatementSyntax { ParameterList: var parameters } when Parameter(parameters, name) is not null:
                                return ParameterType(parameters, name);
                            case ParenthesizedLambdaExpressionSyntax { ParameterList: var parameters } when Parameter(parameters, name) is not null:
                                return ParameterType(parameters, name);
                            case AnonymousMethodExpressionSyntax { ParameterList: { } parameters } when Parameter(parameters, name) is not null:
                                return ParameterType(parameters, name);
                            case SimpleLambdaExpressionSyntax { Parameter.Identifier.ValueText: var parameter } when parameter == name:
                                return null;
                            case ForEachStatementSyntax loop when loop.Identifier.ValueText == name:
                                return IsVar(loop.Type) ? null : loop.Type;
                            case ForStatementSyntax { Declaration: { } declaration } when Variable(declaration.Variables, name) is not null:
                                return IsVar(declaration.Type) ? null : declaration.Type;
                            case UsingStatementSyntax { Declaration: { } declaration } when Variable(declaration.Variables, name) is { } variable:
                                return Written(declaration.Type, variable);
                            case FixedStatementSyntax { Declaration: var declaration } when Variable(declaration.Variables, name) is not null:
                                return declaration.Type;
                            case CatchClauseSyntax { Declaration: { } caught } when caught.Identifier.ValueText == name:
                                return caught.Type;
                            case ForEachVariableStatementSyntax or QueryExpressionSyntax:
                                // Deconstructed loop variables and range variables are not looked at: bind.
                                return null;
                            case AccessorDeclarationSyntax or ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax }:
                                return MemberType(node, name);
                            case TypeDeclarationSyntax:
                                return MemberType(node, name);
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>A local declared by one of the statements before the receiver, with the type it is written with (null for <c>var</c> unless <c>new T(…)</c>).</summary>
        private static bool Local(SyntaxList<StatementSyntax> statements, string name, int before, out TypeSyntax? type)
        {
            foreach (var statement in statements)
            {
                if (statement.SpanStart >= before)
                {
                    break;
                }

                if (statement is LocalDeclarationStatementSyntax { Declaration: var declaration } && Variable(declaration.Variables, name) is { } variable)
                {
                    type = Written(declaration.Type, variable);
                    return true;
                }
            }

            type = null;
            return false;
        }

        private static TypeSyntax? Written(TypeSyntax declared, VariableDeclaratorSyntax variable)
            => IsVar(declared) ? (variable.Initializer?.Value as ObjectCreationExpressionSyntax)?.Type : declared;

        private static bool IsVar(TypeSyntax type) => type is IdentifierNameSyntax { Identifier.ValueText: "var" };

        private static TypeSyntax? ParameterType(ParameterListSyntax parameters, string name)
            => Parameter(parameters, name)?.Type;

        // Loops, not LINQ: these run for every call by a common sink name, and a lambda over the name allocates each time.
        private static ParameterSyntax? Parameter(ParameterListSyntax parameters, string name)
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Identifier.ValueText == name)
                {
                    return parameter;
                }
            }

            return null;
        }

        private static VariableDeclaratorSyntax? Variable(SeparatedSyntaxList<VariableDeclaratorSyntax> variables, string name)
        {
            foreach (var variable in variables)
            {
                if (variable.Identifier.ValueText == name)
                {
                    return variable;
                }
            }

            return null;
        }

        /// <summary>
        /// A field or property of the enclosing type (not partial: its other parts are out of view). A pattern or <c>out</c>
        /// variable of the same name that hides it is not looked for: a walk of each member for them cost 6 ms a run on (d), and a
        /// hidden field of another type only makes a receiver look like the field's type (a call or use not bound).
        /// </summary>
        private static TypeSyntax? MemberType(SyntaxNode inside, string name)
        {
            var type = inside.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (type is null || type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return null;
            }

            foreach (var member in type.Members)
            {
                switch (member)
                {
                    case FieldDeclarationSyntax field when Variable(field.Declaration.Variables, name) is not null:
                        return field.Declaration.Type;
                    case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                        return property.Type;
                }
            }

            // Not declared here: inherited from a base type, or a type or namespace name (a static call): bind.
            return null;
        }

        /// <summary>The name a written type ends with (<c>Client</c> for <c>Api.Client&lt;T&gt;</c>), or null for other forms.</summary>
        public static string? TypeName(TypeSyntax type)
            => type switch
            {
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                _ => null,
            };

        /// <summary>A method, local function or type around the node declares a type parameter of this name.</summary>
        public static bool IsTypeParameter(SyntaxNode node, string name)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                var parameters = current switch
                {
                    MethodDeclarationSyntax method => method.TypeParameterList,
                    LocalFunctionStatementSyntax function => function.TypeParameterList,
                    TypeDeclarationSyntax type => type.TypeParameterList,
                    _ => null,
                };
                if (parameters is not null)
                {
                    foreach (var parameter in parameters.Parameters)
                    {
                        if (parameter.Identifier.ValueText == name)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
