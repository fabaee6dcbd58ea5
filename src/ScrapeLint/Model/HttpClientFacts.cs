using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>
    /// How an <c>HttpClient</c> a request uses was made: the creation (its handler tells a test double) and
    /// its <c>BaseAddress</c>, followed through locals, field and property initializers, constructor
    /// assignments and <c>AddHttpClient&lt;T&gt;(c =&gt; c.BaseAddress = …)</c> registrations.
    /// </summary>
    internal sealed class HttpClientFacts
    {
        private readonly CrawlModel model;
        private readonly Compilation compilation;
        private readonly ConcurrentDictionary<ISymbol, List<IOperation>> memberValues = new(SymbolEqualityComparer.Default);

        public HttpClientFacts(CrawlModel model, Compilation compilation)
        {
            this.model = model;
            this.compilation = compilation;
        }

        /// <summary>The object creations that produce the client (<c>new HttpClient(handler) { … }</c>).</summary>
        public IEnumerable<IObjectCreationOperation> Creations(IOperation client, BodyAnalysis body)
            => Values(client, body).Select(Unwrap).OfType<IObjectCreationOperation>();

        public UrlShape? BaseAddress(IOperation client, BodyAnalysis body)
        {
            foreach (var value in Values(client, body))
            {
                if (Unwrap(value) is IObjectCreationOperation { Initializer: { } initializer }
                    && initializer.Initializers.OfType<ISimpleAssignmentOperation>().FirstOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: "BaseAddress" }) is { } assignment)
                {
                    return model.EvaluateDetached(assignment.Value);
                }
            }

            client = Unwrap(client);
            if (client is ILocalReferenceOperation local && body.Facts.Members.TryGetValue((local.Local, "BaseAddress"), out var assigned))
            {
                return model.EvaluateDetached(assigned[assigned.Count - 1]);
            }

            var member = Member(client);
            if (member is null)
            {
                return null;
            }

            // _http.BaseAddress = … in a constructor, or a typed client registered with a base address.
            foreach (var constructor in Constructors(member.ContainingType))
            {
                foreach (var assignment in constructor.Facts.MemberAssignments)
                {
                    if (assignment.Target is IPropertyReferenceOperation { Property.Name: "BaseAddress" } target
                        && target.Instance is { } instance && SymbolEqualityComparer.Default.Equals(Member(Unwrap(instance)), member))
                    {
                        return model.EvaluateDetached(assignment.Value);
                    }
                }
            }

            return model.TypedClientBaseAddress(member.ContainingType, CancellationToken.None);
        }

        private IEnumerable<IOperation> Values(IOperation client, BodyAnalysis body)
        {
            client = Unwrap(client);
            if (client is ILocalReferenceOperation local)
            {
                return body.Facts.AssignmentsOf(local.Local).Where(a => a.Value is not null).Select(a => a.Value!);
            }

            var member = Member(client);
            return member is null ? Enumerable.Empty<IOperation>() : memberValues.GetOrAdd(member, MemberValues);
        }

        /// <summary>What a field or property is initialized with and what the constructors assign to it.</summary>
        private List<IOperation> MemberValues(ISymbol member)
        {
            var values = new List<IOperation>();
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                var initializer = reference.GetSyntax() switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                    PropertyDeclarationSyntax property => property.Initializer?.Value,
                    _ => null,
                };
                if (initializer is not null && compilation.ContainsSyntaxTree(initializer.SyntaxTree))
                {
#pragma warning disable RS1030 // Shared semantic model, see CrawlModel.Body().
                    var operation = compilation.GetSemanticModel(initializer.SyntaxTree).GetOperation(initializer);
#pragma warning restore RS1030
                    if (operation is not null)
                    {
                        values.Add(operation);
                    }
                }
            }

            foreach (var constructor in Constructors(member.ContainingType))
            {
                values.AddRange(constructor.Facts.MemberAssignments
                    .Where(a => SymbolEqualityComparer.Default.Equals(Member(a.Target), member))
                    .Select(a => a.Value));
            }

            return values;
        }

        private IEnumerable<BodyAnalysis> Constructors(INamedTypeSymbol type)
            => type.InstanceConstructors.Select(c => model.Body(c, CancellationToken.None)).Where(b => b is not null).Cast<BodyAnalysis>();

        private static ISymbol? Member(IOperation operation)
            => operation switch
            {
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation { Arguments.Length: 0 } property => property.Property,
                _ => null,
            };

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
