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
            var type = ReceiverSyntax.DeclaredType(receiver);
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
        /// lists come from one walk of the project's declared types (<see cref="ProjectTypes"/>), made the first time a
        /// receiver's type is asked about.
        /// </summary>
        private bool MayBeSinkTypeName(string name, CancellationToken cancellationToken)
        {
            var types = ProjectTypes.For(compilation);
            if (libraryDerived is null)
            {
                var derived = new HashSet<string>(StringComparer.Ordinal);
                foreach (var type in types.All(cancellationToken))
                {
                    if (FromLibrary(type))
                    {
                        derived.Add(type.Name);
                    }
                }

                libraryDerived = derived;
            }

            return !types.IsTypeName(name, cancellationToken) || libraryDerived.Contains(name);
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
    }
}
