using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>One value a field or property of a type is given, and where.</summary>
    internal readonly struct StateWrite
    {
        public StateWrite(IOperation value, BodyFacts facts, IMethodSymbol? writer)
        {
            Value = value;
            Facts = facts;
            Writer = writer;
        }

        /// <summary>The assigned value, or the value added to a collection.</summary>
        public IOperation Value { get; }

        /// <summary>The facts of the body the value is evaluated in (the writer's, or the initializer's).</summary>
        public BodyFacts Facts { get; }

        /// <summary>The member that writes it; null for a field or property initializer.</summary>
        public IMethodSymbol? Writer { get; }

        public bool InConstructor => Writer is { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor };
    }

    /// <summary>
    /// What one type of the project does with its own fields and auto-properties, from all its declarations (partial
    /// ones too): every value written to each (initializers, assignments through <c>this</c> in any member), every
    /// value added to a collection kept in one (<c>Enqueue</c>, <c>Push</c>, <c>Add</c>…), and which collections a member
    /// drains (<c>Dequeue</c>, <c>Pop</c>…). Computed once per type, and only for a type whose state a request or an
    /// evasion setting reads. Shared by the crawl engine (a URL kept in a field, a frontier drained by a step method, a
    /// page object's id) and the evasion tracer (a proxy pool rotated through fields).
    /// </summary>
    internal sealed class TypeState
    {
        private static readonly HashSet<string> AddMethods = new HashSet<string>
        {
            "Add", "Enqueue", "Push", "TryAdd", "AddRange", "Insert", "AddLast", "AddFirst", "TryWrite", "WriteAsync", "Post",
        };

        private static readonly HashSet<string> DrainMethods = new HashSet<string>
        {
            "Dequeue", "TryDequeue", "Pop", "TryPop", "Take", "TryTake", "RemoveAt", "RemoveFirst", "ReadAsync", "TryRead",
        };

        private readonly Dictionary<ISymbol, List<StateWrite>> writes = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ISymbol, List<StateWrite>> adds = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> drained = new(SymbolEqualityComparer.Default);

        private TypeState(INamedTypeSymbol type)
        {
            Type = type;
        }

        public INamedTypeSymbol Type { get; }

        /// <summary>The values written to a field or property of the type (initializer first), from any of its members.</summary>
        public IReadOnlyList<StateWrite> WritesOf(ISymbol member) => writes.TryGetValue(member.OriginalDefinition, out var list) ? list : (IReadOnlyList<StateWrite>)ImmutableArray<StateWrite>.Empty;

        /// <summary>The values the type's members add to the collection kept in a field or property.</summary>
        public IReadOnlyList<StateWrite> AddsTo(ISymbol member) => adds.TryGetValue(member.OriginalDefinition, out var list) ? list : (IReadOnlyList<StateWrite>)ImmutableArray<StateWrite>.Empty;

        /// <summary>A member of the type takes elements out of the collection kept in this field or property.</summary>
        public bool IsDrained(ISymbol member) => drained.Contains(member.OriginalDefinition);

        /// <summary>The collection is a frontier: the type both takes elements out of it and adds to it outside its constructors.</summary>
        public bool IsFrontier(ISymbol member)
        {
            if (!IsDrained(member))
            {
                return false;
            }

            foreach (var add in AddsTo(member))
            {
                if (add.Writer is not null && !add.InConstructor)
                {
                    return true;
                }
            }

            return false;
        }

        internal static TypeState Build(CrawlModel model, INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            var state = new TypeState(type);
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (!model.Compilation.ContainsSyntaxTree(reference.SyntaxTree))
                {
                    // A type of a referenced project's compilation: its state is not this compilation's to read.
                    continue;
                }

                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
                {
                    continue;
                }

                foreach (var member in declaration.Members)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    switch (member)
                    {
                        case BaseFieldDeclarationSyntax field:
                            foreach (var declarator in field.Declaration.Variables)
                            {
                                if (declarator.Initializer is { } initializer)
                                {
                                    state.Initializer(model, declarator, initializer.Value, cancellationToken);
                                }
                            }

                            break;
                        case PropertyDeclarationSyntax { Initializer: { } initializer } property:
                            state.Initializer(model, property, initializer.Value, cancellationToken);
                            break;
                        case BaseMethodDeclarationSyntax { Body: null, ExpressionBody: null }:
                            break;
                        case BaseMethodDeclarationSyntax method:
                            state.Body(model, method, cancellationToken);
                            break;
                        case BasePropertyDeclarationSyntax { AccessorList: { } accessors }:
                            foreach (var accessor in accessors.Accessors)
                            {
                                if (accessor.Body is not null || accessor.ExpressionBody is not null)
                                {
                                    state.Body(model, accessor, cancellationToken);
                                }
                            }

                            break;
                    }
                }
            }

            return state;
        }

        private void Initializer(CrawlModel model, SyntaxNode declaration, ExpressionSyntax value, CancellationToken cancellationToken)
        {
#pragma warning disable RS1030 // The driver's semantic models are shared per tree: this one is not rebuilt.
            var semanticModel = model.Compilation.GetSemanticModel(value.SyntaxTree);
#pragma warning restore RS1030
            if (semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is { } symbol && semanticModel.GetOperation(value, cancellationToken) is { } operation)
            {
                var root = operation;
                while (root.Parent is not null)
                {
                    root = root.Parent;
                }

                Record(writes, symbol, new StateWrite(operation, new BodyFacts(root, semanticModel, null), null));
            }
        }

        private void Body(CrawlModel model, SyntaxNode owner, CancellationToken cancellationToken)
        {
            if (model.Body(owner, null, cancellationToken) is not { } body)
            {
                return;
            }

            var facts = body.Facts;
            foreach (var assignment in facts.MemberAssignments)
            {
                if (OwnMember(assignment.Target) is { } target)
                {
                    Record(writes, target, new StateWrite(assignment.Value, facts, facts.Method));
                }
            }

            foreach (var invocation in facts.Invocations)
            {
                if (OwnMember(invocation.Instance) is not { } collection)
                {
                    continue;
                }

                var name = invocation.TargetMethod.Name;
                if (AddMethods.Contains(name) && invocation.Arguments.Length > 0)
                {
                    Record(adds, collection, new StateWrite(invocation.Arguments[0].Value, facts, facts.Method));
                }
                else if (DrainMethods.Contains(name))
                {
                    drained.Add(collection);
                }
            }
        }

        /// <summary>The field or property of this type an operation refers to through <c>this</c> (or statically).</summary>
        private ISymbol? OwnMember(IOperation? operation)
            => ThisMember(operation) is { } member && SymbolEqualityComparer.Default.Equals(member.ContainingType.OriginalDefinition, Type.OriginalDefinition)
                ? member
                : null;

        /// <summary>The field or property (no indexer) an operation refers to through <c>this</c> or statically: a method's own state.</summary>
        public static ISymbol? ThisMember(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            var (member, instance) = operation switch
            {
                IFieldReferenceOperation field => ((ISymbol)field.Field, field.Instance),
                IPropertyReferenceOperation { Arguments.Length: 0 } property => (property.Property, property.Instance),
                _ => (null, null),
            };
            return member is not null && instance is null or IInstanceReferenceOperation ? member!.OriginalDefinition : null;
        }

        private static void Record(Dictionary<ISymbol, List<StateWrite>> map, ISymbol member, StateWrite write)
        {
            if (!map.TryGetValue(member.OriginalDefinition, out var list))
            {
                map[member.OriginalDefinition] = list = new List<StateWrite>();
            }

            list.Add(write);
        }
    }
}
