using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScrapeLint.Model
{
    /// <summary>
    /// The syntax-only test made before a call by a common sink name (<c>_cache.Get(key)</c>, <c>Execute(job)</c>) is bound:
    /// its receiver is declared in the same file with a type written out, and that type is one of the project's own whose
    /// bases and interfaces come from no sink library. Anything it cannot see through (a <c>var</c> from a method call, a
    /// library or unknown type, a partial type, a base class) answers "may be", and the call is bound.
    /// </summary>
    internal sealed class SinkReceivers
    {
        private static readonly string[] LibraryNamespaces = { "System.Net", "RestSharp", "HtmlAgilityPack", "AngleSharp", "OpenQA", "Flurl", "PuppeteerSharp", "Microsoft.Playwright", "Abot" };

        private readonly Compilation compilation;
        private readonly bool stringReceivers;
        private HashSet<string>? sourceTypeNames;
        private HashSet<string>? libraryDerived;

        /// <param name="stringReceivers">Flurl is referenced: a string or Uri receiver can be a request (<c>url.GetAsync()</c>).</param>
        public SinkReceivers(Compilation compilation, bool stringReceivers)
        {
            this.compilation = compilation;
            this.stringReceivers = stringReceivers;
        }

        /// <summary>False only when the syntax shows the call's receiver is a project type that cannot be a sink's.</summary>
        public bool MayBeSink(InvocationExpressionSyntax invocation, CancellationToken cancellationToken)
        {
            switch (invocation.Expression)
            {
                case IdentifierNameSyntax or GenericNameSyntax:
                    // Get(key): a method of this type or of a base; a library's only through a base class.
                    return invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { BaseList: null } type || type.Modifiers.Any(SyntaxKind.PartialKeyword);
                case MemberAccessExpressionSyntax { Expression: var receiver }:
                    return MayBeSinkReceiver(receiver, cancellationToken);
                default:
                    return true;
            }
        }

        /// <summary>The same test for the target of a <c>Url</c> assignment.</summary>
        public bool MayBeSinkReceiver(ExpressionSyntax receiver, CancellationToken cancellationToken)
        {
            var type = DeclaredType(receiver);
            return type is null || MayBeSinkType(type, cancellationToken);
        }

        private bool MayBeSinkType(TypeSyntax type, CancellationToken cancellationToken)
        {
            while (type is NullableTypeSyntax nullable)
            {
                type = nullable.ElementType;
            }

            switch (type)
            {
                case PredefinedTypeSyntax:
                    return stringReceivers;
                case IdentifierNameSyntax { Identifier.ValueText: "var" }:
                    return true;
                case IdentifierNameSyntax identifier:
                    return MayBeSinkTypeName(identifier.Identifier.ValueText, cancellationToken);
                case GenericNameSyntax generic:
                    return MayBeSinkTypeName(generic.Identifier.ValueText, cancellationToken);
                default:
                    return true;
            }
        }

        /// <summary>
        /// Unless the name is one of the project's types and no project type of that name derives from a sink library. Both
        /// lists come from one walk of the project's declared types (their base lists are bound before analyzers run), made
        /// the first time a receiver's type is asked about.
        /// </summary>
        private bool MayBeSinkTypeName(string name, CancellationToken cancellationToken)
        {
            if (sourceTypeNames is null)
            {
                var all = new HashSet<string>(StringComparer.Ordinal);
                var derived = new HashSet<string>(StringComparer.Ordinal);
                var pending = new Stack<INamespaceOrTypeSymbol>();
                pending.Push(compilation.Assembly.GlobalNamespace);
                while (pending.Count > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var current = pending.Pop();
                    if (current is INamespaceSymbol ns)
                    {
                        foreach (var member in ns.GetMembers())
                        {
                            pending.Push(member);
                        }

                        continue;
                    }

                    var type = (INamedTypeSymbol)current;
                    all.Add(type.Name);
                    if (FromLibrary(type))
                    {
                        derived.Add(type.Name);
                    }

                    foreach (var nested in type.GetTypeMembers())
                    {
                        pending.Push(nested);
                    }
                }

                libraryDerived = derived;
                sourceTypeNames = all;
            }

            return !sourceTypeNames.Contains(name) || libraryDerived!.Contains(name);
        }

        private static bool FromLibrary(INamedTypeSymbol type)
        {
            for (var current = type.BaseType; current is not null; current = current.BaseType)
            {
                if (InLibrary(current))
                {
                    return true;
                }
            }

            return type.AllInterfaces.Any(InLibrary);
        }

        /// <summary>The type's namespace starts with a sink library's (<see cref="LibraryNamespaces"/>), read without rendering it.</summary>
        private static bool InLibrary(INamedTypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_Object)
            {
                return false;
            }

            INamespaceSymbol? root = null, second = null;
            for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                second = root;
                root = ns;
            }

            if (root is null)
            {
                return false;
            }

            foreach (var library in LibraryNamespaces)
            {
                var dot = library.IndexOf('.');
                if (dot < 0
                    ? root.Name.StartsWith(library, StringComparison.Ordinal)
                    : root.Name.Length == dot && string.CompareOrdinal(root.Name, 0, library, 0, dot) == 0 && second is not null && second.Name.StartsWith(library.Substring(dot + 1), StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The written type of a receiver declared in view: a parameter, a local, a field or property of the enclosing type, or <c>new T(…)</c>.</summary>
        private static TypeSyntax? DeclaredType(ExpressionSyntax receiver)
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
                                foreach (var statement in block.Statements)
                                {
                                    if (statement.SpanStart >= receiver.SpanStart)
                                    {
                                        break;
                                    }

                                    if (statement is LocalDeclarationStatementSyntax { Declaration: var declaration }
                                        && Variable(declaration.Variables, name) is { } variable)
                                    {
                                        return declaration.Type is IdentifierNameSyntax { Identifier.ValueText: "var" }
                                            ? (variable.Initializer?.Value as ObjectCreationExpressionSyntax)?.Type
                                            : declaration.Type;
                                    }
                                }

                                break;
                            case BaseMethodDeclarationSyntax { ParameterList: var parameters }:
                                return ParameterType(parameters, name) ?? MemberType(node, name);
                            case LocalFunctionStatementSyntax { ParameterList: var parameters } when ParameterType(parameters, name) is { } type:
                                return type;
                            case ParenthesizedLambdaExpressionSyntax { ParameterList: var parameters } when Parameter(parameters, name) is not null:
                                return ParameterType(parameters, name);
                            case SimpleLambdaExpressionSyntax { Parameter.Identifier.ValueText: var parameter } when parameter == name:
                                return null;
                            case AnonymousMethodExpressionSyntax or CatchClauseSyntax or ForEachStatementSyntax or ForStatementSyntax or UsingStatementSyntax or FixedStatementSyntax:
                                // Variables these introduce are not looked at: bind.
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

        /// <summary>A field or property of the enclosing type (not partial: its other parts are out of view).</summary>
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
    }
}
