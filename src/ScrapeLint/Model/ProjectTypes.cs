using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScrapeLint.Model
{
    /// <summary>
    /// The types the project declares, listed once per compilation the first time a receiver's written type has to be told
    /// apart without binding it (<see cref="MayReach"/>, <see cref="SinkReceivers"/>): their names, the names of the types that
    /// derive from one of them, and the names the project's files give types with a using alias. Read from the assembly's
    /// declared symbols, whose base lists are bound before analyzers run.
    /// </summary>
    internal sealed class ProjectTypes
    {
        private static readonly ConditionalWeakTable<Compilation, ProjectTypes> Table = new();

        private readonly Compilation compilation;
        private readonly object gate = new object();
        private readonly ConcurrentDictionary<INamedTypeSymbol, HashSet<string>> subtypeNames = new(SymbolEqualityComparer.Default);
        private List<INamedTypeSymbol>? all;
        private HashSet<string>? names;
        private List<SyntaxTree>? globalAliases;

        private ProjectTypes(Compilation compilation)
        {
            this.compilation = compilation;
        }

        public static ProjectTypes For(Compilation compilation) => Table.GetValue(compilation, c => new ProjectTypes(c));

        /// <summary>Every type the project declares, nested ones included.</summary>
        public List<INamedTypeSymbol> All(CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref all) is { } known)
            {
                return known;
            }

            lock (gate)
            {
                if (all is null)
                {
                    var types = new List<INamedTypeSymbol>();
                    var typeNames = new HashSet<string>(System.StringComparer.Ordinal);
                    var pending = new Stack<INamespaceOrTypeSymbol>();
                    pending.Push(compilation.Assembly.GlobalNamespace);
                    while (pending.Count > 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var current = pending.Pop();
                        if (current is INamedTypeSymbol type)
                        {
                            types.Add(type);
                            typeNames.Add(type.Name);
                            foreach (var nested in type.GetTypeMembers())
                            {
                                pending.Push(nested);
                            }

                            continue;
                        }

                        foreach (var member in ((INamespaceSymbol)current).GetMembers())
                        {
                            pending.Push(member);
                        }
                    }

                    names = typeNames;
                    Volatile.Write(ref all, types);
                }

                return all!;
            }
        }

        /// <summary>The project declares a type of this name.</summary>
        public bool IsTypeName(string name, CancellationToken cancellationToken)
        {
            All(cancellationToken);
            return names!.Contains(name);
        }

        /// <summary>
        /// False only when the syntax shows that a reference to an instance member of <paramref name="type"/> by its name
        /// (<c>x.Headers</c>, <c>Headers</c>, <c>new T { Headers = … }</c>) cannot be one: the receiver's written type
        /// (<see cref="ReceiverSyntax.DeclaredType"/>), the created type, or for a bare name the type it is written in, is
        /// neither <paramref name="type"/> nor one of the project's types deriving from it or implementing it. A type parameter,
        /// a using alias and a type not written in view answer "may be".
        /// </summary>
        public bool MayReach(SyntaxNode reference, INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            TypeSyntax? written;
            switch (reference)
            {
                case MemberAccessExpressionSyntax { Expression: var receiver }:
                    written = ReceiverSyntax.DeclaredType(receiver);
                    break;
                case IdentifierNameSyntax { Parent: AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax initializer } }:
                    // new T { Headers = … }: T. A with expression, a nested initializer or new() { … }: not written here.
                    written = initializer.IsKind(SyntaxKind.ObjectInitializerExpression) ? (initializer.Parent as ObjectCreationExpressionSyntax)?.Type : null;
                    break;
                case IdentifierNameSyntax when reference.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } enclosing:
                    return SubtypeNames(type, cancellationToken).Contains(enclosing.Identifier.ValueText);
                default:
                    return true;
            }

            while (written is NullableTypeSyntax nullable)
            {
                written = nullable.ElementType;
            }

            var name = written switch
            {
                null => null,
                PredefinedTypeSyntax or ArrayTypeSyntax or PointerTypeSyntax or TupleTypeSyntax => string.Empty,
                _ => ReceiverSyntax.TypeName(written),
            };
            if (name is null || name == "dynamic")
            {
                return true;
            }

            return name.Length > 0
                && (SubtypeNames(type, cancellationToken).Contains(name) || IsAlias(reference, name, cancellationToken) || ReceiverSyntax.IsTypeParameter(reference, name));
        }

        /// <summary>The names of the type and of the project's types that have it among their bases or interfaces. Once per type.</summary>
        private HashSet<string> SubtypeNames(INamedTypeSymbol type, CancellationToken cancellationToken)
            => subtypeNames.GetOrAdd(type.OriginalDefinition, t =>
            {
                var result = new HashSet<string>(System.StringComparer.Ordinal) { t.Name };
                foreach (var candidate in All(cancellationToken))
                {
                    if (Derives(candidate, t))
                    {
                        result.Add(candidate.Name);
                    }
                }

                return result;
            });

        private static bool Derives(INamedTypeSymbol candidate, INamedTypeSymbol type)
        {
            for (var current = candidate.BaseType; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, type))
                {
                    return true;
                }
            }

            if (type.TypeKind != TypeKind.Interface)
            {
                // Only an interface is implemented; listing a type's interfaces computes their closure.
                return false;
            }

            foreach (var implemented in candidate.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A using alias of this name is in view at the node: in its file or namespace, or a global one of any file (listed once,
        /// from each file's top-level directives).
        /// </summary>
        private bool IsAlias(SyntaxNode node, string name, CancellationToken cancellationToken)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                var usings = current switch
                {
                    CompilationUnitSyntax unit => unit.Usings,
                    BaseNamespaceDeclarationSyntax ns => ns.Usings,
                    _ => default,
                };
                if (HasAlias(usings, name, globalOnly: false))
                {
                    return true;
                }
            }

            if (Volatile.Read(ref globalAliases) is not { } known)
            {
                known = new List<SyntaxTree>();
                foreach (var tree in compilation.SyntaxTrees)
                {
                    if (tree.GetRoot(cancellationToken) is CompilationUnitSyntax unit && HasAlias(unit.Usings, name: null, globalOnly: true))
                    {
                        known.Add(tree);
                    }
                }

                Volatile.Write(ref globalAliases, known);
            }

            foreach (var tree in known)
            {
                if (HasAlias(((CompilationUnitSyntax)tree.GetRoot(cancellationToken)).Usings, name, globalOnly: true))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An alias directive among these (of this name unless null; global ones only if asked).</summary>
        private static bool HasAlias(SyntaxList<UsingDirectiveSyntax> usings, string? name, bool globalOnly)
        {
            foreach (var directive in usings)
            {
                if (directive.Alias is { } alias && (!globalOnly || directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword))
                    && (name is null || alias.Name.Identifier.ValueText == name))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
