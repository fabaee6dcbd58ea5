using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using ScrapeLint.Model;

namespace ScrapeLint.CodeFixes
{
    /// <summary>
    /// SL2003: bounds the fan-out to <c>scrapelint.max_concurrency</c> requests at a time. <c>Parallel.For</c>,
    /// <c>ForEach</c> and <c>ForEachAsync</c> get <c>ParallelOptions { MaxDegreeOfParallelism = N }</c> (merged
    /// into options written at the call, keeping a CancellationToken argument); <c>Task.WhenAll</c> over a
    /// projection gets a <c>SemaphoreSlim</c> the lambda waits for and releases in <c>finally</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConcurrencyBoundCodeFixProvider))]
    public sealed class ConcurrencyBoundCodeFixProvider : CrawlCodeFixProvider
    {
        /// <summary>
        /// One key for both shapes (ParallelOptions and the SemaphoreSlim gate): Fix All of a document bounds every
        /// fan-out in one run, whichever shape it has.
        /// </summary>
        public const string EquivalenceKey = RuleIdentifiers.UnboundedConcurrentCrawl + ".BoundConcurrency";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnboundedConcurrentCrawl);

        internal override FixPlan? Plan(Document document, SyntaxNode root, SemanticModel semanticModel, CrawlTarget target, CancellationToken cancellationToken)
        {
            var limit = FixSettings.For(document, root.SyntaxTree).MaxConcurrency.ToString(CultureInfo.InvariantCulture);
            return target.IterationKind switch
            {
                nameof(IterationKind.Parallel) => PlanParallel(semanticModel, target, limit, cancellationToken),
                nameof(IterationKind.Projection) => PlanSemaphore(root, semanticModel, target, limit, cancellationToken),
                _ => null,
            };
        }

