using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>
    /// Turns a found request into the facts the rules read: its iteration context (the innermost one in
    /// which its URL varies), its URL shape, the exemptions, profile and image evidence, whether it is a
    /// crawl request, and the safeguards on its path.
    /// </summary>
    internal sealed class RequestClassifier
    {
        private static readonly string[] ProfileWords = { "profile", "user", "member", "person", "people", "follower", "friend", "connection", "candidate", "employee", "handle" };
        private static readonly string[] AvatarWord = { "avatar" };
        private static readonly string[] ImageWords = { "img", "image", "photo", "picture", "pic", "avatar", "thumbnail" };
        private static readonly string[] FetchVerbs = { "download", "save", "get", "fetch", "grab", "pull", "scrape", "store", "copy", "load", "mirror" };
        private static readonly string[] SendVerbs = { "upload", "post", "send", "put", "delete", "set", "update", "publish", "share", "edit", "resize", "convert" };

        /// <summary>A helper named for fetching images (<c>SaveImage</c>, <c>DownloadPictureAsync</c>), not for sending them (<c>UploadSinglePhoto</c>).</summary>
        private static bool IsImageDownloadName(string name)
            => HasWord(name, ImageWords) && HasWord(name, FetchVerbs) && !HasWord(name, SendVerbs);

        private static readonly string[] SocialNames = { "LinkedIn", "Facebook", "Instagram", "Twitter", "TikTok", "VKontakte", "YouTube" };
        private static readonly string[] SocialHosts = { "linkedin.com", "facebook.com", "instagram.com", "twitter.com", "x.com", "tiktok.com", "vk.com", "youtube.com", "threads.net" };

        private readonly CrawlModel model;
        private readonly BodyAnalysis body;
        private readonly ScrapeLintOptions options;
        private readonly CancellationToken cancellationToken;
        private SafeguardKind? bodySafeguards;
        private bool? mentionsSocialHost;

        public RequestClassifier(CrawlModel model, BodyAnalysis body, ScrapeLintOptions options, CancellationToken cancellationToken)
        {
            this.model = model;
            this.body = body;
            this.options = options;
            this.cancellationToken = cancellationToken;
        }

        public Request? Classify(FoundRequest found)
        {
            var contexts = Contexts(found);
            Iteration? chosen = null;
            UrlShape? shape = null;
            foreach (var context in contexts.Where(c => c.Kind != IterationKind.StartedTask))
            {
                var candidate = ShapeIn(found, context);
                if (candidate.IsVariant)
                {
                    chosen = context;
                    shape = candidate;
                    break;
                }
            }

            shape ??= body.Shape(found, new ShapeEvaluator(body.Facts, model, scope: null));
            if (shape.IsRobotsTxt)
            {
                return null;
            }

            var location = found.Syntax is AssignmentExpressionSyntax or InvocationExpressionSyntax ? found.Syntax.GetLocation() : found.Operation.Syntax.GetLocation();
            var request = new Request(location, shape, chosen);
            // Concurrency anywhere around the request (Parallel around a loop, Task.Run inside one) makes it concurrent.
            request.FanOut = contexts.FirstOrDefault(c => c.IsConcurrent);

            if (found.Kind == SinkKind.Crawler)
            {
                // A crawler follows the links of the pages it fetches: it is a crawl by itself.
                chosen = new Iteration(IterationKind.Loop, found.Syntax, "page the crawler discovers");
                request = new Request(location, shape, chosen);
            }

            request.IsVariant = chosen is not null;
            request.UrlSyntax = found.Url?.Syntax ?? WrapperUrlArgument(found);
            var host = shape.HostSuffix;
            request.IsExempt = (host is not null ? IsExemptHost(host) : AllSourcesExempt(shape, chosen)) || IsMockedClient(found) || IsInTest()
                || (found.IsClick && NavigatesOnlyToExemptHosts());
            if (host is not null && (found.Wrapper is null || found.Wrapper.HostFromParameter))
            {
                request.RestrictedDomain = options.RestrictedDomainOf(host);
            }

            if (!request.IsBulk)
            {
                return request;
            }

            var evaluator = new ShapeEvaluator(body.Facts, model, chosen!.Node);
            var response = (found.Wrapper?.Response ?? ResponseUse.None);
            if (found.Wrapper is null || (response & ResponseUse.Returned) != 0)
            {
                response |= body.Flow(found.Operation, evaluator);
            }

            if (chosen == reentry && reentry is not null)
            {
                // The completion handler reads the page the request fetched.
                response |= reentryUse & ~ResponseUse.Returned;
            }

            if (found.File is not null && BodyAnalysis.IsImagePath(evaluator.Evaluate(found.File)))
            {
                response |= ResponseUse.WrittenToImageFile;
            }

            // Generic profile paths (/users/{id}) on hosts other than the social ones are pages only when
            // nothing says the response is JSON: an API's /users/{id} is not a profile page.
            var isApiCall = found.Kind == SinkKind.JsonApi || (response & ResponseUse.ParsedAsJson) != 0;
            request.ProfileEvidence = ProfileEvidence(shape, allowGenericPaths: !isApiCall);
            request.ImageEvidence = body.SendsContent(found) ? null : ImageEvidence(shape, response, isApiCall)
                ?? (found.Wrapper is not null && !isApiCall && (response & ResponseUse.ParsedAsHtml) == 0 && found.Operation is IInvocationOperation helper
                    && IsImageDownloadName(helper.TargetMethod.Name) ? shape.ToString() : null);
            request.IsProfilePhoto = request.ImageEvidence is not null
                && (request.ProfileEvidence is not null || shape.Pattern.IndexOf("profile_", StringComparison.OrdinalIgnoreCase) >= 0
                    || shape.Pattern.IndexOf("avatar", StringComparison.OrdinalIgnoreCase) >= 0
                    || shape.Holes.Any(h => HasWord(h.Name, ProfileWords) || HasWord(h.Name, AvatarWord) || HasWord(h.CollectionName, ProfileWords)));

            var fetchesPages = found.Kind is SinkKind.Browser or SinkKind.HtmlLoader or SinkKind.Crawler
                || (response & ResponseUse.ParsedAsHtml) != 0
                || shape.Holes.Any(h => h.IsVariant && h.Kind == HoleKind.Link)
                || IsFrontier(shape, chosen)
                || request.ProfileEvidence is not null
                || request.ImageEvidence is not null;
            request.IsCrawl = fetchesPages;

            var guards = BodySafeguards() & ~SafeguardKind.ConcurrencyGate;
            if (found.Kind == SinkKind.Crawler)
            {
                guards |= CrawlerConfiguration(found) & ~SafeguardKind.ConcurrencyGate;
            }

            if (chosen is not null && chosen.Kind != IterationKind.Recursion && found.Kind != SinkKind.Crawler)
            {
                // Pacing counts between two requests: in the iteration, or in a member it calls. A sleep before or after the loop does not.
                guards = (guards & ~SafeguardKind.Throttle) | (SafeguardsIn(chosen.Node) & SafeguardKind.Throttle);
            }

            if (found.Kind is SinkKind.Http or SinkKind.JsonApi)
            {
                guards |= model.PipelineSafeguards(cancellationToken) & ~SafeguardKind.ConcurrencyGate;
            }

            if (request.FanOut is { } fanOut && GateIn(fanOut.Node))
            {
                guards |= SafeguardKind.ConcurrencyGate;
            }

            request.Safeguards = new Safeguards(guards);
            return request;
        }

        private static readonly HashSet<string> TestAttributes = new HashSet<string>(StringComparer.Ordinal)
        {
            "FactAttribute", "TheoryAttribute", "SkippableFactAttribute", "SkippableTheoryAttribute", "TestAttribute", "TestCaseAttribute",
            "TestCaseSourceAttribute", "TestMethodAttribute", "DataTestMethodAttribute", "TestClassAttribute", "TestFixtureAttribute",
            "SetUpAttribute", "OneTimeSetUpAttribute", "TestInitializeAttribute", "ClassInitializeAttribute",
            "BindingAttribute", "GivenAttribute", "WhenAttribute", "ThenAttribute",
        };

        /// <summary>A test method or test class: end-to-end and UI tests drive the team's own application, page by page.</summary>
        private bool IsInTest()
        {
            for (ISymbol? symbol = body.Facts.Method; symbol is not null; symbol = symbol.ContainingSymbol)
            {
                if (symbol is INamespaceSymbol)
                {
                    return false;
                }

                if (symbol.GetAttributes().Any(a => a.AttributeClass is { } type && TestAttributes.Contains(type.Name)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Every navigation of the body goes to a known host that is exempt: clicks there page through the team's own site.</summary>
        private bool NavigatesOnlyToExemptHosts()
        {
            var evaluator = new ShapeEvaluator(body.Facts, model, scope: null);
            var any = false;
            foreach (var navigation in body.Find(options, cancellationToken))
            {
                if (navigation.IsClick || navigation.Kind != SinkKind.Browser)
                {
                    continue;
                }

                any = true;
                var shape = body.Shape(navigation, evaluator);
                if (shape.HostSuffix is { } host ? !IsExemptHost(host) : !CallersPassExemptHosts(shape))
                {
                    return false;
                }
            }

            return any;
        }

        /// <summary>
        /// The navigation's host comes from a parameter of the method (<c>Rows(string url)</c>), and every call of the method in
        /// the project passes a URL on an exempt host (a benchmark against localhost). No call found: not exempt.
        /// </summary>
        private bool CallersPassExemptHosts(UrlShape shape)
        {
            if (shape.Holes.FirstOrDefault() is not { ParameterOrdinal: >= 0 } hole || shape.Parts[0] is not Hole || body.Facts.Method is not { } method)
            {
                return false;
            }

            var calls = 0;
            foreach (var tree in model.Compilation.SyntaxTrees)
            {
                if (model.Texts.Of(tree, cancellationToken).IndexOf(method.Name, StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                foreach (var invocation in tree.GetRoot(cancellationToken).DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    if (SyntaxIndex.InvokedName(invocation) != method.Name || CrawlModel.BodyOwner(invocation) is not { } owner
                        || model.Body(owner, null, cancellationToken) is not { } caller
                        || caller.Facts.SemanticModel.GetOperation(invocation, cancellationToken) is not IInvocationOperation call
                        || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method.OriginalDefinition))
                    {
                        continue;
                    }

                    var argument = call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == hole.ParameterOrdinal);
                    if (argument is null || new ShapeEvaluator(caller.Facts, model, scope: null).Evaluate(argument.Value).HostSuffix is not { } host || !IsExemptHost(host))
                    {
                        return false;
                    }

                    calls++;
                }
            }

            return calls > 0;
        }

        private bool IsExemptHost(string host) => options.IsApiHost(host) || HostList.IsLoopback(host) || options.IsAllowed(host);

        /// <summary>A URL taken from a frontier whose every source (seed and enqueued links) goes to an exempt host.</summary>
        private bool AllSourcesExempt(UrlShape shape, Iteration? iteration)
        {
            if (shape.WholeHole is not { Kind: HoleKind.Drained, Symbol: { } collection })
            {
                return false;
            }

            var sources = new ShapeEvaluator(body.Facts, model, iteration?.Node).SourcesOf(collection);
            return sources.Count > 0 && sources.All(s => s.HostSuffix is { } sourceHost && IsExemptHost(sourceHost));
        }

        private UrlShape ShapeIn(FoundRequest found, Iteration context)
        {
            if (context.Kind != IterationKind.Recursion)
            {
                return body.Shape(found, new ShapeEvaluator(body.Facts, model, context.Node));
            }

            // A recursive call varies when it passes anything but its own parameter back.
            var shape = body.Shape(found, new ShapeEvaluator(body.Facts, model, scope: null));
            var passesOwnParameter = found.Operation is IInvocationOperation call
                && found.Wrapper is { } wrapper
                && call.Arguments.Where(a => wrapper.Template.Holes.Any(h => h.ParameterOrdinal == a.Parameter?.Ordinal))
                    .All(a => a.Value is IParameterReferenceOperation p && p.Parameter.Ordinal == a.Parameter?.Ordinal);
            return shape.IsConstant || passesOwnParameter ? shape : shape.Map(h => UrlShape.Of(h.WithVariance(true)));
        }

        /// <summary>The argument of a wrapper call that the wrapped request's URL is built from.</summary>
        private static SyntaxNode? WrapperUrlArgument(FoundRequest found)
        {
            if (found.Wrapper is not { } wrapper || found.Operation is not IInvocationOperation call)
            {
                return null;
            }

            foreach (var argument in call.Arguments)
            {
                if (!argument.IsImplicit && argument.Parameter is { } parameter && wrapper.Template.Holes.Any(h => h.ParameterOrdinal == parameter.Ordinal))
                {
                    return argument.Value.Syntax;
                }
            }

            return null;
        }

        /// <summary>The iteration contexts around a request, innermost first, up to its body.</summary>
        internal List<Iteration> Contexts(FoundRequest found)
        {
            var result = new List<Iteration>();
            var semanticModel = body.Facts.SemanticModel;
            if (found.IsMethodGroup && found.Syntax is ExpressionSyntax group
                && group.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax applied } }
                && LambdaContext(group, applied, semanticModel) is { } perElement)
            {
                // urls.Select(scraper.TitleAsync), Parallel.ForEach(urls, Fetch): the method runs once per element.
                result.Add(perElement);
            }

            SyntaxNode child = found.Syntax;
            for (var node = child.Parent; node is not null && node != body.Owner; child = node, node = node.Parent)
            {
                switch (node)
                {
                    case ForEachStatementSyntax loop when child == loop.Statement:
                        result.Add(new Iteration(IterationKind.Loop, loop, $"element of '{SourceStrings.Short(loop.Expression)}'"));
                        break;
                    case ForEachVariableStatementSyntax loop when child == loop.Statement:
                        result.Add(new Iteration(IterationKind.Loop, loop, $"element of '{SourceStrings.Short(loop.Expression)}'"));
                        break;
                    case ForStatementSyntax loop when child != loop.Declaration && !loop.Initializers.Contains(child):
                        result.Add(new Iteration(IterationKind.Loop, loop, "iteration of the for loop"));
                        break;
                    case WhileStatementSyntax loop:
                        result.Add(new Iteration(IterationKind.Loop, loop, "iteration of the while loop"));
                        break;
                    case DoStatementSyntax loop:
                        result.Add(new Iteration(IterationKind.Loop, loop, "iteration of the do loop"));
                        break;
                    case AnonymousFunctionExpressionSyntax lambda when lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }:
                        if (LambdaContext(lambda, invocation, semanticModel) is { } context)
                        {
                            result.Add(context);
                        }
                        else if (SyntaxIndex.InvokedName(invocation) is "Run" or "StartNew"
                            && semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { ContainingType.Name: "Task" or "TaskFactory" } run)
                        {
                            // Task.Run inside a loop starts the requests side by side: concurrent, not sequential.
                            result.Add(new Iteration(IterationKind.StartedTask, lambda, "task started in the loop")
                            {
                                IsConcurrent = true,
                                FanOutLocation = invocation.Expression.GetLocation(),
                                FanOutName = run.ContainingType.Name + "." + run.Name,
                            });
                        }

                        break;
                    case LocalFunctionStatementSyntax or TypeDeclarationSyntax:
                        return result;
                }
            }

            // A task started outside every loop runs its loop sequentially: it is no concurrency of the loop's requests.
            while (result.Count > 0 && result[result.Count - 1].Kind == IterationKind.StartedTask)
            {
                result.RemoveAt(result.Count - 1);
            }

            // tasks.Add(SaveAsync(url)) or _ = SaveAsync(url) in a loop: the loop starts every request without waiting for one.
            if (result.Count > 0 && result[0].Kind == IterationKind.Loop && !result.Any(c => c.IsConcurrent) && StartedWithoutAwait(found) is { } started)
            {
                var loop = result[0];
                loop.IsConcurrent = true;
                loop.IsBounded = loop.Node is ForEachStatementSyntax { Expression: var chunked } && IsChunk(chunked);
                loop.FanOutLocation = started.Location;
                loop.FanOutName = started.Name;
            }

            if (found.Operation is IInvocationOperation call && body.Facts.Method is { } self
                && SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, self.OriginalDefinition))
            {
                result.Add(new Iteration(IterationKind.Recursion, body.Owner, $"recursive call of '{self.Name}'"));
            }
            else if (result.Count == 0 && EventReentry() is { } reentry)
            {
                result.Add(reentry);
            }

            return result;
        }

        private Iteration? reentry;
        private bool reentryKnown;
        private ResponseUse reentryUse;

        /// <summary>
        /// The method re-enters itself through an event: its type subscribes a handler (<c>loader.Loaded += (job, html) =&gt; { …; Next(); }</c>)
        /// that calls it again when a download completes. Each completion starts the next request: a recursive crawl. What
        /// the handler does with its arguments (the page) is kept for the request's evidence.
        /// </summary>
        private Iteration? EventReentry()
        {
            if (reentryKnown)
            {
                return reentry;
            }

            reentryKnown = true;
            if (body.Facts.Method is not { MethodKind: MethodKind.Ordinary } method)
            {
                return null;
            }

            {
                foreach (var subscription in model.LambdaSubscriptions(method.ContainingType, cancellationToken))
                {
                    var handler = (AnonymousFunctionExpressionSyntax)subscription.Right;
                    if (!handler.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => SyntaxIndex.InvokedName(i) == method.Name))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // The driver's semantic models are shared per tree: this one is not rebuilt.
                    var semanticModel = model.Compilation.GetSemanticModel(subscription.SyntaxTree);
#pragma warning restore RS1030
                    if (semanticModel.GetSymbolInfo(subscription.Left, cancellationToken).Symbol is not IEventSymbol subscribed
                        || !handler.DescendantNodes().OfType<InvocationExpressionSyntax>().Any(i => SyntaxIndex.InvokedName(i) == method.Name
                            && SymbolEqualityComparer.Default.Equals((semanticModel.GetSymbolInfo(i, cancellationToken).Symbol as IMethodSymbol)?.OriginalDefinition, method.OriginalDefinition)))
                    {
                        continue;
                    }

                    reentry = new Iteration(IterationKind.Recursion, body.Owner, $"completion of event '{subscribed.Name}' that calls '{method.Name}' again");
                    if (CrawlModel.BodyOwner(handler) is { } owner && model.Body(owner, semanticModel, cancellationToken) is { } handlerBody
                        && semanticModel.GetOperation(handler, cancellationToken) is IAnonymousFunctionOperation function)
                    {
                        var evaluator = new ShapeEvaluator(handlerBody.Facts, model, scope: null);
                        foreach (var parameter in function.Symbol.Parameters)
                        {
                            if (handlerBody.Facts.ParameterReferences.TryGetValue(parameter, out var reads))
                            {
                                foreach (var read in reads)
                                {
                                    reentryUse |= handlerBody.Flow(read, evaluator);
                                }
                            }
                        }
                    }

                    return reentry;
                }
            }

            return null;
        }

        /// <summary>
        /// The request's task is started and left running: added to a collection that <c>Task.WhenAll</c>/<c>WhenAny</c> awaits
        /// later (the fan-out is that call), or discarded (<c>_ = …</c>, or a call statement that is not awaited).
        /// </summary>
        private (Location Location, string Name)? StartedWithoutAwait(FoundRequest found)
        {
            if (found.Operation is not IInvocationOperation call || !IsTaskLike(call.TargetMethod.ReturnType))
            {
                return null;
            }

            IOperation current = call;
            while (current.Parent is IConversionOperation)
            {
                current = current.Parent;
            }

            switch (current.Parent)
            {
                case ISimpleAssignmentOperation { Target: IDiscardOperation }:
                case IExpressionStatementOperation:
                    return (call.Syntax.GetLocation(), call.TargetMethod.Name);
                case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add" or "Enqueue" or "Push" or "AddRange" } add }
                    when BodyFacts.CollectionSymbol(add.Instance) is { } tasks:
                    foreach (var invocation in body.Facts.Invocations)
                    {
                        if (invocation.TargetMethod.Name is "WhenAll" or "WhenAny" && KnownSymbols.Is(invocation.TargetMethod.ContainingType, model.Known.Task)
                            && invocation.Arguments.Any(a => a.Value.DescendantsAndSelf().Any(o => SymbolEqualityComparer.Default.Equals(BodyFacts.CollectionSymbol(o), tasks))))
                        {
                            return (((InvocationExpressionSyntax)invocation.Syntax).Expression.GetLocation(), "Task." + invocation.TargetMethod.Name);
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private Iteration? LambdaContext(ExpressionSyntax lambda, InvocationExpressionSyntax invocation, SemanticModel semanticModel)
        {
            // Bound only when the name can be one of them: Where, Any, OrderBy and logging lambdas are not.
            if (SyntaxIndex.InvokedName(invocation) is not ("Select" or "SelectMany" or "ForEach" or "For" or "ForEachAsync")
                || semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method)
            {
                return lambda is AnonymousFunctionExpressionSyntax ? ProjectIterator(lambda, invocation, semanticModel) : null;
            }

            var known = model.Known;
            var type = method.ContainingType;
            // urls.Select(…) reads its receiver; Parallel.ForEach(urls, …) and Enumerable.Select(urls, …) their first argument.
            var source = invocation.Expression is MemberAccessExpressionSyntax member && !(method.IsStatic && method.ReducedFrom is null)
                ? member.Expression
                : invocation.ArgumentList.Arguments.FirstOrDefault()?.Expression;
            var sourceText = source is null ? "the collection" : SourceStrings.Short(source);
            if (method.Name is "Select" or "SelectMany" && (KnownSymbols.Is(type, known.Enumerable) || KnownSymbols.Is(type, known.ParallelEnumerable)))
            {
                var context = new Iteration(IterationKind.Projection, lambda, $"element of '{sourceText}'");
                var result = method.TypeArguments.Length > 0 ? method.TypeArguments[method.TypeArguments.Length - 1] : null;
                if (KnownSymbols.Is(type, known.ParallelEnumerable))
                {
                    context.IsConcurrent = true;
                    context.IsBounded = invocation.ToString().IndexOf("WithDegreeOfParallelism", StringComparison.Ordinal) >= 0;
                }
                else if (IsTaskLike(result))
                {
                    context.IsConcurrent = true;
                    context.IsBounded = IsChunk(source);
                    if (FindWhenAll(invocation, semanticModel) is { } whenAll)
                    {
                        context.FanOutLocation = whenAll.Expression.GetLocation();
                        context.FanOutName = "Task." + SyntaxIndex.InvokedName(whenAll);
                    }
                }

                return context;
            }

            if (method.Name == "ForEach" && (KnownSymbols.Is(type, known.List) || KnownSymbols.Is(type, known.Array)))
            {
                return new Iteration(IterationKind.Projection, lambda, $"element of '{sourceText}'")
                {
                    IsConcurrent = lambda is AnonymousFunctionExpressionSyntax { AsyncKeyword.RawKind: (int)SyntaxKind.AsyncKeyword }
                        || (lambda is not AnonymousFunctionExpressionSyntax && IsTaskLike((semanticModel.GetSymbolInfo(lambda, cancellationToken).Symbol as IMethodSymbol)?.ReturnType)),
                };
            }

            if (KnownSymbols.Is(type, known.Parallel) && method.Name is "For" or "ForEach" or "ForEachAsync")
            {
                return new Iteration(IterationKind.Parallel, lambda, method.Name == "For" ? "index of the Parallel.For loop" : $"element of '{sourceText}'")
                {
                    IsConcurrent = true,
                    IsBounded = IsBounded(invocation, semanticModel),
                    FanOutLocation = invocation.Expression.GetLocation(),
                    FanOutName = "Parallel." + method.Name,
                };
            }

            return null;
        }

        /// <summary>
        /// A lambda given to a project method that calls it once per element of a collection it also takes (a
        /// <c>ForEachBounded(source, body, degree)</c> helper): an iteration, concurrent when the helper awaits the calls
        /// together (<c>Task.WhenAll</c>, <c>Parallel</c>), bounded when it partitions or gates them.
        /// </summary>
        private Iteration? ProjectIterator(ExpressionSyntax lambda, InvocationExpressionSyntax invocation, SemanticModel semanticModel)
        {
            if (semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { DeclaringSyntaxReferences.IsEmpty: false } helper
                || semanticModel.GetOperation(invocation, cancellationToken) is not IInvocationOperation call
                || call.Arguments.FirstOrDefault(a => a.Syntax.Span.Contains(lambda.Span))?.Parameter is not { } delegateParameter
                || !call.Arguments.Any(a => IsElementSource(a, delegateParameter))
                || model.Body(helper.OriginalDefinition, cancellationToken) is not { } helperBody)
            {
                return null;
            }

            // The helper calls the delegate (directly or through a local function) inside a loop, a lambda or a local function.
            var calls = helperBody.Facts.Root.Descendants().Any(o =>
                o is IInvocationOperation { Instance: IParameterReferenceOperation invoked } && SymbolEqualityComparer.Default.Equals(invoked.Parameter.OriginalDefinition, delegateParameter.OriginalDefinition))
                || helperBody.Owner.DescendantNodes().OfType<LocalFunctionStatementSyntax>().Any(f => f.DescendantNodes().OfType<InvocationExpressionSyntax>()
                    .Any(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: var name } && name == delegateParameter.Name));
            if (!calls)
            {
                return null;
            }

            var names = new HashSet<string>(helperBody.Owner.DescendantNodes().OfType<IdentifierNameSyntax>().Select(n => n.Identifier.ValueText), StringComparer.Ordinal);
            var source = call.Arguments.First(a => IsElementSource(a, delegateParameter));
            return new Iteration(IterationKind.Projection, lambda, $"element of '{SourceStrings.Short(source.Value.Syntax)}'")
            {
                IsConcurrent = names.Contains("WhenAll") || names.Contains("Parallel"),
                IsBounded = names.Contains("Partitioner") || names.Contains("SemaphoreSlim") || names.Contains("MaxDegreeOfParallelism"),
                FanOutLocation = invocation.Expression.GetLocation(),
                FanOutName = helper.Name,
            };
        }

        private static bool IsElementSource(IArgumentOperation argument, IParameterSymbol delegateParameter)
            => argument.Parameter is { } parameter && !SymbolEqualityComparer.Default.Equals(parameter, delegateParameter)
                && (parameter.Type.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                    || parameter.Type.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                    || parameter.Type.AllInterfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T))
                && parameter.Type.SpecialType != SpecialType.System_String;

        /// <summary>The Task.WhenAll/WhenAny the projected tasks reach: directly, through ToList/ToArray, or through a local.</summary>
        private InvocationExpressionSyntax? FindWhenAll(InvocationExpressionSyntax select, SemanticModel semanticModel)
        {
            SyntaxNode current = select;
            for (var steps = 0; steps < 8; steps++)
            {
                switch (current.Parent)
                {
                    case MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax chained } member when member.Expression == current:
                        current = chained;
                        continue;
                    case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax outer } }:
                        if (IsWhenAll(outer, semanticModel))
                        {
                            return outer;
                        }

                        current = outer;
                        continue;
                    case ParenthesizedExpressionSyntax or CastExpressionSyntax or AwaitExpressionSyntax:
                        current = current.Parent;
                        continue;
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                        return WhenAllOf(declarator.Identifier.ValueText, semanticModel);
                    case AssignmentExpressionSyntax { Left: IdentifierNameSyntax target }:
                        return WhenAllOf(target.Identifier.ValueText, semanticModel);
                }

                return null;
            }

            return null;
        }

        private InvocationExpressionSyntax? WhenAllOf(string local, SemanticModel semanticModel)
            => body.Owner.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .FirstOrDefault(i => SyntaxIndex.InvokedName(i) is "WhenAll" or "WhenAny"
                    && i.ArgumentList.Arguments.Any(a => a.Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(n => n.Identifier.ValueText == local))
                    && IsWhenAll(i, semanticModel));

        private bool IsWhenAll(InvocationExpressionSyntax invocation, SemanticModel semanticModel)
            => SyntaxIndex.InvokedName(invocation) is "WhenAll" or "WhenAny"
                && semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                && KnownSymbols.Is(method.ContainingType, model.Known.Task);

        /// <summary>The projection runs over one chunk of a <c>Chunk(n)</c> loop: at most n at once.</summary>
        private static bool IsChunk(ExpressionSyntax? source)
        {
            if (source is not IdentifierNameSyntax name)
            {
                return source is InvocationExpressionSyntax invocation && SyntaxIndex.InvokedName(invocation) is "Chunk" or "Batch";
            }

            return name.Ancestors().OfType<ForEachStatementSyntax>().Any(loop => loop.Identifier.ValueText == name.Identifier.ValueText
                && loop.Expression is InvocationExpressionSyntax chunk && SyntaxIndex.InvokedName(chunk) is "Chunk" or "Batch");
        }

        /// <summary>A Parallel call whose ParallelOptions set MaxDegreeOfParallelism to anything but -1.</summary>
        private bool IsBounded(InvocationExpressionSyntax invocation, SemanticModel semanticModel)
        {
            if (semanticModel.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation)
            {
                return false;
            }

            var argument = operation.Arguments.FirstOrDefault(a => KnownSymbols.Is(a.Value.Type, model.Known.ParallelOptions))?.Value;
            while (argument is IConversionOperation conversion)
            {
                argument = conversion.Operand;
            }

            var values = new List<IOperation>();
            switch (argument)
            {
                case null:
                    return false;
                case IObjectCreationOperation creation:
                    values.AddRange(MaxDegree(creation));
                    break;
                case ILocalReferenceOperation local:
                    foreach (var assignment in body.Facts.AssignmentsOf(local.Local))
                    {
                        if (assignment.Value is IObjectCreationOperation created)
                        {
                            values.AddRange(MaxDegree(created));
                        }
                    }

                    if (body.Facts.Members.TryGetValue((local.Local, "MaxDegreeOfParallelism"), out var assigned))
                    {
                        values.AddRange(assigned);
                    }

                    break;
                default:
                    return true;
            }

            return values.Count > 0 && values.All(v => !(v.ConstantValue.HasValue && v.ConstantValue.Value is int degree && degree <= 0));
        }

        private static IEnumerable<IOperation> MaxDegree(IObjectCreationOperation creation)
            => creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
                .Where(a => a.Target is IPropertyReferenceOperation { Property.Name: "MaxDegreeOfParallelism" })
                .Select(a => a.Value) ?? Enumerable.Empty<IOperation>();

        /// <summary>
        /// What the configuration an Abot crawler was built with sets: <c>new PoliteWebCrawler(new SiteConfig())</c>, where the
        /// project's configuration class sets its properties in its constructor, or an object initializer. The crawler is
        /// the local or field the request is made on.
        /// </summary>
        private SafeguardKind CrawlerConfiguration(FoundRequest found)
        {
            if (found.Operation is not IInvocationOperation { Instance: { } instance })
            {
                return SafeguardKind.None;
            }

            var result = SafeguardKind.None;
            foreach (var creation in Creations(instance))
            {
                foreach (var argument in creation.Arguments)
                {
                    foreach (var configuration in Creations(argument.Value))
                    {
                        if (!KnownSymbols.IsAny(configuration.Type, model.Known.AbotConfigurations) && !InheritsAny(configuration.Type, model.Known.AbotConfigurations))
                        {
                            continue;
                        }

                        if (configuration.Constructor is { } constructor && !constructor.DeclaringSyntaxReferences.IsEmpty)
                        {
                            result |= model.TransitiveSafeguards(constructor, cancellationToken);
                        }

                        foreach (var assignment in configuration.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>() ?? Enumerable.Empty<ISimpleAssignmentOperation>())
                        {
                            result |= model.Safeguards.Of(assignment);
                        }
                    }
                }
            }

            return result;
        }

        private static bool InheritsAny(ITypeSymbol? type, System.Collections.Immutable.ImmutableArray<INamedTypeSymbol> bases)
        {
            for (var current = type?.BaseType; current is not null; current = current.BaseType)
            {
                if (KnownSymbols.IsAny(current, bases))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The object creations a value comes from: itself, or what a local, field or property is given (<see cref="HttpClientFacts.Creations"/>).</summary>
        private IEnumerable<IObjectCreationOperation> Creations(IOperation value)
            => ValueTracer.Strip(value) is IObjectCreationOperation creation ? new[] { creation } : model.Clients.Creations(value, body);

        /// <summary>What the invocations inside a scope guard, directly or in the project methods they call.</summary>
        private SafeguardKind SafeguardsIn(SyntaxNode scope)
        {
            var result = SafeguardKind.None;
            foreach (var invocation in body.Facts.Invocations)
            {
                if (scope.SyntaxTree == invocation.Syntax.SyntaxTree && scope.Span.Contains(invocation.Syntax.Span))
                {
                    result |= model.Safeguards.Of(invocation, options);
                    if (!invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty)
                    {
                        result |= model.TransitiveSafeguards(invocation.TargetMethod, cancellationToken);
                    }
                }
            }

            return result;
        }

        /// <summary>A SemaphoreSlim or RateLimiter gate inside the fan-out lambda, directly or in a method it calls.</summary>
        private bool GateIn(SyntaxNode scope)
        {
            foreach (var invocation in body.Facts.Invocations)
            {
                if (!scope.Span.Contains(invocation.Syntax.Span))
                {
                    continue;
                }

                if ((model.Safeguards.Of(invocation, options) & SafeguardKind.ConcurrencyGate) != 0
                    || (!invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty
                        && (model.TransitiveSafeguards(invocation.TargetMethod, cancellationToken) & SafeguardKind.ConcurrencyGate) != 0))
                {
                    return true;
                }
            }

            return false;
        }

        private SafeguardKind BodySafeguards() => bodySafeguards ??= body.TransitiveSafeguards(cancellationToken);

        /// <summary>The URL is taken from a queue, stack or channel that the same loop fills: a crawl frontier.</summary>
        private bool IsFrontier(UrlShape shape, Iteration iteration)
        {
            foreach (var hole in shape.Holes)
            {
                if (hole.IsVariant && hole.Kind == HoleKind.Drained && hole.Symbol is { } collection
                    && body.Facts.CollectionAdds.TryGetValue(collection, out var adds)
                    && adds.Any(add => iteration.Node.Span.Contains(add.Syntax.Span)))
                {
                    return true;
                }

                // A field the type drains and refills outside its constructors (a step method's frontier).
                if (hole.IsVariant && hole.Kind == HoleKind.Drained && hole.Symbol is IFieldSymbol or IPropertySymbol
                    && model.State(hole.Symbol.ContainingType, cancellationToken)?.IsFrontier(hole.Symbol) == true)
                {
                    return true;
                }
            }

            return false;
        }

        private string? ProfileEvidence(UrlShape shape, bool allowGenericPaths)
        {
            foreach (var pattern in ProfilePattern.Defaults.Concat(options.ProfileUrlPatterns))
            {
                if ((allowGenericPaths || pattern.HostDomain is not null) && pattern.Matches(shape, options))
                {
                    return shape.ToString();
                }
            }

            // Names and configuration say which platform only for pages: a JSON API's profile-named URL needs the host in code.
            if (shape.WholeHole is { IsVariant: true } whole && (HasWord(whole.Name, ProfileWords) || HasWord(whole.CollectionName, ProfileWords))
                && (MentionsSocialHost() || (allowGenericPaths && NamesSocialPlatform())))
            {
                return shape.ToString();
            }

            return null;
        }

        /// <summary>The URL or what is done with the response says image; a response read as JSON is image metadata, not an image.</summary>
        private static string? ImageEvidence(UrlShape shape, ResponseUse response, bool isApiCall)
        {
            if ((!isApiCall && shape.ImageMarker() is not null)
                || (!isApiCall && shape.Holes.Any(h => h.IsVariant && (h.Kind == HoleKind.ImageSource || HasWord(h.Name, ImageWords) || (shape.WholeHole == h && HasWord(h.CollectionName, ImageWords)))))
                || (response & (ResponseUse.WrittenToImageFile | ResponseUse.DecodedAsImage)) != 0)
            {
                return shape.ToString();
            }

            return null;
        }

        /// <summary>The method's type names a social host in a string: a profile-named value there is a social profile.</summary>
        private bool MentionsSocialHost()
        {
            if (mentionsSocialHost is { } known)
            {
                return known;
            }

            // Every declaration of the type (a partial part may hold the host), strings of every kind (raw ones too).
            var hosts = SocialHosts.Concat(options.RestrictedDomains).ToArray();
            var scopes = body.Facts.Method?.ContainingType is { DeclaringSyntaxReferences.IsEmpty: false } type
                ? type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken))
                : new[] { body.Owner.FirstAncestorOrSelf<TypeDeclarationSyntax>() ?? (SyntaxNode)body.Owner };
            var result = scopes.Any(scope => scope.DescendantTokens().Any(t => IsStringText(t) && hosts.Any(h => ContainsHost(t.ValueText, h))));
            mentionsSocialHost = result;
            return result;
        }

        /// <summary>
        /// The platform is named outside the code's strings: the application's configuration (an <c>appsettings*.json</c>
        /// additional file) names its host, or the type or a namespace around it is named for it (<c>LinkedInContactsVisitor</c>,
        /// <c>Scrapers.Instagram</c>).
        /// </summary>
        private bool NamesSocialPlatform()
        {
            if (model.ConfigurationNames(SocialHosts, ContainsHost, cancellationToken))
            {
                return true;
            }

            for (ISymbol? named = body.Facts.Method?.ContainingType; named is not null and not INamespaceSymbol { IsGlobalNamespace: true }; named = named.ContainingSymbol)
            {
                if (SocialNames.Any(n => named.Name.IndexOf(n, StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsStringText(SyntaxToken token)
            => token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.InterpolatedStringTextToken)
                || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                || token.IsKind(SyntaxKind.Utf8StringLiteralToken);

        private static bool ContainsHost(string text, string host)
        {
            var index = text.IndexOf(host, StringComparison.OrdinalIgnoreCase);
            while (index >= 0)
            {
                var before = index == 0 ? '/' : text[index - 1];
                var after = index + host.Length < text.Length ? text[index + host.Length] : '/';
                if (!char.IsLetterOrDigit(before) && before != '-' && !char.IsLetterOrDigit(after) && after != '-')
                {
                    return true;
                }

                index = text.IndexOf(host, index + 1, StringComparison.OrdinalIgnoreCase);
            }

            return false;
        }

        /// <summary>An HttpClient built on a terminal handler the project wrote itself (a test double) sends nothing.</summary>
        private bool IsMockedClient(FoundRequest found)
        {
            if (found.Operation is not IInvocationOperation { Instance: { } receiver } || !KnownSymbols.IsOrInherits(receiver.Type, model.Known.HttpClient))
            {
                return false;
            }

            foreach (var creation in model.Clients.Creations(receiver, body))
            {
                var handler = creation.Arguments.FirstOrDefault()?.Value;
                while (handler is IConversionOperation conversion)
                {
                    handler = conversion.Operand;
                }

                if (handler is ILocalReferenceOperation local)
                {
                    handler = body.Facts.AssignmentsOf(local.Local).Select(a => a.Value).OfType<IObjectCreationOperation>().FirstOrDefault() ?? handler;
                }

                if (handler is IPropertyReferenceOperation { Property.Name: "Object" } mock && mock.Instance?.Type is INamedTypeSymbol { Name: "Mock" })
                {
                    return true;
                }

                if (handler?.Type is INamedTypeSymbol type && !type.DeclaringSyntaxReferences.IsEmpty
                    && type.BaseType is { Name: "HttpMessageHandler" } baseType && KnownSymbols.IsNamespace(baseType.ContainingNamespace, "System.Net.Http"))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsTaskLike(ITypeSymbol? type)
            => type is INamedTypeSymbol
            {
                Name: "Task" or "ValueTask",
                ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } },
            };

        /// <summary>
        /// The name contains one of the (lower-case) words as a word of its own (camelCase, snake_case), singular or plural.
        /// The name's words are compared in place: this runs for every hole of every request.
        /// </summary>
        public static bool HasWord(string? name, string[] words)
        {
            if (string.IsNullOrEmpty(name))
            {
                return false;
            }

            var start = 0;
            for (var i = 1; i <= name!.Length; i++)
            {
                if (i == name.Length || !char.IsLetter(name[i]) || (char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])))
                {
                    var from = start;
                    while (from < i && !char.IsLetter(name[from]))
                    {
                        from++;
                    }

                    if (from < i && IsOneOf(name, from, i - from, words))
                    {
                        return true;
                    }

                    start = i < name.Length && !char.IsLetter(name[i]) ? i + 1 : i;
                }
            }

            return false;
        }

        /// <summary>The letters at <paramref name="start"/> are one of the words, or its plural in -s or -es, in any case.</summary>
        private static bool IsOneOf(string name, int start, int length, string[] words)
        {
            foreach (var word in words)
            {
                var extra = length - word.Length;
                var plural = extra == 0
                    || (extra == 1 && char.ToLowerInvariant(name[start + length - 1]) == 's')
                    || (extra == 2 && char.ToLowerInvariant(name[start + length - 2]) == 'e' && char.ToLowerInvariant(name[start + length - 1]) == 's');
                if (!plural)
                {
                    continue;
                }

                var same = true;
                for (var k = 0; k < word.Length && same; k++)
                {
                    same = char.ToLowerInvariant(name[start + k]) == word[k];
                }

                if (same)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
