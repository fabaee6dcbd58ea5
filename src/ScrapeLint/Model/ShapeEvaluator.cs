using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>
    /// Computes the shape of a URL value inside one body: constant fragments and holes, followed through
    /// locals (all their assignments), constants and readonly fields, interpolation, <c>+</c>,
    /// <c>string.Concat/Format</c>, <c>Uri</c>, <c>UriBuilder</c>, <c>HttpRequestMessage</c>, Flurl's
    /// builders and the project's own URL-building methods. Holes are variant when they change with
    /// the iteration <c>scope</c> (a loop statement, an iteration lambda, or the whole body of a recursive method).
    /// </summary>
    internal sealed class ShapeEvaluator
    {
        private const int MaxDepth = 128;

        /// <summary>A local appended to more often than this (a URL built by hundreds of <c>+=</c>) is a hole, not a growing shape.</summary>
        private const int MaxAppends = 8;

        /// <summary>Evaluation steps one evaluator may take: past it, a value is an unknown hole (a pathological body stays linear).</summary>
        private const int StepBudget = 4096;

        private static readonly HashSet<string> TransparentMethods = new HashSet<string>(StringComparer.Ordinal)
        {
            "ToString", "Trim", "TrimEnd", "TrimStart", "ToLower", "ToLowerInvariant", "ToUpper", "ToUpperInvariant",
            "EscapeDataString", "EscapeUriString", "UnescapeDataString", "UrlEncode", "UrlPathEncode", "UrlDecode", "HtmlDecode",
            "GetLeftPart", "ToUri", "ToUrl", "Normalize", "ConfigureAwait", "GetAwaiter", "GetResult", "Replace",
        };

        private static readonly HashSet<string> ElementMethods = new HashSet<string>(StringComparer.Ordinal)
        {
            "First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault", "ElementAt", "ElementAtOrDefault",
        };

        private static readonly HashSet<string> DrainMethods = new HashSet<string>(StringComparer.Ordinal)
        {
            "Dequeue", "TryDequeue", "Pop", "TryPop", "Take", "TryTake", "ReadAsync", "TryRead", "Receive", "ReceiveAsync",
            "ReadLine", "ReadLineAsync", "DequeueAsync", "Pull", "Next", "GetNext", "GetNextAsync", "NextAsync",
        };

        private static readonly HashSet<string> PassThroughCollectionMethods = new HashSet<string>(StringComparer.Ordinal)
        {
            "Where", "Distinct", "DistinctBy", "ToList", "ToArray", "ToHashSet", "Take", "Skip", "OrderBy", "OrderByDescending", "AsEnumerable",
            "Concat", "Union", "Except", "Reverse", "Cast", "OfType", "ToImmutableArray", "ToImmutableList", "AsParallel", "ReadAllAsync", "ToAsyncEnumerable",
        };

        private readonly BodyFacts body;
        private readonly CrawlModel model;
        private readonly SyntaxNode? scope;
        private readonly HashSet<ILocalSymbol> visiting = new(SymbolEqualityComparer.Default);
        private readonly Dictionary<ILocalSymbol, UrlShape> locals = new(SymbolEqualityComparer.Default);
        private int depth;
        private int steps;

        public ShapeEvaluator(BodyFacts body, CrawlModel model, SyntaxNode? scope)
        {
            this.body = body;
            this.model = model;
            this.scope = scope;
        }

        public UrlShape Evaluate(IOperation? operation)
        {
            if (operation is null)
            {
                return UrlShape.Empty;
            }

            if (depth > MaxDepth || ++steps > StepBudget)
            {
                return UrlShape.Of(new Hole(NameOf(operation), null, isVariant: false));
            }

            depth++;
            try
            {
                return EvaluateCore(operation);
            }
            finally
            {
                depth--;
            }
        }

        private UrlShape EvaluateCore(IOperation operation)
        {
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue.Value switch
                {
                    string text => UrlShape.Text(text),
                    null => UrlShape.Empty,
                    var other => UrlShape.Text(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                };
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return Evaluate(conversion.Operand);
                case IAwaitOperation awaited:
                    return Evaluate(awaited.Operation);
                case IInterpolatedStringOperation interpolated:
                    return UrlShape.Concat(interpolated.Parts.Select(part => part switch
                    {
                        IInterpolatedStringTextOperation text => Evaluate(text.Text),
                        IInterpolationOperation hole => Evaluate(hole.Expression),
                        _ => UrlShape.Empty,
                    }));
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when IsConcatenation(binary):
                    return Concatenation(binary);
                case ICoalesceOperation coalesce:
                    return Best(Evaluate(coalesce.Value), Evaluate(coalesce.WhenNull));
                case IConditionalOperation conditional when conditional.WhenFalse is not null:
                    return Best(Evaluate(conditional.WhenTrue), Evaluate(conditional.WhenFalse));
                case IConditionalAccessOperation access:
                    return Evaluate(access.WhenNotNull);
                case IConditionalAccessInstanceOperation instance:
                    return Evaluate(FindConditionalAccess(instance)?.Operation);
                case ILocalReferenceOperation local:
                    return Local(local.Local);
                case IParameterReferenceOperation parameter:
                    return Parameter(parameter.Parameter);
                case IFieldReferenceOperation field:
                    return Member(field, field.Field, field.Instance);
                case IPropertyReferenceOperation property:
                    return Property(property);
                case IArrayElementReferenceOperation element:
                    return Element(element.ArrayReference, element.Indices);
                case IInvocationOperation invocation:
                    return Invocation(invocation);
                case IObjectCreationOperation creation:
                    return Creation(creation);
                case IDefaultValueOperation:
                    return UrlShape.Empty;
                case IBinaryOperation arithmetic:
                    // page * 10, offset + 1: a number that varies when its operands do.
                    return UrlShape.Of(new Hole(NameOf(arithmetic), null, Evaluate(arithmetic.LeftOperand).IsVariant || Evaluate(arithmetic.RightOperand).IsVariant));
                case IUnaryOperation unary:
                    return UrlShape.Of(new Hole(NameOf(unary), null, Evaluate(unary.Operand).IsVariant));
                default:
                    return UrlShape.Of(new Hole(NameOf(operation), null, isVariant: false));
            }
        }

        /// <summary>The shape of one element of a collection, when the collection's content is known.</summary>
        public UrlShape? ElementOf(IOperation? collection)
        {
            while (collection is IConversionOperation conversion)
            {
                collection = conversion.Operand;
            }

            switch (collection)
            {
                case IInvocationOperation invocation:
                    var source = invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    var name = invocation.TargetMethod.Name;
                    if ((name == "Select" || name == "SelectMany") && invocation.Arguments.Length > 1
                        && Lambda(invocation.Arguments[1].Value) is { } selector && ReturnedValue(selector) is { } projected)
                    {
                        return Evaluate(projected);
                    }

                    if (PassThroughCollectionMethods.Contains(name))
                    {
                        return ElementOf(source);
                    }

                    return null;
                case ILocalReferenceOperation local when visiting.Add(local.Local):
                    try
                    {
                        var shapes = body.AssignmentsOf(local.Local).Where(a => a.Kind == AssignmentKind.Value).Select(a => ElementOf(a.Value))
                            .Concat(AddedValues(local.Local).Select(v => (UrlShape?)Evaluate(v)))
                            .Where(s => s is not null).Cast<UrlShape>().ToList();
                        return shapes.Count == 0 ? null : shapes.Aggregate(Best);
                    }
                    finally
                    {
                        visiting.Remove(local.Local);
                    }

                case IFieldReferenceOperation field:
                    var added = AddedValues(field.Field).Select(Evaluate).ToList();
                    return added.Count == 0 ? null : added.Aggregate(Best);
                case IArrayCreationOperation { Initializer: { } initializer } when initializer.ElementValues.Length > 0:
                    return initializer.ElementValues.Select(Evaluate).Aggregate(Best);
                default:
                    return null;
            }
        }

        /// <summary>Every value that goes into a collection: its initial elements and what is added to it.</summary>
        public List<UrlShape> SourcesOf(ISymbol collection)
        {
            var values = new List<IOperation>(AddedValues(collection));
            if (collection is ILocalSymbol local)
            {
                foreach (var assignment in body.AssignmentsOf(local))
                {
                    if (assignment.Value is IObjectCreationOperation creation)
                    {
                        foreach (var argument in creation.Arguments)
                        {
                            var value = argument.Value is IConversionOperation conversion ? conversion.Operand : argument.Value;
                            if (value is IArrayCreationOperation { Initializer: { } elements })
                            {
                                values.AddRange(elements.ElementValues);
                            }
                            else if (value.Type?.SpecialType != SpecialType.System_Int32)
                            {
                                values.Add(value);
                            }
                        }

                        values.AddRange(creation.Initializer?.Initializers.OfType<IInvocationOperation>().SelectMany(i => i.Arguments.Select(a => a.Value))
                            ?? Enumerable.Empty<IOperation>());
                    }
                }
            }

            return values.Select(Evaluate).ToList();
        }

        private IEnumerable<IOperation> AddedValues(ISymbol collection)
            => body.CollectionAdds.TryGetValue(collection, out var adds)
                ? adds.Where(a => a.Arguments.Length > 0).Select(a => a.Arguments[0].Value)
                : Enumerable.Empty<IOperation>();

        /// <summary>A local's shape, computed once per evaluator: locals assigned several times, each from the last, stay linear.</summary>
        private UrlShape Local(ILocalSymbol local)
        {
            if (locals.TryGetValue(local, out var known))
            {
                return known;
            }

            var shape = LocalCore(local);
            if (!visiting.Contains(local))
            {
                locals[local] = shape;
            }

            return shape;
        }

        private UrlShape LocalCore(ILocalSymbol local)
        {
            if (!visiting.Add(local))
            {
                return UrlShape.Of(new Hole(local.Name, local, isVariant: false));
            }

            try
            {
                var assignments = body.AssignmentsOf(local);
                if (assignments.Count == 0)
                {
                    return UrlShape.Of(new Hole(local.Name, local, isVariant: false));
                }

                UrlShape? best = null;
                var variant = false;
                var asHole = false;
                HoleKind kind = HoleKind.Value;
                string? collectionName = null;
                ISymbol? drainedFrom = null;
                var drainedState = false;
                foreach (var assignment in assignments)
                {
                    var inScope = InScope(assignment.Site);
                    switch (assignment.Kind)
                    {
                        case AssignmentKind.ForEach:
                            asHole = true;
                            variant |= inScope;
                            collectionName = NameOf(assignment.Value!);
                            var element = ElementOf(assignment.Value);
                            if (element is not null && !element.IsConstant)
                            {
                                if (element.WholeHole is { } wholeElement)
                                {
                                    kind = wholeElement.Kind;
                                }
                                else if (inScope)
                                {
                                    best = MarkVariant(element);
                                    asHole = false;
                                }
                            }
                            else if (IsDraining(assignment.Value))
                            {
                                kind = HoleKind.Drained;
                            }

                            break;
                        case AssignmentKind.Out when assignment.Value is IInvocationOperation { TargetMethod.Name: "TryCreate" } tryCreate
                            && KnownSymbols.Is(tryCreate.TargetMethod.ContainingType, model.Known.Uri):
                            // Uri.TryCreate(base, relative, out var uri) / Uri.TryCreate(text, kind, out var uri).
                            var created = tryCreate.Arguments.Length == 3 && KnownSymbols.Is(tryCreate.Arguments[0].Value.Type, model.Known.Uri)
                                ? Combine(Evaluate(tryCreate.Arguments[0].Value), Evaluate(tryCreate.Arguments[1].Value))
                                : Evaluate(tryCreate.Arguments[0].Value);
                            variant |= created.IsVariant;
                            best = best is null ? created : Best(best, created);
                            break;
                        case AssignmentKind.Out:
                            asHole = true;
                            variant |= inScope;
                            if (assignment.Value is IInvocationOperation call && DrainMethods.Contains(call.TargetMethod.Name))
                            {
                                kind = HoleKind.Drained;
                                collectionName = NameOf(call.Instance);
                                drainedFrom = BodyFacts.CollectionSymbol(call.Instance);
                                drainedState = IsOwnCollection(call.Instance);
                                if (ElementOf(call.Instance) is { WholeHole: { } drainedElement })
                                {
                                    kind = drainedElement.Kind == HoleKind.Value ? HoleKind.Drained : drainedElement.Kind;
                                }
                            }

                            break;
                        case AssignmentKind.Update when best is not null && assignments.Count <= MaxAppends
                            && assignment.Site is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } append:
                            // if (page > 1) url += $"&page={page}": the URL with and without its tail; the longer one says more.
                            variant |= inScope;
                            best = Best(best, UrlShape.Concat(best, Evaluate(append.Value)));
                            break;
                        case AssignmentKind.Update:
                            asHole = true;
                            variant |= inScope;
                            break;
                        default:
                            var value = Evaluate(assignment.Value);
                            if (inScope && !value.IsConstant && !IsDeclaredInScope(local))
                            {
                                // A local declared before the loop and reassigned inside it changes every iteration.
                                value = MarkVariant(value);
                            }

                            variant |= value.IsVariant;
                            best = best is null ? value : Best(best, value);
                            if (assignments.Count > 1 && inScope && !IsDeclaredInScope(local))
                            {
                                variant = true;
                            }

                            break;
                    }
                }

                if (!asHole && assignments.Count == 1 && best?.WholeHole is { } single && single.Symbol is not IParameterSymbol)
                {
                    // var url = queue.Dequeue(): the local's name says more than the call's.
                    return UrlShape.Of(new Hole(local.Name, single.Kind == HoleKind.Drained || single.IsState ? single.Symbol : local, single.IsVariant, single.Kind, single.ParameterOrdinal, single.CollectionName ?? single.Name, single.IsState));
                }

                if (asHole || best is null)
                {
                    if (best is not null && !asHole)
                    {
                        return best;
                    }

                    if (best is not null && best.WholeHole is { } only)
                    {
                        kind = kind == HoleKind.Value ? only.Kind : kind;
                    }

                    return UrlShape.Of(new Hole(local.Name, kind == HoleKind.Drained ? drainedFrom ?? local : local, variant, kind, collectionName: collectionName, isState: drainedState));
                }

                return variant && !best.IsVariant ? ForceVariant(best, local) : best;
            }
            finally
            {
                visiting.Remove(local);
            }
        }

        private UrlShape Parameter(IParameterSymbol parameter)
        {
            if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda)
            {
                var syntax = lambda.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();
                var variant = syntax is not null && scope is not null && syntax.SyntaxTree == scope.SyntaxTree && scope.Span.Contains(syntax.Span);
                var kind = HoleKind.Value;
                string? collectionName = null;
                if (syntax?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArgumentSyntax
                    && body.SemanticModel.GetOperation(syntax.Parent) is IArgumentOperation { Parent: IInvocationOperation call })
                {
                    var source = call.Instance ?? (call.Arguments.Length > 0 && call.Arguments[0].Parameter?.Ordinal == 0 ? call.Arguments[0].Value : null);
                    collectionName = source is null ? null : NameOf(source);
                    if (ElementOf(source) is { WholeHole: { } element })
                    {
                        kind = element.Kind;
                    }
                }

                return UrlShape.Of(new Hole(parameter.Name, parameter, variant, kind, collectionName: collectionName));
            }

            var ownOrdinal = SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, body.Method) ? parameter.Ordinal : -1;
            return UrlShape.Of(new Hole(parameter.Name, parameter, isVariant: false, parameterOrdinal: ownOrdinal));
        }

        private UrlShape Member(IOperation reference, ISymbol member, IOperation? instance)
        {
            var own = IsOwnState(member, instance);
            if (own && AssignedBefore(member, reference) is { } assigned)
            {
                // CurrentUrl = url; web.Load(CurrentUrl): the value this body parked in its own member.
                return assigned;
            }

            if (model.InitializerShape(member) is { } initial)
            {
                return initial;
            }

            if (own)
            {
                // The object's state: a caller substitutes it from the instance it calls this method on.
                return UrlShape.Of(new Hole(member.Name, member.OriginalDefinition, isVariant: false, isState: true));
            }

            var owner = instance is null || instance is IInstanceReferenceOperation ? null : Evaluate(instance);
            var ownerHole = owner?.WholeHole;
            return UrlShape.Of(new Hole(
                member.Name,
                member,
                owner?.IsVariant ?? false,
                parameterOrdinal: ownerHole?.ParameterOrdinal ?? -1,
                collectionName: ownerHole?.CollectionName));
        }

        private UrlShape Property(IPropertyReferenceOperation property)
        {
            var symbol = property.Property;
            var known = model.Known;
            if (property.Arguments.Length > 0)
            {
                // An indexer: urls[i], attributes["href"].
                if (property.Arguments[0].Value.ConstantValue.Value is string key && AttributeKind(key) is { } attributeKind)
                {
                    return UrlShape.Of(new Hole(key, symbol, InScope(property) || Evaluate(property.Instance).IsVariant, attributeKind));
                }

                return Element(property.Instance, property.Arguments.Select(a => a.Value));
            }

            switch (symbol.Name)
            {
                case "AbsoluteUri" or "OriginalString" or "Uri" or "RequestUri" when KnownSymbols.Is(symbol.ContainingType, known.Uri) || KnownSymbols.Is(symbol.ContainingType, known.UriBuilder) || KnownSymbols.Is(symbol.ContainingType, known.HttpRequestMessage):
                    return Evaluate(property.Instance);
                case "Value" when property.Instance is IPropertyReferenceOperation { Arguments.Length: > 0 } or IInvocationOperation:
                    return Evaluate(property.Instance);
                case "Href" when KnownSymbols.IsOrInherits(symbol.ContainingType, known.AngleSharpAnchor) || symbol.ContainingType.Name.IndexOf("Anchor", StringComparison.Ordinal) >= 0:
                    return UrlShape.Of(new Hole("href", symbol, InScope(property) || Evaluate(property.Instance).IsVariant, HoleKind.Link));
                case "Source" or "Src" when KnownSymbols.IsOrInherits(symbol.ContainingType, known.AngleSharpImage) || symbol.ContainingType.Name.IndexOf("Image", StringComparison.Ordinal) >= 0:
                    return UrlShape.Of(new Hole("src", symbol, InScope(property) || Evaluate(property.Instance).IsVariant, HoleKind.ImageSource));
                case "Result" when property.Instance is not null:
                    return Evaluate(property.Instance);
            }

            return Member(property, symbol, property.Instance);
        }

        private UrlShape Element(IOperation? collection, IEnumerable<IOperation> indices)
        {
            var owner = Evaluate(collection);
            var variant = owner.IsVariant || indices.Any(i => Evaluate(i).IsVariant);
            var name = NameOf(collection);
            var kind = ElementOf(collection) is { WholeHole: { } element } ? element.Kind : HoleKind.Value;
            return UrlShape.Of(new Hole(name, BodyFacts.CollectionSymbol(collection), variant, kind, collectionName: name));
        }

        private UrlShape Invocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var name = method.Name;
            var arguments = invocation.Arguments;
            var receiver = invocation.Instance ?? (method.IsExtensionMethod && arguments.Length > 0 ? arguments[0].Value : null);

            if (method.ContainingType?.SpecialType == SpecialType.System_String && method.IsStatic)
            {
                if (name == "Format")
                {
                    return Format(arguments);
                }

                if (name == "Concat")
                {
                    return UrlShape.Concat(Flatten(arguments).Select(Evaluate));
                }
            }

            if (KnownSymbols.Is(method.ContainingType, model.Known.Path) && name is "Combine" or "Join")
            {
                // Path.Combine("out", $"img{n}.png"): the parts joined by separators, for the file name's extension.
                var joined = new List<UrlShape>();
                foreach (var part in Flatten(arguments))
                {
                    if (joined.Count > 0)
                    {
                        joined.Add(UrlShape.Text("/"));
                    }

                    joined.Add(Evaluate(part));
                }

                return UrlShape.Concat(joined);
            }

            var attribute = AttributeName(invocation);
            if (attribute is not null && AttributeKind(attribute) is { } attributeKind)
            {
                // A link or image read off a page inside the iteration: a page fetched in this iteration.
                return UrlShape.Of(new Hole(attribute, method, InScope(invocation) || Evaluate(receiver).IsVariant, attributeKind));
            }

            if (TransparentMethods.Contains(name) && receiver is not null)
            {
                return Evaluate(receiver);
            }

            if (receiver is not null && (KnownSymbols.IsNamespace(method.ContainingNamespace, "Flurl") || KnownSymbols.IsNamespace(method.ContainingNamespace, "Flurl.Http")))
            {
                return Flurl(invocation, receiver);
            }

            if (DrainMethods.Contains(name) && receiver is not null)
            {
                var element = ElementOf(receiver);
                var drainedKind = element?.WholeHole is { Kind: not HoleKind.Value } known ? known.Kind : HoleKind.Drained;
                return UrlShape.Of(new Hole(NameOf(receiver), BodyFacts.CollectionSymbol(receiver), InScope(invocation), drainedKind, collectionName: NameOf(receiver), isState: IsOwnCollection(receiver)));
            }

            if (ElementMethods.Contains(name) && receiver is not null)
            {
                return Element(receiver, arguments.Skip(invocation.Instance is null ? 1 : 0).Select(a => a.Value));
            }

            // A random id, a new Guid or a counter: a value that is new on every call varies with the iteration that makes it.
            var fresh = InScope(invocation) && model.IsFreshPerCall(method);
            if (model.ReturnShape(method) is { } returned)
            {
                var substituted = Substitute(returned, invocation);
                return fresh && !substituted.IsVariant ? MarkVariant(substituted) : substituted;
            }

            var variant = fresh
                || (receiver is not null && Evaluate(receiver).IsVariant)
                || arguments.Any(a => a.Value != receiver && Evaluate(a.Value).IsVariant);
            return UrlShape.Of(new Hole(name, method, variant));
        }

        private UrlShape Creation(IObjectCreationOperation creation)
        {
            var type = creation.Type;
            var known = model.Known;
            var arguments = creation.Arguments;
            if (KnownSymbols.Is(type, known.Uri) && arguments.Length > 0)
            {
                if (arguments.Length >= 2 && KnownSymbols.Is(arguments[0].Value.Type, known.Uri))
                {
                    return Combine(Evaluate(arguments[0].Value), Evaluate(arguments[1].Value));
                }

                return Evaluate(arguments[0].Value);
            }

            if (KnownSymbols.Is(type, known.UriBuilder))
            {
                var shape = arguments.Length switch
                {
                    0 => UrlShape.Empty,
                    1 => Evaluate(arguments[0].Value),
                    _ => UrlShape.Concat(new[] { Evaluate(arguments[0].Value), UrlShape.Text("://"), Evaluate(arguments[1].Value) }
                        .Concat(arguments.Skip(2).Where(a => a.Value.Type?.SpecialType == SpecialType.System_String).Select(a => Evaluate(a.Value)))),
                };
                return ApplyInitializer(shape, creation.Initializer);
            }

            if (KnownSymbols.Is(type, known.HttpRequestMessage))
            {
                var uri = arguments.FirstOrDefault(a => a.Parameter?.Name == "requestUri");
                return ApplyInitializer(uri is null ? UrlShape.Empty : Evaluate(uri.Value), creation.Initializer);
            }

            if ((KnownSymbols.Is(type, known.RestRequest) || KnownSymbols.Is(type, known.AngleSharpUrl) || KnownSymbols.Is(type, known.FlurlUrl)) && arguments.Length > 0)
            {
                return Evaluate(arguments[0].Value);
            }

            if (KnownSymbols.Is(type, known.RestRequest))
            {
                // new RestRequest(): no resource, the client's base URL is requested.
                return ApplyRestInitializer(UrlShape.Empty, creation.Initializer, "Resource");
            }

            if (KnownSymbols.Is(type, known.RestClient) || KnownSymbols.Is(type, known.RestClientOptions))
            {
                // new RestClient(url), new RestClient(new RestClientOptions(url) { … }), new RestClientOptions { BaseUrl = … }.
                var baseUrl = arguments.FirstOrDefault(a => known.IsUrlType(a.Value.Type) || KnownSymbols.Is(a.Value.Type, known.RestClientOptions));
                return ApplyRestInitializer(baseUrl is null ? UrlShape.Empty : Evaluate(baseUrl.Value), creation.Initializer, "BaseUrl");
            }

            return UrlShape.Of(new Hole(type?.Name ?? "object", type, arguments.Any(a => Evaluate(a.Value).IsVariant)));
        }

        /// <summary>Reads <c>RequestUri = …</c>, <c>Path = …</c>, <c>Query = …</c> from an object initializer.</summary>
        private UrlShape ApplyInitializer(UrlShape shape, IObjectOrCollectionInitializerOperation? initializer)
        {
            if (initializer is null)
            {
                return shape;
            }

            foreach (var member in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
            {
                if (member.Target is IPropertyReferenceOperation property)
                {
                    shape = ApplyMember(shape, property.Property.Name, Evaluate(member.Value));
                }
            }

            return shape;
        }

        private UrlShape ApplyRestInitializer(UrlShape shape, IObjectOrCollectionInitializerOperation? initializer, string member)
        {
            foreach (var assignment in initializer?.Initializers.OfType<ISimpleAssignmentOperation>() ?? Enumerable.Empty<ISimpleAssignmentOperation>())
            {
                if (assignment.Target is IPropertyReferenceOperation property && property.Property.Name == member)
                {
                    shape = Evaluate(assignment.Value);
                }
            }

            return shape;
        }

        private static UrlShape ApplyMember(UrlShape shape, string member, UrlShape value)
        {
            switch (member)
            {
                case "RequestUri":
                    return value;
                case "Path":
                    var pathText = value.Pattern;
                    return UrlShape.Concat(Origin(shape), pathText.StartsWith("/", StringComparison.Ordinal) ? UrlShape.Empty : UrlShape.Text("/"), value);
                case "Query":
                    var queryText = value.Pattern;
                    return UrlShape.Concat(shape, queryText.StartsWith("?", StringComparison.Ordinal) ? UrlShape.Empty : UrlShape.Text("?"), value);
                case "Host":
                    return UrlShape.Concat(UrlShape.Text("https://"), value, UrlShape.Text(shape.Path));
                default:
                    return shape;
            }
        }

        /// <summary>Applies <c>builder.Path = …</c> style assignments made to a local after its creation.</summary>
        public UrlShape WithMemberAssignments(ILocalSymbol local, UrlShape shape)
        {
            foreach (var member in new[] { "Host", "Path", "Query", "RequestUri" })
            {
                if (body.Members.TryGetValue((local, member), out var values))
                {
                    shape = ApplyMember(shape, member, Evaluate(values[values.Count - 1]));
                }
            }

            return shape;
        }

        private static bool IsConcatenation(IBinaryOperation binary)
            => binary.Type?.SpecialType == SpecialType.System_String || binary.LeftOperand.Type?.SpecialType == SpecialType.System_String || binary.RightOperand.Type?.SpecialType == SpecialType.System_String;

        /// <summary>
        /// <c>a + b + c + …</c>, which parses left-deep, as one list of parts: evaluated by recursion its depth was its length,
        /// and a 200-part URL lost its shape (and its finding) at <see cref="MaxDepth"/>. Each part still costs a step.
        /// </summary>
        private UrlShape Concatenation(IBinaryOperation binary)
        {
            var parts = new List<IOperation>();
            IOperation left = binary;
            while (left is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, ConstantValue.HasValue: false } add && IsConcatenation(add))
            {
                parts.Add(add.RightOperand);
                left = add.LeftOperand;
                steps++;
            }

            parts.Add(left);
            parts.Reverse();
            return UrlShape.Concat(parts.Select(Evaluate).ToList());
        }

        private UrlShape Flurl(IInvocationOperation invocation, IOperation receiver)
        {
            var name = invocation.TargetMethod.Name;
            var argument = invocation.Arguments.FirstOrDefault(a => a.Value != receiver)?.Value;
            var target = Evaluate(receiver);
            switch (name)
            {
                case "AppendPathSegment" or "AppendPathSegments" when argument is not null:
                    return UrlShape.Concat(target, UrlShape.Text("/"), UrlShape.Concat(Flatten(invocation.Arguments.Where(a => a.Value != receiver)).Select(Evaluate)));
                case "SetQueryParam" when argument is not null:
                    var value = invocation.Arguments.Where(a => a.Value != receiver).Skip(1).FirstOrDefault()?.Value;
                    return UrlShape.Concat(target, UrlShape.Text(target.Pattern.IndexOf('?') >= 0 ? "&" : "?"), Evaluate(argument), UrlShape.Text("="), Evaluate(value));
                case "Combine" when invocation.TargetMethod.IsStatic:
                    return UrlShape.Concat(Flatten(invocation.Arguments).Select(Evaluate).SelectMany(s => new[] { s, UrlShape.Text("/") }).Take(Math.Max(1, Flatten(invocation.Arguments).Count() * 2 - 1)));
                default:
                    return target;
            }
        }

        private UrlShape Format(IEnumerable<IArgumentOperation> arguments)
        {
            var values = Flatten(arguments).ToList();
            if (values.Count > 0 && values[0].Type is { } first && first.Name == "IFormatProvider")
            {
                values.RemoveAt(0);
            }

            if (values.Count == 0 || values[0].ConstantValue.Value is not string format)
            {
                return UrlShape.Of(new Hole("Format", null, values.Any(v => Evaluate(v).IsVariant)));
            }

            var parts = new List<UrlShape>();
            var text = new System.Text.StringBuilder();
            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                if (c == '{' && i + 1 < format.Length && format[i + 1] == '{' || c == '}' && i + 1 < format.Length && format[i + 1] == '}')
                {
                    text.Append(c);
                    i++;
                    continue;
                }

                if (c == '{')
                {
                    var end = format.IndexOf('}', i);
                    if (end < 0)
                    {
                        break;
                    }

                    var spec = format.Substring(i + 1, end - i - 1);
                    var indexText = new string(spec.TakeWhile(char.IsDigit).ToArray());
                    parts.Add(UrlShape.Text(text.ToString()));
                    text.Clear();
                    parts.Add(int.TryParse(indexText, out var index) && index + 1 < values.Count
                        ? Evaluate(values[index + 1])
                        : UrlShape.Of(new Hole("arg", null, isVariant: false)));
                    i = end;
                    continue;
                }

                text.Append(c);
            }

            parts.Add(UrlShape.Text(text.ToString()));
            return UrlShape.Concat(parts);
        }

        /// <summary>Replaces the parameter holes of a callee's shape with the shapes of this call's arguments.</summary>
        public UrlShape Substitute(UrlShape template, IInvocationOperation call)
            => template.Map(hole =>
            {
                if (hole.IsState)
                {
                    return State(hole, call);
                }

                if (hole.ParameterOrdinal < 0)
                {
                    return UrlShape.Of(hole.WithVariance(false));
                }

                var argument = call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == hole.ParameterOrdinal);
                if (argument is null)
                {
                    return UrlShape.Of(new Hole(hole.Name, hole.Symbol, isVariant: false, hole.Kind));
                }

                var value = Evaluate(argument.Value);
                if (hole.Symbol is IParameterSymbol)
                {
                    return value;
                }

                // A member of an argument (person.ProfileUrl): keep the member's name, take the argument's variance.
                return UrlShape.Of(new Hole(hole.Name, hole.Symbol, value.IsVariant, hole.Kind, value.WholeHole?.ParameterOrdinal ?? -1, value.WholeHole?.Name));
            });

        /// <summary>
        /// A callee's state hole at a call: a collection the callee drains gives a new element on each call made on this
        /// same object; a member is what this body assigns it before the call, or what the instance was built with (the
        /// constructor argument that the type stores in it, an object initializer, an assignment to the local).
        /// </summary>
        private UrlShape State(Hole hole, IInvocationOperation call)
        {
            var instance = call.Instance;
            while (instance is IConversionOperation conversion)
            {
                instance = conversion.Operand;
            }

            if (hole.Symbol is not { } member)
            {
                return UrlShape.Of(hole.WithVariance(false));
            }

            if (instance is null or IInstanceReferenceOperation)
            {
                if (!IsOwnState(member, instance is null ? null : instance))
                {
                    return UrlShape.Of(hole.WithVariance(false));
                }

                if (hole.Kind != HoleKind.Value || model.State(member.ContainingType, System.Threading.CancellationToken.None)?.IsDrained(member) == true)
                {
                    return UrlShape.Of(hole.WithVariance(InScope(call)));
                }

                return AssignedBefore(member, call) ?? UrlShape.Of(hole.WithVariance(false));
            }

            if (instance is IObjectCreationOperation created && hole.Kind == HoleKind.Value)
            {
                return Built(created, member) ?? UrlShape.Of(new Hole(hole.Name, member, isVariant: false));
            }

            if (instance is ILocalReferenceOperation local && hole.Kind == HoleKind.Value)
            {
                UrlShape? result = null;
                foreach (var assignment in body.AssignmentsOf(local.Local))
                {
                    if (assignment.Kind == AssignmentKind.Value && ValueTracer.Strip(assignment.Value) is IObjectCreationOperation creation && Built(creation, member) is { } built)
                    {
                        result = result is null ? built : Best(result, built);
                    }
                }

                if (body.Members.TryGetValue((local.Local, member.Name), out var values))
                {
                    foreach (var value in values)
                    {
                        var assigned = Evaluate(value);
                        result = result is null ? assigned : Best(result, assigned);
                    }
                }

                if (result is not null)
                {
                    return result;
                }
            }

            return UrlShape.Of(new Hole(hole.Name, member, isVariant: false, hole.Kind));
        }

        /// <summary>What a member of a new object holds: its object-initializer value, or the constructor argument the type stores in it.</summary>
        private UrlShape? Built(IObjectCreationOperation creation, ISymbol member)
        {
            if (creation.Initializer is { } initializer)
            {
                foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
                {
                    if (assignment.Target is IMemberReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Member.OriginalDefinition, member))
                    {
                        return Evaluate(assignment.Value);
                    }
                }
            }

            if (creation.Constructor is not { } constructor || creation.Type is not INamedTypeSymbol type || model.State(member.ContainingType, System.Threading.CancellationToken.None) is not { } state)
            {
                return null;
            }

            UrlShape? result = null;
            foreach (var write in state.WritesOf(member))
            {
                // this.memberId = memberId in the constructor this creation calls: the argument it was given.
                if (write.InConstructor && SymbolEqualityComparer.Default.Equals(write.Writer!.OriginalDefinition, constructor.OriginalDefinition)
                    && ValueTracer.Strip(write.Value) is IParameterReferenceOperation parameter)
                {
                    var argument = creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Parameter.Ordinal);
                    if (argument is not null)
                    {
                        var value = Evaluate(argument.Value);
                        result = result is null ? value : Best(result, value);
                    }
                }
            }

            return result;
        }

        public static UrlShape Combine(UrlShape baseUri, UrlShape relative)
        {
            var text = relative.Pattern;
            if (text.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                return relative;
            }

            if (text.StartsWith("/", StringComparison.Ordinal))
            {
                return UrlShape.Concat(Origin(baseUri), relative);
            }

            return baseUri.Pattern.EndsWith("/", StringComparison.Ordinal) || text.Length == 0
                ? UrlShape.Concat(baseUri, relative)
                : UrlShape.Concat(baseUri, UrlShape.Text("/"), relative);
        }

        /// <summary>The scheme and host of a shape (everything before its path).</summary>
        private static UrlShape Origin(UrlShape shape)
        {
            var text = shape.Pattern;
            var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
            var pathStart = schemeEnd < 0 ? -1 : text.IndexOf('/', schemeEnd + 3);
            if (pathStart < 0)
            {
                return shape;
            }

            var parts = new List<object>();
            var position = 0;
            foreach (var part in shape.Parts)
            {
                var length = part is string s ? s.Length : 1;
                if (position + length <= pathStart)
                {
                    parts.Add(part);
                }
                else if (part is string partial && position < pathStart)
                {
                    parts.Add(partial.Substring(0, pathStart - position));
                }

                position += length;
            }

            return UrlShape.Concat(parts.Select(p => p is Hole h ? UrlShape.Of(h) : UrlShape.Text((string)p)));
        }

        private static IEnumerable<IOperation> Flatten(IEnumerable<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        yield return element;
                    }
                }
                else
                {
                    yield return argument.Value;
                }
            }
        }

        /// <summary>The attribute an element lookup reads: GetAttributeValue("href", …), GetAttribute("src"), GetAttributeAsync("href").</summary>
        private static string? AttributeName(IInvocationOperation invocation)
        {
            var name = invocation.TargetMethod.Name;
            if (!name.StartsWith("GetAttribute", StringComparison.Ordinal) && name is not ("GetDomAttribute" or "GetDomProperty" or "GetProperty"))
            {
                return null;
            }

            var first = invocation.Arguments.FirstOrDefault(a => a.Value.Type?.SpecialType == SpecialType.System_String && a.Value.ConstantValue.HasValue);
            return first?.Value.ConstantValue.Value as string;
        }

        private static HoleKind? AttributeKind(string attribute)
            => attribute.ToLowerInvariant() switch
            {
                "href" => HoleKind.Link,
                "src" or "data-src" or "srcset" or "data-original" or "data-lazy-src" => HoleKind.ImageSource,
                _ => null,
            };

        private bool IsDraining(IOperation? collection)
            => collection is IInvocationOperation call && (call.TargetMethod.Name is "ReadAllAsync" or "GetConsumingEnumerable");

        private static IAnonymousFunctionOperation? Lambda(IOperation operation)
        {
            while (operation is IConversionOperation or IDelegateCreationOperation)
            {
                operation = operation is IConversionOperation c ? c.Operand : ((IDelegateCreationOperation)operation).Target;
            }

            return operation as IAnonymousFunctionOperation;
        }

        private static IOperation? ReturnedValue(IAnonymousFunctionOperation lambda)
            => lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } value } ? value : null;

        private static IConditionalAccessOperation? FindConditionalAccess(IOperation instance)
        {
            for (var current = instance.Parent; current is not null; current = current.Parent)
            {
                if (current is IConditionalAccessOperation access)
                {
                    return access;
                }
            }

            return null;
        }

        /// <summary>A field or property of the project read through <c>this</c> (or a static one) in a method of its type.</summary>
        private bool IsOwnState(ISymbol member, IOperation? instance)
        {
            if (member is not (IFieldSymbol or IPropertySymbol) || member.DeclaringSyntaxReferences.IsEmpty || body.Method is not { } method)
            {
                return false;
            }

            if (member.IsStatic)
            {
                return instance is null;
            }

            return instance is IInstanceReferenceOperation && !method.IsStatic;
        }

        /// <summary>The values this body assigns to its own member before the read.</summary>
        private UrlShape? AssignedBefore(ISymbol member, IOperation reference)
        {
            UrlShape? result = null;
            foreach (var assignment in body.MemberAssignments)
            {
                if (assignment.Syntax.SpanStart < reference.Syntax.SpanStart && assignment.Syntax.SyntaxTree == reference.Syntax.SyntaxTree
                    && TypeState.ThisMember(assignment.Target) is { } target && SymbolEqualityComparer.Default.Equals(target, member.OriginalDefinition))
                {
                    var value = Evaluate(assignment.Value);
                    result = result is null ? value : Best(result, value);
                }
            }

            return result;
        }

        /// <summary>The collection a drain reads is the analysed method's own state (a field frontier drained by a step method).</summary>
        private bool IsOwnCollection(IOperation? collection)
        {
            while (collection is IConversionOperation conversion)
            {
                collection = conversion.Operand;
            }

            return collection switch
            {
                IFieldReferenceOperation field => IsOwnState(field.Field, field.Instance),
                IPropertyReferenceOperation { Arguments.Length: 0 } property => IsOwnState(property.Property, property.Instance),
                _ => false,
            };
        }

        /// <summary>The operation runs inside this evaluator's iteration scope.</summary>
        public bool Covers(IOperation site) => InScope(site);

        private bool InScope(IOperation site)
            => scope is not null && site.Syntax.SyntaxTree == scope.SyntaxTree && scope.Span.Contains(site.Syntax.Span);

        private bool IsDeclaredInScope(ILocalSymbol local)
        {
            var declaration = local.DeclaringSyntaxReferences.FirstOrDefault();
            return declaration is not null && scope is not null && declaration.SyntaxTree == scope.SyntaxTree && scope.Span.Contains(declaration.Span);
        }

        private static UrlShape MarkVariant(UrlShape shape) => shape.Map(h => UrlShape.Of(h.WithVariance(true)));

        private static UrlShape ForceVariant(UrlShape shape, ILocalSymbol local)
            => shape.Holes.Any() ? MarkVariant(shape) : UrlShape.Of(new Hole(local.Name, local, isVariant: true));

        /// <summary>Of two possible values, the one that says more: variant first, then the one with more constant text.</summary>
        private static UrlShape Best(UrlShape a, UrlShape b)
        {
            if (a.Parts.Length == 0)
            {
                return b;
            }

            if (b.Parts.Length == 0)
            {
                return a;
            }

            var literalA = a.Parts.OfType<string>().Sum(s => s.Length);
            var literalB = b.Parts.OfType<string>().Sum(s => s.Length);
            var chosen = literalB > literalA ? b : a;
            return (a.IsVariant || b.IsVariant) && !chosen.IsVariant ? MarkVariant(chosen) : chosen;
        }

        /// <summary>A short name for a value: the symbol it reads, or its source text.</summary>
        public static string NameOf(IOperation? operation)
        {
            while (operation is IConversionOperation or IAwaitOperation)
            {
                operation = operation is IConversionOperation c ? c.Operand : ((IAwaitOperation)operation).Operation;
            }

            return operation switch
            {
                null => "value",
                ILocalReferenceOperation local => local.Local.Name,
                IParameterReferenceOperation parameter => parameter.Parameter.Name,
                IFieldReferenceOperation field => field.Field.Name,
                IPropertyReferenceOperation property when property.Arguments.Length == 0 => property.Property.Name,
                IInvocationOperation invocation => invocation.TargetMethod.Name,
                _ => SourceStrings.Short(operation.Syntax),
            };
        }
    }
}