        private static FixPlan? PlanParallel(SemanticModel semanticModel, CrawlTarget target, string limit, CancellationToken cancellationToken)
        {
            if (target.Reported.Parent is not InvocationExpressionSyntax invocation
                || semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
                || invocation.ArgumentList.Arguments.Any(a => a.NameColon is not null)
                || invocation.ArgumentList.Arguments.Count != method.Parameters.Length)
            {
                return null;
            }

            var arguments = invocation.ArgumentList.Arguments;
            var optionsIndex = IndexOf(method, "ParallelOptions");
            var tokenIndex = IndexOf(method, "CancellationToken");
            if (optionsIndex >= 0)
            {
                // Options created at the call or in a local's declaration: set (or replace) their MaxDegreeOfParallelism.
                if (OptionsCreation(semanticModel, arguments[optionsIndex].Expression, cancellationToken) is not { } creation)
                {
                    return null;
                }

                var assignment = (AssignmentExpressionSyntax)SyntaxFactory.ParseExpression($"MaxDegreeOfParallelism = {limit}");
                var initializer = creation.Initializer ?? SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression);
                var existing = initializer.Expressions.OfType<AssignmentExpressionSyntax>()
                    .FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "MaxDegreeOfParallelism" });
                initializer = existing is not null
                    ? initializer.ReplaceNode(existing, existing.WithRight(assignment.Right.WithTriviaFrom(existing.Right)))
                    : initializer.WithExpressions(initializer.Expressions.Add(assignment));
                var merged = creation.WithInitializer(initializer).WithAdditionalAnnotations(Formatter.Annotation);
                return new FixPlan(
                    $"Limit {method.ContainingType.Name}.{method.Name} to {limit} at a time (MaxDegreeOfParallelism)",
                    EquivalenceKey,
                    r => r.ReplaceNode(creation, merged));
            }
            else
            {
                var token = tokenIndex >= 0 ? $", CancellationToken = {arguments[tokenIndex].Expression.WithoutTrivia()}" : "";
                var options = SyntaxFactory.Argument(GuardEditor.Expression($"new global::System.Threading.Tasks.ParallelOptions {{ MaxDegreeOfParallelism = {limit}{token} }}"));
                var newArguments = tokenIndex >= 0
                    ? invocation.ArgumentList.WithArguments(arguments.Replace(arguments[tokenIndex], options.WithTriviaFrom(arguments[tokenIndex])))
                    : invocation.ArgumentList.WithArguments(arguments.Insert(arguments.Count - 1, options));
                return new FixPlan(
                    $"Limit {method.ContainingType.Name}.{method.Name} to {limit} at a time (MaxDegreeOfParallelism)",
                    EquivalenceKey,
                    r => r.ReplaceNode(invocation.ArgumentList, newArguments));
            }
        }

        /// <summary>The <c>new ParallelOptions { … }</c> an argument is, or the one a local it names was declared with.</summary>
        private static BaseObjectCreationExpressionSyntax? OptionsCreation(SemanticModel semanticModel, ExpressionSyntax argument, CancellationToken cancellationToken)
        {
            if (argument is BaseObjectCreationExpressionSyntax creation)
            {
                return creation;
            }

            return argument is IdentifierNameSyntax
                && semanticModel.GetSymbolInfo(argument, cancellationToken).Symbol is ILocalSymbol local
                && local.DeclaringSyntaxReferences.Length == 1
                && local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax declared }
                && declared.SyntaxTree == argument.SyntaxTree
                ? declared
                : null;
        }

        private static int IndexOf(IMethodSymbol method, string typeName)
        {
            for (var i = 0; i < method.Parameters.Length; i++)
            {
                if (method.Parameters[i].Type is { Name: var name, ContainingNamespace: { Name: "Threading" or "Tasks" } } && name == typeName)
                {
                    return i;
                }
            }

            return -1;
        }

        private static FixPlan? PlanSemaphore(SyntaxNode root, SemanticModel semanticModel, CrawlTarget target, string limit, CancellationToken cancellationToken)
        {
            if (target.Iteration is not LambdaExpressionSyntax lambda
                || semanticModel.GetSymbolInfo(lambda, cancellationToken).Symbol is not IMethodSymbol lambdaMethod
                || !RequestSite.IsTask(lambdaMethod.ReturnType)
                || (!lambdaMethod.IsAsync && lambda.Block is not null))
            {
                return null;
            }

            // The gate is declared before the statement that builds the projection, in the function around it.
            var function = lambda.Ancestors().FirstOrDefault(RequestSite.IsFunction);
            var statement = lambda.Ancestors().TakeWhile(n => n != function).OfType<StatementSyntax>().FirstOrDefault();
            if (statement is null or LocalFunctionStatementSyntax
                || semanticModel.GetEnclosingSymbol(statement.SpanStart, cancellationToken) is not IMethodSymbol outer)
            {
                return null;
            }

            var token = outer.Parameters.FirstOrDefault(p => p.Type is { Name: "CancellationToken" })?.Name;
            var gate = GuardEditor.UniqueName(GuardEditor.ContainingType(lambda) ?? root, "gate");
            var returnsValue = lambdaMethod.ReturnType is INamedTypeSymbol { IsGenericType: true };

            StatementSyntax[] inner;
            if (lambda.Block is { } block)
            {
                inner = block.Statements.ToArray();
            }
            else
            {
                var body = lambda.ExpressionBody!.WithoutTrivia();
                ExpressionSyntax awaited = lambdaMethod.IsAsync ? body : SyntaxFactory.AwaitExpression(body);
                inner = new[] { returnsValue ? SyntaxFactory.ReturnStatement(awaited) : (StatementSyntax)SyntaxFactory.ExpressionStatement(awaited) };
            }

            var tryStatement = SyntaxFactory.TryStatement(
                SyntaxFactory.Block(inner),
                default,
                SyntaxFactory.FinallyClause(SyntaxFactory.Block(SyntaxFactory.ParseStatement($"{gate}.Release();"))));
            var newBody = SyntaxFactory.Block(
                GuardEditor.Statement($"await {gate}.WaitAsync({token});"),
                tryStatement).WithAdditionalAnnotations(Formatter.Annotation);
            LambdaExpressionSyntax newLambda = lambda.WithExpressionBody(null).WithBlock(newBody)
                .WithArrowToken(lambda.ArrowToken.WithTrailingTrivia(SyntaxFactory.LineFeed));
            if (!lambdaMethod.IsAsync)
            {
                newLambda = GuardEditor.MakeAsync(newLambda);
            }

            newLambda = newLambda.WithAdditionalAnnotations(Formatter.Annotation);

            // SemaphoreSlim needs no Dispose unless its AvailableWaitHandle is used; the tasks may outlive the statement.
            var declaration = GuardEditor.Statement($"var {gate} = new global::System.Threading.SemaphoreSlim({limit});");
            return new FixPlan(
                $"Limit Task.WhenAll to {limit} requests at a time (SemaphoreSlim)",
                EquivalenceKey,
                r =>
                {
                    var annotation = new SyntaxAnnotation();
                    r = r.ReplaceNodes(new SyntaxNode[] { lambda, statement }, (original, rewritten) => original == lambda ? newLambda : rewritten.WithAdditionalAnnotations(annotation));
                    var anchor = (StatementSyntax)r.GetAnnotatedNodes(annotation).Single();
                    return GuardEditor.InsertBefore(r, anchor, new System.Collections.Generic.List<StatementSyntax> { declaration.WithTrailingTrivia(GuardEditor.EndOfLine(r)) });
                });
        }
    }
}
