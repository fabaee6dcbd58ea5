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
        public WrapperUse(UrlShape template, SinkKind kind, ResponseUse response, bool sendsContent = false)
        {
            Template = template;
            Kind = kind;
            Response = response;
            SendsContent = sendsContent;
        }

        /// <summary>The wrapped request sends a body (a POST, PUT or PATCH, an upload): it fetches no page or image.</summary>
        public bool SendsContent { get; }

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

        /// <summary>A click in browser automation that loads the next page (no URL: the page the link leads to).</summary>
        public bool IsClick { get; set; }

        /// <summary>A request wrapper passed as a method group (<c>urls.Select(scraper.TitleAsync)</c>): called once per element.</summary>
        public bool IsMethodGroup { get; set; }

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
                if ((shape.Holes.Any(h => h.ParameterOrdinal >= 0) || (shape.Holes.Any(h => h.IsState) && !InLoop(found))) && !shape.IsRobotsTxt)
                {
                    var response = (found.Wrapper?.Response ?? ResponseUse.None) | Flow(found.Operation, evaluator);
                    if (found.File is not null && IsImagePath(evaluator.Evaluate(found.File)))
                    {
                        // DownloadFile(url, $"img{n}.png") inside the helper: its callers download images.
                        response |= ResponseUse.WrittenToImageFile;
                    }

                    uses.Add(new WrapperUse(shape, found.Wrapper?.Kind ?? found.Kind, response, SendsContent(found)));
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

        private static readonly HashSet<string> SendingMethods = new HashSet<string>(StringComparer.Ordinal)
        {
            "PostAsync", "PutAsync", "PatchAsync", "Post", "Put", "Patch", "PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync",
            "UploadData", "UploadDataAsync", "UploadDataTaskAsync", "UploadFile", "UploadFileAsync", "UploadFileTaskAsync",
            "UploadString", "UploadStringAsync", "UploadStringTaskAsync", "UploadValues", "UploadValuesAsync", "UploadValuesTaskAsync",
        };

        /// <summary>
        /// The request sends a body: a POST, PUT or PATCH call, a WebClient upload, an <c>HttpRequestMessage</c> built with one of
        /// those methods, or a wrapper whose request does. An upload to a <c>/photos</c> endpoint downloads no image.
        /// </summary>
        public bool SendsContent(FoundRequest found)
        {
            if (found.Operation is not IInvocationOperation call)
            {
                return false;
            }

            if (found.Wrapper is { } wrapper)
            {
                // The wrapper sends a body itself, or is handed a message that carries one (SendAsync(request) helpers).
                return wrapper.SendsContent || call.Arguments.Any(a => KnownSymbols.Is(a.Value.Type, model.Known.HttpRequestMessage) && CarriesContent(a.Value));
            }

            return SendingMethods.Contains(call.TargetMethod.Name) || (found.Url is { } message && KnownSymbols.Is(message.Type, model.Known.HttpRequestMessage) && CarriesContent(message));
        }

        /// <summary>
        /// An <c>HttpRequestMessage</c> with a body: built with <c>HttpMethod.Post</c>/<c>Put</c>/<c>Patch</c> (by its constructor, an
        /// initializer or a project helper given the method), or given <c>Content</c>.
        /// </summary>
        private bool CarriesContent(IOperation message)
        {
            while (message is IConversionOperation conversion)
            {
                message = conversion.Operand;
            }

            var values = new List<IOperation> { message };
            if (message is ILocalReferenceOperation local)
            {
                if (Facts.Members.ContainsKey((local.Local, "Content")) || Facts.Members.TryGetValue((local.Local, "Method"), out var methods) && methods.Any(IsSendingMethod))
                {
                    return true;
                }

                values.AddRange(Facts.AssignmentsOf(local.Local).Select(a => a.Value).Where(v => v is not null)!);
            }

            foreach (var value in values)
            {
                var (arguments, initializer) = value switch
                {
                    IObjectCreationOperation creation => (creation.Arguments, creation.Initializer),
                    IInvocationOperation helper => (helper.Arguments, null),
                    _ => (ImmutableArray<IArgumentOperation>.Empty, null),
                };
                if (arguments.Any(a => IsSendingMethod(a.Value))
                    || initializer?.Initializers.OfType<ISimpleAssignmentOperation>().Any(i => i.Target is IPropertyReferenceOperation { Property.Name: "Content" } || (i.Target is IPropertyReferenceOperation { Property.Name: "Method" } && IsSendingMethod(i.Value))) == true)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSendingMethod(IOperation value)
            => value is IPropertyReferenceOperation { Property.Name: "Post" or "Put" or "Patch", Property.ContainingType.Name: "HttpMethod" };

        /// <summary>
        /// The request runs in a loop of its own method: a request procedure that drains its state in its own loop is
        /// reported there, not again at every call.
        /// </summary>
        private bool InLoop(FoundRequest found)
        {
            for (var node = found.Syntax.Parent; node is not null && node != Owner; node = node.Parent)
            {
                if (node is ForEachStatementSyntax or ForEachVariableStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax)
                {
                    return true;
                }
            }

            return false;
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
                if (name is "Click" or "ClickAsync" && ClickLoadsPage(invocation))
                {
                    yield return new FoundRequest(invocation, SinkKind.Browser, null, null, null) { IsClick = true };
                    continue;
                }

                if (!isSinkName && !isConfigured && !index.IsWrapperCall(method))
                {
                    continue;
                }

                var catalogued = isSinkName ? model.Catalog.Match(method) : null;
                if (catalogued is not null && IsTheSinksOwnCode(method))
                {
                    // The library that defines the sink, compiled here (Abot's CrawlAsync forwarding to its overload): its users' calls are the requests.
                    catalogued = null;
                }

                var sink = catalogued ?? (isConfigured ? model.Catalog.MatchConfigured(method, options) : null);
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

            foreach (var methodGroup in Facts.MethodGroupArguments)
            {
                var target = methodGroup.Method;
                if (!target.DeclaringSyntaxReferences.IsEmpty && index.IsWrapperCall(target)
                    && model.Summary(target, cancellationToken) is { Uses.Length: > 0 } callee)
                {
                    var use = callee.Uses.OrderByDescending(u => Strength(u.Kind)).First();
                    yield return new FoundRequest(methodGroup, use.Kind, null, use, null) { IsMethodGroup = true };
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

        private static readonly HashSet<string> PageReads = new HashSet<string>(StringComparer.Ordinal)
        {
            "FindElement", "FindElements", "ContentAsync", "GetContentAsync", "InnerTextAsync", "InnerHTMLAsync", "TextContentAsync", "AllInnerTextsAsync",
            "AllTextContentsAsync", "QuerySelectorAsync", "QuerySelectorAllAsync", "EvaluateAsync", "EvaluateExpressionAsync", "GetAttributeAsync", "Locator",
        };

        private List<SyntaxNode>? navigations;

        /// <summary>
        /// A click of Selenium, Playwright or Puppeteer, in a loop of a body that navigated the browser, whose loop reads the
        /// page's content: each click opens the next page (paging through "next" or "more" links).
        /// </summary>
        private bool ClickLoadsPage(IInvocationOperation click)
        {
            var known = model.Known;
            var ns = click.TargetMethod.ContainingNamespace;
            if (ns is null || !(SymbolEqualityComparer.Default.Equals(ns, known.SeleniumDriver?.ContainingNamespace)
                || SymbolEqualityComparer.Default.Equals(ns, known.PlaywrightPage?.ContainingNamespace)
                || SymbolEqualityComparer.Default.Equals(ns, known.PuppeteerPage?.ContainingNamespace)))
            {
                return false;
            }

            SyntaxNode? loop = null;
            for (var node = click.Syntax.Parent; node is not null && node != Owner && loop is null; node = node.Parent)
            {
                if (node is ForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax)
                {
                    loop = node;
                }
            }

            if (loop is null)
            {
                return false;
            }

            navigations ??= Facts.Invocations.Where(i => model.Catalog.IsSinkName(i.TargetMethod.Name) && model.Catalog.Match(i.TargetMethod) is { Kind: SinkKind.Browser })
                .Select(i => i.Syntax)
                .Concat(model.Catalog.HasNavigatingProperty
                    ? Facts.MemberAssignments.Where(a => a.Target is IPropertyReferenceOperation property && model.Catalog.IsNavigatingProperty(property.Property)).Select(a => a.Syntax)
                    : Enumerable.Empty<SyntaxNode>())
                .ToList();

            // The body opened a page, but not in this loop: a loop that navigates itself (a login retry) reloads the page, the click does not page.
            return navigations.Count > 0 && !navigations.Any(n => loop.Span.Contains(n.Span))
                && (Facts.Invocations.Any(i => PageReads.Contains(i.TargetMethod.Name) && loop.Span.Contains(i.Syntax.Span) && !FindsTheClicked(i, click))
                    || loop.DescendantNodes().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == "PageSource"));
        }

        private bool IsTheSinksOwnCode(IMethodSymbol sink)
        {
            if (sink.DeclaringSyntaxReferences.IsEmpty || Facts.Method?.ContainingType is not { } caller)
            {
                return false;
            }

            for (var type = caller; type is not null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, sink.ContainingType.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The lookup finds the element the click clicks (<c>FindElement(…).Click()</c>, or a local given it): no page content read.</summary>
        private bool FindsTheClicked(IInvocationOperation lookup, IInvocationOperation click)
        {
            if (click.Syntax.Span.Contains(lookup.Syntax.Span))
            {
                return true;
            }

            var receiver = click.Instance;
            while (receiver is IConversionOperation conversion)
            {
                receiver = conversion.Operand;
            }

            return receiver is ILocalReferenceOperation local
                && Facts.AssignmentsOf(local.Local).Any(a => a.Value is { } value && value.Syntax.Span.Contains(lookup.Syntax.Span));
        }

        /// <summary>The URL shape of a found request, evaluated for one iteration scope.</summary>
        public UrlShape Shape(FoundRequest found, ShapeEvaluator evaluator)
        {
            if (found.IsClick)
            {
                // The page a click opens: a link of the current page, new in each iteration that clicks.
                return UrlShape.Of(new Hole($"page opened by {((IInvocationOperation)found.Operation).TargetMethod.Name}()", null, evaluator.Covers(found.Operation), HoleKind.Link));
            }

            if (found.Wrapper is { } wrapper && found.Operation is IInvocationOperation call)
            {
                return evaluator.Substitute(wrapper.Template, call);
            }

            if (found.IsMethodGroup && found.Wrapper is { } group)
            {
                // Its first parameter is each element of the collection the method group is applied to.
                var perElement = evaluator.Covers(found.Operation);
                return group.Template.Map(h => UrlShape.Of(h.ParameterOrdinal == 0
                    ? new Hole(h.Name, h.Symbol, perElement, h.Kind, collectionName: h.CollectionName)
                    : h.WithVariance(false)));
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

            // RestSharp: a resource relative to the base URL the client was built with (or none: the base URL itself).
            if ((shape.IsRelative || shape.Parts.Length == 0) && found.Operation is IInvocationOperation restCall
                && model.Known.RestRequest is { } restRequest
                && SymbolEqualityComparer.Default.Equals(restCall.TargetMethod.ContainingNamespace, restRequest.ContainingNamespace)
                && (restCall.Instance ?? (restCall.TargetMethod.IsExtensionMethod && restCall.Arguments.Length > 0 ? restCall.Arguments[0].Value : null)) is { } restClient)
            {
                var baseUrl = evaluator.Evaluate(restClient);
                if (baseUrl.Parts.OfType<string>().Any() || baseUrl.Holes.Any(h => h.ParameterOrdinal >= 0 || h.IsVariant || h.IsState))
                {
                    shape = ShapeEvaluator.Combine(baseUrl, shape);
                }
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

                        if (argument.Parameter?.Ordinal == 0 && consumer.TargetMethod.IsExtensionMethod
                            && consumer.TargetMethod.Name is "Select" or "SelectMany" or "Where" or "ForEach" or "Any" or "All" or "First" or "FirstOrDefault"
                            && consumer.Arguments.Length > 1)
                        {
                            // pages.Select(Parse), pages.Select(p => Parse(p)): the next stage reads each response.
                            result |= DelegateUse(consumer.Arguments[1].Value, evaluator, pending);
                        }
                        else if (consumer.TargetMethod.Name is "Add" or "Enqueue" or "Push" && BodyFacts.CollectionSymbol(consumer.Instance) is ILocalSymbol collection)
                        {
                            // pages.Add(html): what is done with the collection's elements is done with the response.
                            Follow(collection);
                        }

                        break;
                    case IArgumentOperation argument when argument.Parent is IObjectCreationOperation { Type: { } readerType }
                        && (KnownSymbols.IsNamespace(readerType.ContainingNamespace, "System.IO") || KnownSymbols.IsNamespace(readerType.ContainingNamespace, "System.IO.Compression"))
                        && (readerType.Name.EndsWith("Reader", StringComparison.Ordinal) || readerType.Name.EndsWith("Stream", StringComparison.Ordinal)):
                        // new StreamReader(client.OpenRead(url)): the reader carries the response.
                        pending.Push(argument.Parent);
                        break;
                    case ISimpleAssignmentOperation { Target: IArrayElementReferenceOperation { ArrayReference: ILocalReferenceOperation array } } stored when stored.Value == current:
                        // pages[i] = html: the array's elements are responses.
                        Follow(array.Local);
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

        /// <summary>What a delegate given one response per call does with it: a method group's parameter use, or a lambda parameter's reads.</summary>
        private ResponseUse DelegateUse(IOperation value, ShapeEvaluator evaluator, Stack<IOperation> pending)
        {
            while (value is IConversionOperation or IDelegateCreationOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)value).Target;
            }

            switch (value)
            {
                case IMethodReferenceOperation { Method: { DeclaringSyntaxReferences.IsEmpty: false, Parameters.Length: > 0 } method }:
                    return model.Summary(method, CancellationToken.None) is { ParameterUses.Length: > 0 } helper ? helper.ParameterUses[0] : ResponseUse.None;
                case IAnonymousFunctionOperation { Symbol.Parameters.Length: > 0 } lambda:
                    if (Facts.ParameterReferences.TryGetValue(lambda.Symbol.Parameters[0], out var reads))
                    {
                        foreach (var read in reads)
                        {
                            pending.Push(read);
                        }
                    }

                    return ResponseUse.None;
                default:
                    return ResponseUse.None;
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
            if (name == "Content" && typeName == "VirtualResponse" && KnownSymbols.IsNamespace(type?.ContainingNamespace, "AngleSharp.Io"))
            {
                // context.OpenAsync(r => r.Content(html)): AngleSharp parses the page it was handed.
                return ResponseUse.ParsedAsHtml;
            }

            if (name is "LoadHtml" or "ParseDocument" or "ParseDocumentAsync" or "ParseFragment"
                || (name is "Load" or "Parse" && (KnownSymbols.Is(type, model.Known.HtmlDocument) || typeName.IndexOf("Html", StringComparison.Ordinal) >= 0)))
            {
                return ResponseUse.ParsedAsHtml;
            }

            if (type?.SpecialType == SpecialType.System_String && name is "Split" or "IndexOf" or "LastIndexOf" or "Contains"
                && consumer.Arguments.Any(a => a.Value.ConstantValue.Value is string marker
                    && (marker.IndexOf("href", StringComparison.OrdinalIgnoreCase) >= 0 || marker.IndexOf("src=", StringComparison.OrdinalIgnoreCase) >= 0)))
            {
                // html.Split("href=\""), html.IndexOf("href=", …): links cut out of the page by hand.
                return ResponseUse.ParsedAsHtml;
            }

            if (KnownSymbols.Is(type, model.Known.Regex) && name is "Match" or "Matches" or "IsMatch" or "Replace"
                && (consumer.Arguments.Any(a => PatternLooksForLinks(a.Value)) || RegexLooksForLinks(consumer.Instance, 0)))
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

        /// <summary>A pattern argument that looks for links: a constant, or a local given one.</summary>
        private bool PatternLooksForLinks(IOperation value)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value.ConstantValue.Value is string pattern)
            {
                return LooksForLinks(pattern);
            }

            return value is ILocalReferenceOperation local
                && Facts.AssignmentsOf(local.Local).Any(a => a.Value?.ConstantValue.Value is string assigned && LooksForLinks(assigned));
        }

        /// <summary>
        /// A Regex instance built from a pattern that looks for links: <c>new Regex(pattern)</c>, a field, a local given one of
        /// these, or a [GeneratedRegex] method.
        /// </summary>
        private bool RegexLooksForLinks(IOperation? regex, int depth)
        {
            while (regex is IConversionOperation conversion)
            {
                regex = conversion.Operand;
            }

            if (regex is IObjectCreationOperation creation)
            {
                return creation.Arguments.Any(a => PatternLooksForLinks(a.Value));
            }

            if (regex is ILocalReferenceOperation assignedLocal && depth < 4
                && Facts.AssignmentsOf(assignedLocal.Local).Any(a => a.Kind == AssignmentKind.Value && a.Value is not null && RegexLooksForLinks(a.Value, depth + 1)))
            {
                return true;
            }

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
