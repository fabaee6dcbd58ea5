using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>A value is one element chosen from a collection: by index, at random, in turn, per iteration.</summary>
    internal sealed class Pick
    {
        public Pick(string collection, string how)
        {
            Collection = collection;
            How = how;
        }

        /// <summary>The name of the collection (<c>UserAgents</c>, <c>proxies</c>).</summary>
        public string Collection { get; }

        /// <summary>"at random", "in turn", "by index", "one per iteration", "dequeued".</summary>
        public string How { get; }
    }

    /// <summary>One value a string expression can have, and where it came from.</summary>
    internal sealed class TracedValue
    {
        public TracedValue(string? text, string origin, Pick? pick)
        {
            Text = text;
            Origin = origin;
            Pick = pick;
        }

        /// <summary>The text, with unknown parts written <c>{name}</c>; null when nothing of it is known.</summary>
        public string? Text { get; }

        /// <summary>Where the value came from, for messages: <c>constant 'ChromeUa'</c>, <c>method 'NextAgent'</c>, <c>a string literal</c>.</summary>
        public string Origin { get; }

        public Pick? Pick { get; }
    }

    /// <summary>
    /// Follows a value backwards to the strings it can be: through locals, constants, fields and properties
    /// (their initializers and constructor assignments), array and list elements, interpolation and
    /// concatenation, the project's own methods (their returns) and the arguments of the project's calls
    /// of a helper. Records when the value is one element picked from a collection.
    /// </summary>
    internal sealed class ValueTracer
    {
        private const int MaxDepth = 10;

        private static readonly HashSet<string> DrainMethods = new HashSet<string> { "Dequeue", "TryDequeue", "Pop", "TryPop", "Take", "TryTake" };

        private static readonly HashSet<string> PassThrough = new HashSet<string>
        {
            "ToList", "ToArray", "ToHashSet", "Where", "Distinct", "AsEnumerable", "ToImmutableArray", "ToImmutableList", "Concat", "Cast", "OfType", "Shuffle",
        };

        private readonly EvasionModel model;
        private readonly BodyFacts? facts;
        private readonly CancellationToken cancellationToken;
        private readonly HashSet<ISymbol> visiting = new(SymbolEqualityComparer.Default);

        public ValueTracer(EvasionModel model, BodyFacts? facts, CancellationToken cancellationToken)
        {
            this.model = model;
            this.facts = facts;
            this.cancellationToken = cancellationToken;
        }

        /// <summary>The values an expression of this body can have.</summary>
        public List<TracedValue> Trace(IOperation? operation)
        {
            var result = new List<TracedValue>();
            Walk(operation, facts, null, null, result, 0);
            return result;
        }

        /// <summary>The values of the elements of a collection of this body.</summary>
        public List<TracedValue> Elements(IOperation? collection)
        {
            var result = new List<TracedValue>();
            WalkElements(collection, facts, null, null, null, result, 0);
            return result;
        }

        private void Walk(IOperation? operation, BodyFacts? scope, string? origin, Pick? pick, List<TracedValue> result, int depth)
        {
            operation = Strip(operation);
            if (operation is null || depth > MaxDepth)
            {
                return;
            }

            if (operation.ConstantValue is { HasValue: true, Value: string constant })
            {
                if (operation is IFieldReferenceOperation constantField)
                {
                    origin ??= $"constant '{constantField.Field.Name}'";
                }

                result.Add(new TracedValue(constant, origin ?? "a string literal", pick));
                return;
            }

            switch (operation)
            {
                case ILocalReferenceOperation local:
                    Local(local.Local, scope, origin, pick, result, depth);
                    return;
                case IParameterReferenceOperation parameter:
                    Parameter(parameter.Parameter, origin, pick, result, depth);
                    Reassigned(parameter.Parameter, scope, origin, pick, result, depth);
                    return;
                case IArrayElementReferenceOperation element:
                    Element(element.ArrayReference, element.Indices.Length == 1 ? element.Indices[0] : null, scope, origin, pick, result, depth);
                    return;
                case IPropertyReferenceOperation { Arguments.Length: 1 } indexer when indexer.Instance is not null:
                    Element(indexer.Instance, indexer.Arguments[0].Value, scope, origin, pick, result, depth);
                    return;
                case IFieldReferenceOperation or IPropertyReferenceOperation:
                    Member((IMemberReferenceOperation)operation, scope, origin, pick, result, depth);
                    return;
                case IInvocationOperation invocation:
                    Invocation(invocation, scope, origin, pick, result, depth);
                    return;
                case IInterpolatedStringOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add }:
                    Concatenation(operation, scope, origin, pick, result, depth);
                    return;
                case IConditionalOperation conditional:
                    Walk(conditional.WhenTrue, scope, origin, pick, result, depth + 1);
                    Walk(conditional.WhenFalse, scope, origin, pick, result, depth + 1);
                    return;
                case ICoalesceOperation coalesce:
                    Walk(coalesce.Value, scope, origin, pick, result, depth + 1);
                    Walk(coalesce.WhenNull, scope, origin, pick, result, depth + 1);
                    return;
                case IObjectCreationOperation { Arguments.Length: > 0 } creation when KnownSymbols.Is(creation.Type, model.Crawl.Known.Uri):
                    Walk(creation.Arguments[0].Value, scope, origin, pick, result, depth + 1);
                    return;
                default:
                    result.Add(new TracedValue(null, origin ?? "an expression", pick));
                    return;
            }
        }

        private void Local(ILocalSymbol local, BodyFacts? scope, string? origin, Pick? pick, List<TracedValue> result, int depth)
        {
            if (scope is null || !visiting.Add(local))
            {
                return;
            }

            try
            {
                foreach (var assignment in scope.AssignmentsOf(local))
                {
                    switch (assignment.Kind)
                    {
                        case AssignmentKind.Value:
                            Walk(assignment.Value, scope, origin, pick, result, depth + 1);
                            break;
                        case AssignmentKind.ForEach:
                            WalkElements(assignment.Value, scope, origin, pick ?? new Pick(ShapeEvaluator.NameOf(assignment.Value), "one per iteration"), null, result, depth + 1);
                            break;
                        case AssignmentKind.Out when assignment.Value is IInvocationOperation { Instance: { } source } drain && DrainMethods.Contains(drain.TargetMethod.Name):
                            WalkElements(source, scope, origin, pick ?? new Pick(ShapeEvaluator.NameOf(source), "dequeued"), null, result, depth + 1);
                            break;
                        default:
                            result.Add(new TracedValue(null, origin ?? $"local '{local.Name}'", pick));
                            break;
                    }
                }
            }
            finally
            {
                visiting.Remove(local);
            }
        }

        /// <summary>A parameter of a project method: the arguments of the project's calls of it, in any type (a helper's callers).</summary>
        private void Parameter(IParameterSymbol parameter, string? origin, Pick? pick, List<TracedValue> result, int depth)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor } method
                || method.ContainingType is null || !visiting.Add(parameter))
            {
                return;
            }

            try
            {
                foreach (var (call, callerFacts) in model.CallsOf(method, cancellationToken))
                {
                    var argument = call switch
                    {
                        IInvocationOperation invocation => invocation.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter?.OriginalDefinition, parameter.OriginalDefinition)),
                        IObjectCreationOperation creation => creation.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter?.OriginalDefinition, parameter.OriginalDefinition)),
                        _ => null,
                    };
                    if (argument is { ArgumentKind: not ArgumentKind.DefaultValue })
                    {
                        Walk(argument.Value, callerFacts, origin, pick, result, depth + 1);
                    }
                }
            }
            finally
            {
                visiting.Remove(parameter);
            }
        }

        /// <summary>What the method itself assigns its parameter: <c>if (userAgent == null) userAgent = "Mozilla/5.0 …";</c>.</summary>
        private void Reassigned(IParameterSymbol parameter, BodyFacts? scope, string? origin, Pick? pick, List<TracedValue> result, int depth)
        {
            if (scope is null || !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, scope.Method))
            {
                return;
            }

            foreach (var operation in scope.Root.Descendants())
            {
                var value = operation switch
                {
                    ISimpleAssignmentOperation { Target: IParameterReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Parameter, parameter) => assignment.Value,
                    ICoalesceAssignmentOperation { Target: IParameterReferenceOperation target } coalesce when SymbolEqualityComparer.Default.Equals(target.Parameter, parameter) => coalesce.Value,
                    _ => null,
                };
                if (value is not null)
                {
                    Walk(value, scope, origin, pick, result, depth + 1);
                }
            }
        }

        private void Element(IOperation collection, IOperation? index, BodyFacts? scope, string? origin, Pick? pick, List<TracedValue> result, int depth)
        {
            index = Strip(index);
            if (index?.ConstantValue is { HasValue: true, Value: int position })
            {
                WalkElements(collection, scope, origin, pick, position, result, depth + 1);
                return;
            }

            WalkElements(collection, scope, origin, pick ?? new Pick(ShapeEvaluator.NameOf(Strip(collection)), HowIndexed(index)), null, result, depth + 1);
        }

        private static string HowIndexed(IOperation? index)
        {
            if (index is null)
            {
                return "by index";
            }

            foreach (var part in index.DescendantsAndSelf())
            {
                switch (part)
                {
                    case IInvocationOperation { TargetMethod.Name: "Next" or "NextInt64" or "GetInt32" }:
                        return "at random";
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Remainder }:
                    case IIncrementOrDecrementOperation:
                    case IInvocationOperation { TargetMethod.Name: "Increment" }:
                        return "in turn";
                }
            }

            return "by index";
        }

        private void Member(IMemberReferenceOperation reference, BodyFacts? scope, string? origin, Pick? pick, List<TracedValue> result, int depth)
        {
            var member = reference.Member;
            if (member.DeclaringSyntaxReferences.IsEmpty || !visiting.Add(member))
            {
                result.Add(new TracedValue(null, origin ?? $"'{member.Name}'", pick));
                return;
            }

            try
            {
                origin ??= member is IPropertySymbol ? $"property '{member.Name}'" : $"field '{member.Name}'";
                var before = result.Count;
                foreach (var value in Values(member))
                {
                    Walk(value.Value, value.Facts, origin, pick, result, depth + 1);
                }

                if (result.Count == before && reference.Instance is { } instance and not IInstanceReferenceOperation)
                {
                    // proxy.Address, where proxy was picked from a list: keep the pick, the text is unknown.
                    var owner = new List<TracedValue>();
                    Walk(instance, scope, origin, pick, owner, depth + 1);
                    result.AddRange(owner.Select(o => new TracedValue(null, origin, o.Pick)));
                }
            }
            finally
            {
                visiting.Remove(member);
            }
        }

        /// <summary>
        /// What a field or property of the project is given: every write of its type (<see cref="TypeState"/>: the initializer and
        /// assignments in any member, so a proxy popped into a field in one method is seen where another reads it), and a
        /// property's expression body.
        /// </summary>
        private IEnumerable<(IOperation Value, BodyFacts? Facts)> Values(ISymbol member)
        {
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is PropertyDeclarationSyntax { ExpressionBody.Expression: { } expression }
                    && model.Compilation.ContainsSyntaxTree(expression.SyntaxTree))
                {
#pragma warning disable RS1030 // The driver's semantic models are shared per tree: this one is not rebuilt.
                    var semanticModel = model.Compilation.GetSemanticModel(expression.SyntaxTree);
#pragma warning restore RS1030
                    if (semanticModel.GetOperation(expression, cancellationToken) is { } value)
                    {
                        yield return (value, model.FactsOf(value, cancellationToken));
                    }
                }
            }

            if (member.ContainingType is { } type && model.Crawl.State(type, cancellationToken) is { } state)
            {
                foreach (var write in state.WritesOf(member))
                {
                    yield return (write.Value, write.Facts);
                }
            }
        }

        /// <summary>What the members of the member's type add to a collection kept in it (<c>pool.Push(p)</c> in any member).</summary>
        private void AddedByType(ISymbol member, string? origin, Pick? pick, List<TracedValue> result, int depth)
        {
            if (member.ContainingType is { } type && model.Crawl.State(type, cancellationToken) is { } state)
            {
                foreach (var add in state.AddsTo(member))
                {
                    // map.Add(key, value): the value is the last argument.
                    var value = add.Value.Parent is IArgumentOperation { Parent: IInvocationOperation { Arguments.Length: > 1 } call } ? call.Arguments[call.Arguments.Length - 1].Value : add.Value;
                    Walk(value, add.Facts, origin, pick, result, depth + 1);
                }
            }
        }

        private void Invocation(IInvocationOperation invocation, BodyFacts? scope, string? origin, Pick? pick, List<TracedValue> result, int depth)
        {
            var method = invocation.TargetMethod;
            var source = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
            switch (method.Name)
            {
                case "ElementAt" or "ElementAtOrDefault" when invocation.Arguments.Length == 2:
                    Element(invocation.Arguments[0].Value, invocation.Arguments[1].Value, scope, origin, pick, result, depth);
                    return;
                case "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "Single" or "SingleOrDefault" when source is not null:
                    WalkElements(source, scope, origin, pick, null, result, depth + 1);
                    return;
                case "Dequeue" or "Pop" or "Take" when invocation.Instance is not null:
                    WalkElements(invocation.Instance, scope, origin, pick ?? new Pick(ShapeEvaluator.NameOf(invocation.Instance), "dequeued"), null, result, depth + 1);
                    return;
                case "ToString" or "Trim" or "ToLowerInvariant" or "ToLower" when invocation.Instance is not null:
                    Walk(invocation.Instance, scope, origin, pick, result, depth + 1);
                    return;
            }

            if (!method.DeclaringSyntaxReferences.IsEmpty && method.ReturnsVoid == false)
            {
                foreach (var (returned, calleeFacts) in Returns(method))
                {
                    Walk(returned, calleeFacts, origin ?? $"method '{method.Name}'", pick, result, depth + 1);
                }

                return;
            }

            result.Add(new TracedValue(null, origin ?? $"'{method.Name}'", pick));
        }

        /// <summary>The values a project method returns (its return statements and expression body, not those of its lambdas).</summary>
        public IEnumerable<(IOperation Value, BodyFacts Facts)> Returns(IMethodSymbol method)
        {
            if (model.Crawl.Body(method, cancellationToken) is not { } body)
            {
                yield break;
            }

            foreach (var node in body.Facts.Root.Descendants())
            {
                if (node is IReturnOperation { ReturnedValue: { } value } && InOwnBody(node, body.Facts.Root))
                {
                    yield return (value, body.Facts);
                }
            }
        }

        private static bool InOwnBody(IOperation operation, IOperation root)
        {
            for (var current = operation.Parent; current is not null && current != root; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return false;
                }
            }

            return true;
        }

        private void Concatenation(IOperation operation, BodyFacts? scope, string? origin, Pick? pick, List<TracedValue> result, int depth)
        {
            var parts = operation is IInterpolatedStringOperation interpolated
                ? interpolated.Parts.Select(p => p switch
                {
                    IInterpolatedStringTextOperation text => text.Text,
                    IInterpolationOperation hole => hole.Expression,
                    _ => null,
                })
                : Flatten((IBinaryOperation)operation);
            var text = new StringBuilder();
            string? partOrigin = null;
            foreach (var part in parts)
            {
                var values = new List<TracedValue>();
                Walk(part, scope, null, null, values, depth + 1);
                var known = values.Where(v => v.Text is not null).Select(v => v.Text!).Distinct().ToList();
                text.Append(known.Count == 1 && values.Count == 1 ? known[0] : "{" + ShapeEvaluator.NameOf(Strip(part)) + "}");
                pick ??= values.FirstOrDefault(v => v.Pick is not null)?.Pick;
                if (part?.ConstantValue.HasValue != true || part is IFieldReferenceOperation)
                {
                    partOrigin ??= values.FirstOrDefault(v => v.Origin != "a string literal" && v.Text is not null)?.Origin;
                }
            }

            result.Add(new TracedValue(text.ToString(), origin ?? partOrigin ?? "a string literal", pick));
        }

        private static IEnumerable<IOperation?> Flatten(IBinaryOperation binary)
        {
            foreach (var side in new[] { binary.LeftOperand, binary.RightOperand })
            {
                if (Strip(side) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } nested && nested.ConstantValue.HasValue == false)
                {
                    foreach (var part in Flatten(nested))
                    {
                        yield return part;
                    }
                }
                else
                {
                    yield return side;
                }
            }
        }

        private void WalkElements(IOperation? collection, BodyFacts? scope, string? origin, Pick? pick, int? index, List<TracedValue> result, int depth)
        {
            collection = Strip(collection);
            if (collection is null || depth > MaxDepth)
            {
                return;
            }

            var before = result.Count;
            switch (collection)
            {
                case IArrayCreationOperation { Initializer: { } initializer }:
                    Each(initializer.ElementValues, scope, origin, pick, index, result, depth);
                    break;
                case IArrayInitializerOperation initializer:
                    // string[] Agents = { … }: the field initializer is the array initializer itself.
                    Each(initializer.ElementValues, scope, origin, pick, index, result, depth);
                    break;
                case IObjectCreationOperation creation when creation.Initializer is { } init && init.Initializers.All(i => i is IInvocationOperation):
                    Each(init.Initializers.Cast<IInvocationOperation>().Where(a => a.Arguments.Length > 0).Select(a => a.Arguments[0].Value), scope, origin, pick, index, result, depth);
                    break;
                case IObjectCreationOperation { Arguments.Length: > 0 } copy when copy.Arguments[0].Value.Type is IArrayTypeSymbol or INamedTypeSymbol { IsGenericType: true }:
                    WalkElements(copy.Arguments[0].Value, scope, origin, pick, index, result, depth + 1);
                    break;
                case ILocalReferenceOperation local when scope is not null && visiting.Add(local.Local):
                    try
                    {
                        foreach (var assignment in scope.AssignmentsOf(local.Local).Where(a => a.Kind == AssignmentKind.Value))
                        {
                            WalkElements(assignment.Value, scope, origin, pick, index, result, depth + 1);
                        }

                        Added(local.Local, scope, origin, pick, result, depth);
                    }
                    finally
                    {
                        visiting.Remove(local.Local);
                    }

                    break;
                case IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.Length: 0 }:
                    var member = ((IMemberReferenceOperation)collection).Member;
                    if (!member.DeclaringSyntaxReferences.IsEmpty && visiting.Add(member))
                    {
                        try
                        {
                            origin ??= member is IPropertySymbol ? $"property '{member.Name}'" : $"field '{member.Name}'";
                            foreach (var value in Values(member))
                            {
                                WalkElements(value.Value, value.Facts, origin, pick, index, result, depth + 1);
                            }

                            AddedByType(member, origin, pick, result, depth);
                        }
                        finally
                        {
                            visiting.Remove(member);
                        }
                    }

                    break;
                case IInvocationOperation invocation when PassThrough.Contains(invocation.TargetMethod.Name):
                    WalkElements(invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null), scope, origin, pick, index, result, depth + 1);
                    break;
                case IInvocationOperation invocation when !invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty:
                    foreach (var (returned, calleeFacts) in Returns(invocation.TargetMethod))
                    {
                        WalkElements(returned, calleeFacts, origin ?? $"method '{invocation.TargetMethod.Name}'", pick, index, result, depth + 1);
                    }

                    break;
                case { Kind: OperationKind.None }:
                    // A collection expression ([a, b, c]) in compilers whose operation tree does not model it.
                    Each(collection.ChildOperations, scope, origin, pick, index, result, depth);
                    break;
            }

            if (result.Count == before)
            {
                // A collection whose content is not known here (read from a file, injected): the pick is still a fact.
                result.Add(new TracedValue(null, origin ?? $"'{ShapeEvaluator.NameOf(collection)}'", pick));
            }
        }

        private void Each(IEnumerable<IOperation> elements, BodyFacts? scope, string? origin, Pick? pick, int? index, List<TracedValue> result, int depth)
        {
            var position = 0;
            foreach (var element in elements)
            {
                if (index is null || index == position)
                {
                    Walk(element, scope, origin, pick, result, depth + 1);
                }

                position++;
            }
        }

        private void Added(ISymbol collection, BodyFacts? scope, string? origin, Pick? pick, List<TracedValue> result, int depth)
        {
            if (scope is not null && scope.CollectionAdds.TryGetValue(collection, out var adds))
            {
                foreach (var add in adds.Where(a => a.Arguments.Length > 0))
                {
                    Walk(add.Arguments[add.Arguments.Length - 1].Value, scope, origin, pick, result, depth + 1);
                }
            }
        }

        public static IOperation? Strip(IOperation? operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IAwaitOperation awaited:
                        operation = awaited.Operation;
                        break;
                    case IArgumentOperation argument:
                        operation = argument.Value;
                        break;
                    default:
                        return operation;
                }
            }
        }
    }
}
