using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>One entry of a header dictionary whose name is a constant: the value it is given and the body that gives it.</summary>
    internal readonly struct HeaderEntry
    {
        public HeaderEntry(string name, IOperation value, BodyFacts? facts)
        {
            Name = name;
            Value = value;
            Facts = facts;
        }

        public string Name { get; }

        public IOperation Value { get; }

        public BodyFacts? Facts { get; }
    }

    /// <summary>A header dictionary that reaches a request: copied onto it entry by entry, or handed to a library whole.</summary>
    internal readonly struct HeaderDictionary
    {
        public HeaderDictionary(IOperation collection, BodyFacts? facts, string target)
        {
            Collection = collection;
            Facts = facts;
            Target = target;
        }

        public IOperation Collection { get; }

        public BodyFacts? Facts { get; }

        /// <summary>For messages: <c>the request headers (copied from 'Headers')</c>.</summary>
        public string Target { get; }
    }

    /// <summary>
    /// Header dictionaries: <c>foreach (var (k, v) in headers) request.Headers.TryAddWithoutValidation(k, v)</c> (or
    /// <c>h.Key</c>, <c>h.Value</c>), Puppeteer's <c>SetExtraHttpHeadersAsync</c>, Playwright's <c>ExtraHTTPHeaders</c> and
    /// <c>SetExtraHTTPHeadersAsync</c>, RestSharp's <c>AddHeaders</c>/<c>AddDefaultHeaders</c>; and the entries written into
    /// them: initializers, <c>Add</c>/<c>TryAdd</c>, indexer writes, anywhere in the project for a field or property, at the
    /// project's calls for a parameter.
    /// </summary>
    internal static class HeaderEntries
    {
        private const int MaxDepth = 6;

        /// <summary>Names of the sites that hand a whole dictionary of headers to a library.</summary>
        public static readonly HashSet<string> DictionarySiteNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "SetExtraHttpHeadersAsync", "SetExtraHTTPHeadersAsync", "ExtraHTTPHeaders", "AddHeaders", "AddDefaultHeaders",
        };

        private static readonly string[] HeaderNamespaces = { "System.Net", "RestSharp", "Flurl", "PuppeteerSharp", "Microsoft.Playwright", "HtmlAgilityPack", "AngleSharp" };

        /// <summary>
        /// The header dictionary an invocation or assignment puts on a request, or null. The body's facts are asked for only once
        /// the site is a header-setting member of a library (making them walks the whole body).
        /// </summary>
        public static HeaderDictionary? Dictionary(IOperation operation, Func<BodyFacts?> facts)
        {
            switch (operation)
            {
                case IInvocationOperation invocation when InHeaderNamespace(invocation.TargetMethod) && !IsOwnCode(invocation):
                    if (DictionarySiteNames.Contains(invocation.TargetMethod.Name))
                    {
                        var first = invocation.TargetMethod.IsExtensionMethod ? 1 : 0;
                        return invocation.Arguments.Length > first ? new HeaderDictionary(invocation.Arguments[first].Value, facts(), LibraryTarget(invocation.TargetMethod)) : null;
                    }

                    if (UserAgents.HeaderArguments(invocation) is { } header && facts() is { } known && LoopCollection(header.Name, known) is { } copied)
                    {
                        return new HeaderDictionary(copied, known, $"the request headers (copied from '{ShapeEvaluator.NameOf(ValueTracer.Strip(copied))}')");
                    }

                    return null;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ExtraHTTPHeaders" } property } assignment
                    when EvasionModel.IsIn(property.Property, "Microsoft.Playwright"):
                    return new HeaderDictionary(assignment.Value, facts(), "the Playwright browser context");
                default:
                    return null;
            }
        }

        /// <summary>The entries of a dictionary whose name is <paramref name="name"/> (any case).</summary>
        public static List<HeaderEntry> Named(HeaderDictionary dictionary, string name, EvasionModel model, CancellationToken cancellationToken)
        {
            var result = new List<HeaderEntry>();
            new Walker(model, cancellationToken).Entries(dictionary.Collection, dictionary.Facts, result, 0);
            result.RemoveAll(e => !string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
            return result;
        }

        /// <summary>Every entry of a dictionary, a list of key/value pairs or an anonymous object (a form's fields).</summary>
        public static List<HeaderEntry> All(IOperation collection, BodyFacts? facts, EvasionModel model, CancellationToken cancellationToken)
        {
            var result = new List<HeaderEntry>();
            new Walker(model, cancellationToken).Entries(collection, facts, result, 0);
            return result;
        }

        /// <summary>The collection a <c>foreach</c> takes the header name from: the loop's own variable, a deconstructed one, or <c>h.Key</c>.</summary>
        private static IOperation? LoopCollection(IOperation name, BodyFacts facts)
        {
            var local = ValueTracer.Strip(name) switch
            {
                ILocalReferenceOperation reference => reference.Local,
                IPropertyReferenceOperation { Property.Name: "Key", Instance: ILocalReferenceOperation owner } => owner.Local,
                _ => null,
            };
            if (local is null)
            {
                return null;
            }

            foreach (var assignment in facts.AssignmentsOf(local))
            {
                if (assignment.Kind == AssignmentKind.ForEach && assignment.Value is { } collection)
                {
                    return collection;
                }
            }

            return null;
        }

        /// <summary>
        /// The library's own code, compiled in the project (its repository): a header method of it called from its own type or a
        /// type deriving from it (or nested in one) is its implementation, not a use (AngleSharp's requester copying a request's headers).
        /// </summary>
        private static bool IsOwnCode(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.DeclaringSyntaxReferences.IsEmpty || invocation.SemanticModel is not { } semanticModel
                || invocation.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>() is not { } declaration
                || semanticModel.GetDeclaredSymbol(declaration) is not INamedTypeSymbol caller)
            {
                return false;
            }

            // The caller, a type it is nested in, or one of their bases.
            for (var outer = caller; outer is not null; outer = outer.ContainingType)
            {
                if (KnownSymbols.IsOrInherits(outer, method.ContainingType.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool InHeaderNamespace(ISymbol symbol)
        {
            foreach (var prefix in HeaderNamespaces)
            {
                if (EvasionModel.IsIn(symbol, prefix))
                {
                    return true;
                }
            }

            return false;
        }

        private static string LibraryTarget(IMethodSymbol method)
            => EvasionModel.IsIn(method, "PuppeteerSharp") ? "the Puppeteer page"
                : EvasionModel.IsIn(method, "Microsoft.Playwright") ? "the Playwright browser context"
                : EvasionModel.IsIn(method, "RestSharp") ? "the RestSharp request"
                : "the request headers";

        private sealed class Walker
        {
            private readonly EvasionModel model;
            private readonly CancellationToken cancellationToken;
            private readonly HashSet<ISymbol> visiting = new(SymbolEqualityComparer.Default);

            public Walker(EvasionModel model, CancellationToken cancellationToken)
            {
                this.model = model;
                this.cancellationToken = cancellationToken;
            }

            public void Entries(IOperation? collection, BodyFacts? facts, List<HeaderEntry> result, int depth)
            {
                collection = ValueTracer.Strip(collection);
                if (collection is null || depth > MaxDepth)
                {
                    return;
                }

                switch (collection)
                {
                    case IAnonymousObjectCreationOperation anonymous:
                        // Flurl: new { username = user, password = pass }.
                        foreach (var property in anonymous.Initializers.OfType<ISimpleAssignmentOperation>())
                        {
                            if (property.Target is IPropertyReferenceOperation { Property.Name: var field })
                            {
                                result.Add(new HeaderEntry(field, property.Value, facts));
                            }
                        }

                        break;
                    case IArrayCreationOperation { Initializer: { } elements }:
                        foreach (var element in elements.ElementValues)
                        {
                            Pair(element, facts, result);
                        }

                        break;
                    case IObjectCreationOperation creation:
                        if (creation.Initializer is { } initializer)
                        {
                            foreach (var entry in initializer.Initializers)
                            {
                                Written(entry, facts, result);
                            }
                        }

                        // new Dictionary<string, string>(defaults): the copied dictionary's entries.
                        if (creation.Arguments.Length > 0 && creation.Arguments[0].Value.Type is INamedTypeSymbol { IsGenericType: true })
                        {
                            Entries(creation.Arguments[0].Value, facts, result, depth + 1);
                        }

                        break;
                    case ILocalReferenceOperation local when facts is not null && visiting.Add(local.Local):
                        foreach (var assignment in facts.AssignmentsOf(local.Local))
                        {
                            if (assignment.Kind == AssignmentKind.Value)
                            {
                                Entries(assignment.Value, facts, result, depth + 1);
                            }
                        }

                        if (facts.CollectionAdds.TryGetValue(local.Local, out var adds))
                        {
                            foreach (var add in adds)
                            {
                                Written(add, facts, result);
                            }
                        }

                        foreach (var write in facts.MemberAssignments)
                        {
                            if (write.Target is IPropertyReferenceOperation { Arguments.Length: 1, Instance: ILocalReferenceOperation owner }
                                && SymbolEqualityComparer.Default.Equals(owner.Local, local.Local))
                            {
                                Written(write, facts, result);
                            }
                        }

                        break;
                    case IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.Length: 0 }:
                        var member = ((IMemberReferenceOperation)collection).Member;
                        if (member.DeclaringSyntaxReferences.IsEmpty || !visiting.Add(member))
                        {
                            break;
                        }

                        foreach (var reference in member.DeclaringSyntaxReferences)
                        {
                            var expression = reference.GetSyntax(cancellationToken) switch
                            {
                                Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                                Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax property => property.Initializer?.Value,
                                _ => null,
                            };
#pragma warning disable RS1030 // The driver's semantic models are cached per tree: this one is shared, not rebuilt.
                            if (expression is not null && model.Compilation.ContainsSyntaxTree(expression.SyntaxTree)
                                && model.Compilation.GetSemanticModel(expression.SyntaxTree).GetOperation(expression, cancellationToken) is { } initial)
#pragma warning restore RS1030
                            {
                                Entries(initial, model.FactsOf(initial, cancellationToken), result, depth + 1);
                            }
                        }

                        foreach (var (use, useFacts) in model.UsesOf(member, cancellationToken))
                        {
                            switch (use)
                            {
                                case IInvocationOperation:
                                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } }:
                                    Written(use, useFacts, result);
                                    break;
                                case ISimpleAssignmentOperation assignment:
                                    Entries(assignment.Value, useFacts, result, depth + 1);
                                    break;
                                case IMemberInitializerOperation { Initializer: { } nested }:
                                    foreach (var entry in nested.Initializers)
                                    {
                                        Written(entry, useFacts, result);
                                    }

                                    break;
                            }
                        }

                        break;
                    case IParameterReferenceOperation parameter when parameter.Parameter.ContainingSymbol is IMethodSymbol method && visiting.Add(parameter.Parameter):
                        foreach (var (call, callFacts) in model.CallsOf(method, cancellationToken))
                        {
                            var arguments = call switch
                            {
                                IInvocationOperation invocation => invocation.Arguments,
                                IObjectCreationOperation creation => creation.Arguments,
                                _ => default,
                            };
                            var argument = arguments.IsDefault ? null : arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Parameter.Ordinal);
                            if (argument is { ArgumentKind: not ArgumentKind.DefaultValue })
                            {
                                Entries(argument.Value, callFacts, result, depth + 1);
                            }
                        }

                        break;
                }
            }

            /// <summary><c>new KeyValuePair&lt;string, string&gt;("username", user)</c>.</summary>
            private static void Pair(IOperation element, BodyFacts? facts, List<HeaderEntry> result)
            {
                if (ValueTracer.Strip(element) is IObjectCreationOperation { Type.Name: "KeyValuePair", Arguments.Length: 2 } pair
                    && ValueTracer.Strip(pair.Arguments[0].Value)?.ConstantValue is { HasValue: true, Value: string name })
                {
                    result.Add(new HeaderEntry(name, pair.Arguments[1].Value, facts));
                }
            }

            /// <summary>An entry written by <c>Add(name, value)</c>, <c>TryAdd</c>, <c>{ name, value }</c> or <c>[name] = value</c>.</summary>
            private static void Written(IOperation operation, BodyFacts? facts, List<HeaderEntry> result)
            {
                switch (operation)
                {
                    case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } addPair:
                        Pair(addPair.Arguments[0].Value, facts, result);
                        break;
                    case IInvocationOperation { TargetMethod.Name: "Add" or "TryAdd" or "Set" or "Append", Arguments.Length: 2 } add
                        when ValueTracer.Strip(add.Arguments[0].Value)?.ConstantValue is { HasValue: true, Value: string name }:
                        result.Add(new HeaderEntry(name, add.Arguments[1].Value, facts));
                        break;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } write
                        when ValueTracer.Strip(indexer.Arguments[0].Value)?.ConstantValue is { HasValue: true, Value: string name }:
                        result.Add(new HeaderEntry(name, write.Value, facts));
                        break;
                }
            }
        }
    }
}
