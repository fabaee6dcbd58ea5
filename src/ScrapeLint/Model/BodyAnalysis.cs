using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>What one request inside a project method tells its callers: the URL it fetches in terms of the method's parameters.</summary>
    internal sealed class WrapperUse
    {
        public WrapperUse(UrlShape template, SinkKind kind, ResponseUse response)
        {
            Template = template;
            Kind = kind;
            Response = response;
        }

        public UrlShape Template { get; }

        public SinkKind Kind { get; }

        public ResponseUse Response { get; }

        /// <summary>The URL's host comes from a parameter: SL4001 is reported at the call, not inside.</summary>
        public bool HostFromParameter => Template.HostSuffix is null;
    }

    internal sealed class MethodSummary
    {
        public MethodSummary(ImmutableArray<WrapperUse> uses, UrlShape? returned, ImmutableArray<ResponseUse> parameterUses)
        {
            Uses = uses;
            Returned = returned;
            ParameterUses = parameterUses;
        }

        /// <summary>What the method does with each parameter's value (parses it as HTML, saves it as an image).</summary>
        public ImmutableArray<ResponseUse> ParameterUses { get; }

        /// <summary>The requests whose URL depends on a parameter: non-empty for a request wrapper.</summary>
        public ImmutableArray<WrapperUse> Uses { get; }

        /// <summary>The URL the method returns, when it builds one.</summary>
        public UrlShape? Returned { get; }
    }

    /// <summary>A request found in a body before it is classified: a sink, a wrapper call or a navigating assignment.</summary>
    internal sealed class FoundRequest
    {
        public FoundRequest(IOperation operation, SinkKind kind, IOperation? url, WrapperUse? wrapper, IOperation? file)
        {
            Operation = operation;
            Kind = kind;
            Url = url;
            Wrapper = wrapper;
            File = file;
        }

        public IOperation Operation { get; }

        public SinkKind Kind { get; }

        public IOperation? Url { get; }

        public WrapperUse? Wrapper { get; }

        public IOperation? File { get; }

        public SyntaxNode Syntax => Operation.Syntax;
    }

    /// <summary>The analysis of one method body: its requests, the summary it gives callers, and what it guards.</summary>
    internal sealed class BodyAnalysis
    {
        private readonly CrawlModel model;
        private readonly object gate = new object();
        private MethodSummary? summary;
        private SafeguardKind? direct;
        private Dictionary<SyntaxNode, Request>? requests;

        public BodyAnalysis(CrawlModel model, SyntaxNode owner, BodyFacts facts)
        {
            this.model = model;
            Owner = owner;
            Facts = facts;
        }

        public SyntaxNode Owner { get; }

        public BodyFacts Facts { get; }

        private ScrapeLintOptions TreeOptions
            => model.Options is { } options ? ScrapeLintOptions.For(options, Owner.SyntaxTree) : ScrapeLintOptions.Default;

        public MethodSummary Summary(CancellationToken cancellationToken)
        {
            if (summary is not null)
            {
                return summary;
            }

            var uses = ImmutableArray.CreateBuilder<WrapperUse>();
            var evaluator = new ShapeEvaluator(Facts, model, scope: null);
            foreach (var found in Find(TreeOptions, cancellationToken))
            {
                var shape = Shape(found, evaluator);
                if (shape.Holes.Any(h => h.ParameterOrdinal >= 0) && !shape.IsRobotsTxt)
                {
                    var response = (found.Wrapper?.Response ?? ResponseUse.None) | Flow(found.Operation, evaluator);
                    uses.Add(new WrapperUse(shape, found.Wrapper?.Kind ?? found.Kind, response));
                }
            }

            UrlShape? returned = null;
            if (Facts.Method is { } method)
            {
                foreach (var value in Facts.Root.Descendants().OfType<IReturnOperation>().Select(r => r.ReturnedValue).Where(v => v is not null))
                {
                    if (Enclosing<IAnonymousFunctionOperation>(value!) is not null)
                    {
                        continue;
                    }

                    var shape = evaluator.Evaluate(value);
                    if (shape.Parts.OfType<string>().Any() || shape.Holes.Any(h => h.ParameterOrdinal >= 0))
                    {
                        returned ??= shape;
                    }
                }
            }

            // What the method does with each argument: a response handed to a parsing helper is parsed.
            var parameters = Facts.Method?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
            var parameterUses = parameters.Select(p => Facts.ParameterReferences.TryGetValue(p, out var reads)
                ? reads.Aggregate(ResponseUse.None, (use, read) => use | Flow(read, evaluator) & ~ResponseUse.Returned)
                : ResponseUse.None).ToImmutableArray();

            summary = new MethodSummary(uses.ToImmutable(), returned, parameterUses);
            return summary;
        }

        /// <summary>Safeguards of this body and of every project method it calls, transitively.</summary>
        public SafeguardKind TransitiveSafeguards(CancellationToken cancellationToken)
        {
            var result = DirectSafeguards();
            foreach (var invocation in Facts.Invocations)
            {
                if (!invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty)
                {
                    result |= model.TransitiveSafeguards(invocation.TargetMethod, cancellationToken);
                }
            }

            return result;
        }

        private SafeguardKind DirectSafeguards()
        {
            if (direct is { } known)
            {
                return known;
            }

            var options = TreeOptions;
            var result = Facts.MentionsRobotsTxt ? SafeguardKind.RobotsCheck : SafeguardKind.None;
            foreach (var invocation in Facts.Invocations)
            {
                result |= model.Safeguards.Of(invocation, options);
            }

            foreach (var assignment in Facts.MemberAssignments)
            {
                result |= model.Safeguards.Of(assignment);
            }

            direct = result;
            return result;
        }

        /// <summary>The requests of this body, classified with the options of its tree, by syntax node.</summary>
        public Dictionary<SyntaxNode, Request> Requests(ScrapeLintOptions options, CancellationToken cancellationToken)
        {
            if (requests is not null)
            {
                return requests;
            }

            var result = new Dictionary<SyntaxNode, Request>();
            var classifier = new RequestClassifier(model, this, options, cancellationToken);
            foreach (var found in Find(options, cancellationToken))
            {
                if (classifier.Classify(found) is { } request)
                {
                    result[found.Syntax] = request;
                }
            }

            // SL2003 reports each fan-out once: at its first crawl request in source order.
            foreach (var group in result.Values.Where(r => r.IsCrawl && r.FanOut is not null).GroupBy(r => r.FanOut!.Node))
            {
                group.OrderBy(r => r.Location.SourceSpan.Start).First().IsFirstInFanOut = true;
            }

            lock (gate)
            {
                requests ??= result;
            }

            return requests;
        }

        /// <summary>Sinks, calls of request wrappers and Selenium <c>Url</c> assignments in this body.</summary>
        public IEnumerable<FoundRequest> Find(ScrapeLintOptions options, CancellationToken cancellationToken)
        {
            var index = model.Index(cancellationToken);
            foreach (var invocation in Facts.Invocations)
            {
                var method = invocation.TargetMethod;
                var name = method.Name;
                var isSinkName = model.Catalog.IsSinkName(name);
                var isConfigured = options.RequestMethodNames.Contains(name);
                if (!isSinkName && !isConfigured && !index.IsWrapperCall(method))
                {
                    continue;
                }

                var sink = (isSinkName ? model.Catalog.Match(method) : null) ?? (isConfigured ? model.Catalog.MatchConfigured(method, options) : null);
                if (sink is not null)
                {
                    yield return new FoundRequest(invocation, sink.Kind, Argument(invocation, sink.UrlParameter), null, Argument(invocation, sink.FileParameter));
                    continue;
                }

                if (!method.DeclaringSyntaxReferences.IsEmpty && index.IsWrapperCall(method) && model.Summary(method, cancellationToken) is { Uses.Length: > 0 } callee)
                {
                    var use = callee.Uses.OrderByDescending(u => Strength(u.Kind)).First();
                    yield return new FoundRequest(invocation, use.Kind, null, use, null);
                }
            }

            if (model.Catalog.HasNavigatingProperty)
            {
                foreach (var assignment in Facts.MemberAssignments)
                {
                    if (assignment.Target is IPropertyReferenceOperation property && model.Catalog.IsNavigatingProperty(property.Property))
                    {
                        yield return new FoundRequest(assignment, SinkKind.Browser, assignment.Value, null, null);
                    }
                }
            }
        }

        /// <summary>The URL shape of a found request, evaluated for one iteration scope.</summary>
        public UrlShape Shape(FoundRequest found, ShapeEvaluator evaluator)
        {
            if (found.Wrapper is { } wrapper && found.Operation is IInvocationOperation call)
            {
                return evaluator.Substitute(wrapper.Template, call);
            }

            var shape = evaluator.Evaluate(found.Url);
            if (found.Url is ILocalReferenceOperation local)
            {
                shape = evaluator.WithMemberAssignments(local.Local, shape);
            }

            // A path relative to the client's BaseAddress.
            if (shape.IsRelative && found.Operation is IInvocationOperation { Instance: { } client } && KnownSymbols.IsOrInherits(client.Type, model.Known.HttpClient)
                && model.Clients.BaseAddress(client, this) is { } baseAddress)
            {
                shape = ShapeEvaluator.Combine(baseAddress, shape);
            }

            return shape;
        }

        /// <summary>Where the response of a request goes: parsed as HTML, scanned for links, saved or decoded as an image, returned.</summary>
        public ResponseUse Flow(IOperation request, ShapeEvaluator evaluator)
        {
            var result = ResponseUse.None;
            var pending = new Stack<IOperation>();
            var seen = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            pending.Push(request);
            var steps = 0;
            while (pending.Count > 0 && steps++ < 64)
            {
                var current = pending.Pop();
                var parent = current.Parent;

                // Climb member chains on the response: response.Content.ReadAsStringAsync(), .Result, await, conversions.
                while (parent is not null)
                {
                    if (parent is IInvocationOperation chained && chained.Instance == current)
                    {
                        result |= Consumer(chained, evaluator);
                    }
                    else if (!(parent is IAwaitOperation or IConversionOperation or IConditionalAccessOperation
                        || (parent is ICoalesceOperation coalesce && coalesce.Value == current)
                        || (parent is IPropertyReferenceOperation property && property.Instance == current)
                        || (parent is IArrayElementReferenceOperation element && element.ArrayReference == current)))
                    {
                        break;
                    }

                    current = parent;
                    parent = current.Parent;
                }

                switch (parent)
                {
                    case IArgumentOperation argument when argument.Parent is IInvocationOperation consumer:
                        result |= Consumer(consumer, evaluator);
                        if (argument.Parameter is { } parameter && !consumer.TargetMethod.DeclaringSyntaxReferences.IsEmpty
                            && model.Summary(consumer.TargetMethod, CancellationToken.None) is { } helper && parameter.Ordinal < helper.ParameterUses.Length)
                        {
                            result |= helper.ParameterUses[parameter.Ordinal];
                        }

                        if (consumer.TargetMethod.Name is "WhenAll" or "WhenAny" or "ToList" or "ToArray" or "Select" or "AddRange")
                        {
                            pending.Push(consumer);
                        }

                        break;
                    case IReturnOperation when Enclosing<IAnonymousFunctionOperation>(current) is { } lambda:
                        // A projection's result: follow what the Select call's result becomes (Task.WhenAll, a list).
                        if (Enclosing<IInvocationOperation>(lambda) is { } projection)
                        {
                            pending.Push(projection);
                        }

                        break;
                    case IForEachLoopOperation loop when loop.Collection == current:
                        foreach (var local in loop.Locals)
                        {
                            Follow(local);
                        }

                        break;
                    case IArgumentOperation argument when argument.Parent is IObjectCreationOperation creation:
                        if (ImageTypeNames.Contains(creation.Type?.Name ?? ""))
                        {
                            result |= ResponseUse.DecodedAsImage;
                        }

                        break;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        Follow(declarator.Symbol);
                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target }:
                        Follow(target.Local);
                        break;
                    case IReturnOperation:
                        result |= ResponseUse.Returned;
                        break;
                }
            }

            return result;

            void Follow(ILocalSymbol local)
            {
                if (seen.Add(local) && Facts.References.TryGetValue(local, out var reads))
                {
                    foreach (var read in reads)
                    {
                        pending.Push(read);
                    }
                }
            }
        }

        private static T? Enclosing<T>(IOperation operation)
            where T : class, IOperation
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is T found)
                {
                    return found;
                }
            }

            return null;
        }

        private static readonly HashSet<string> ImageTypeNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "Image", "Bitmap", "SKBitmap", "SKImage", "SKCodec", "Cv2", "Mat", "BitmapFactory", "MagickImage", "BitmapImage", "BitmapDecoder", "ImageSource", "FaceRecognition",
        };

        private static readonly HashSet<string> DecodeMethods = new HashSet<string>(StringComparer.Ordinal)
        {
            "Load", "LoadAsync", "Decode", "FromStream", "ImDecode", "FromImageData", "FromStreamAsync", "Identify", "IdentifyAsync", "LoadImage", "DecodeAsync",
        };

        private ResponseUse Consumer(IInvocationOperation consumer, ShapeEvaluator evaluator)
        {
            var method = consumer.TargetMethod;
            var type = method.ContainingType;
            var typeName = type?.Name ?? "";
            var name = method.Name;
            if (name is "LoadHtml" or "ParseDocument" or "ParseDocumentAsync" or "ParseFragment"
                || (name is "Load" or "Parse" && (KnownSymbols.Is(type, model.Known.HtmlDocument) || typeName.IndexOf("Html", StringComparison.Ordinal) >= 0)))
            {
                return ResponseUse.ParsedAsHtml;
            }

            if (KnownSymbols.Is(type, model.Known.Regex) && name is "Match" or "Matches" or "IsMatch" or "Replace"
                && (consumer.Arguments.Any(a => a.Value.ConstantValue.Value is string pattern && LooksForLinks(pattern)) || RegexLooksForLinks(consumer.Instance)))
            {
                return ResponseUse.ParsedAsHtml;
            }

            if (name is "Deserialize" or "DeserializeAsync" or "DeserializeObject" or "Parse" or "ParseAsync" or "ReadFromJsonAsync" or "ReadAsAsync"
                && (typeName.IndexOf("Json", StringComparison.Ordinal) >= 0 || typeName is "JToken" or "JObject" or "JArray" or "HttpContentJsonExtensions" or "HttpContentExtensions"))
            {
                return ResponseUse.ParsedAsJson;
            }

            if (ImageTypeNames.Contains(typeName) && DecodeMethods.Contains(name))
            {
                return ResponseUse.DecodedAsImage;
            }

            if (KnownSymbols.Is(type, model.Known.File) && name.StartsWith("WriteAll", StringComparison.Ordinal) && consumer.Arguments.Length > 0
                && IsImagePath(evaluator.Evaluate(consumer.Arguments[0].Value)))
            {
                return ResponseUse.WrittenToImageFile;
            }

            if (name is "CopyTo" or "CopyToAsync" && consumer.Arguments.Length > 0 && FilePath(consumer.Arguments[0].Value) is { } path && IsImagePath(evaluator.Evaluate(path)))
            {
                return ResponseUse.WrittenToImageFile;
            }

            return ResponseUse.None;
        }

        /// <summary>A Regex instance built from a pattern that looks for links: a field, a local, or a [GeneratedRegex] method.</summary>
        private bool RegexLooksForLinks(IOperation? regex)
        {
            ISymbol? symbol = regex switch
            {
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation property => property.Property,
                IInvocationOperation call => call.TargetMethod,
                ILocalReferenceOperation local => local.Local,
                _ => null,
            };
            if (symbol is IMethodSymbol generated)
            {
                return generated.GetAttributes().Any(a => a.ConstructorArguments.Any(c => c.Value is string pattern && LooksForLinks(pattern)));
            }

            return symbol is not null && symbol.DeclaringSyntaxReferences.Any(r => r.GetSyntax().DescendantTokens()
                .Any(t => t.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken) && LooksForLinks(t.ValueText)));
        }

        private static bool LooksForLinks(string pattern)
            => pattern.IndexOf("href", StringComparison.OrdinalIgnoreCase) >= 0 || pattern.IndexOf("<a", StringComparison.OrdinalIgnoreCase) >= 0
                || pattern.IndexOf("src", StringComparison.OrdinalIgnoreCase) >= 0 || pattern.IndexOf("https?", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>The path a file stream was opened with: <c>File.Create(path)</c>, <c>new FileStream(path, …)</c>.</summary>
        private IOperation? FilePath(IOperation stream)
        {
            while (stream is IConversionOperation conversion)
            {
                stream = conversion.Operand;
            }

            if (stream is ILocalReferenceOperation local)
            {
                stream = Facts.AssignmentsOf(local.Local).Select(a => a.Value).FirstOrDefault(v => v is not null) ?? stream;
            }

            while (stream is IConversionOperation or IAwaitOperation)
            {
                stream = stream is IConversionOperation c ? c.Operand : ((IAwaitOperation)stream).Operation;
            }

            return stream switch
            {
                IInvocationOperation { Arguments.Length: > 0 } open when KnownSymbols.Is(open.TargetMethod.ContainingType, model.Known.File) => open.Arguments[0].Value,
                IObjectCreationOperation { Arguments.Length: > 0 } created when KnownSymbols.Is(created.Type, model.Known.FileStream) => created.Arguments[0].Value,
                _ => null,
            };
        }

        public static bool IsImagePath(UrlShape path)
        {
            var text = path.Pattern;
            return UrlShape.EndsWithImageExtension(text);
        }

        private static IOperation? Argument(IInvocationOperation invocation, IParameterSymbol? parameter)
            => parameter is null ? null : invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal)?.Value;

        private static int Strength(SinkKind kind)
            => kind switch
            {
                SinkKind.Browser or SinkKind.HtmlLoader or SinkKind.Crawler => 3,
                SinkKind.Http => 2,
                _ => 1,
            };
    }

    [Flags]
    internal enum ResponseUse
    {
        None = 0,
        ParsedAsHtml = 1,
        WrittenToImageFile = 2,
        DecodedAsImage = 4,
        Returned = 8,

        /// <summary>Deserialized as JSON: an API response, not a page.</summary>
        ParsedAsJson = 16,
    }
}
