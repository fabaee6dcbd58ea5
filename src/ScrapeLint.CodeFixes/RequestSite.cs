using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScrapeLint.CodeFixes
{
    /// <summary>
    /// Where a guard goes for one request: the function it runs in (method, local function, lambda, top-level
    /// statements), the statement to insert before, how a disallowed URL is skipped, whether the context is
    /// asynchronous, and which CancellationToken it has.
    /// </summary>
    internal sealed class RequestSite
    {
        private RequestSite(
            SyntaxNode request,
            SyntaxNode function,
            StatementSyntax? anchor,
            IMethodSymbol method,
            bool makeAsync,
            SkipKind skip,
            string? cancellationToken)
        {
            Request = request;
            Function = function;
            Anchor = anchor;
            Method = method;
            MakeAsync = makeAsync;
            Skip = skip;
            CancellationToken = cancellationToken;
        }

        public SyntaxNode Request { get; }

        /// <summary>The method, accessor, local function, lambda or compilation unit (top-level statements) the request runs in.</summary>
        public SyntaxNode Function { get; }

        /// <summary>The statement the guards are inserted before; null when the request is a lambda's expression body.</summary>
        public StatementSyntax? Anchor { get; }

        public IMethodSymbol Method { get; }

        /// <summary>An expression-bodied lambda returning a task: the fix makes it async to await its guard.</summary>
        public bool MakeAsync { get; }

        public bool IsAsync => Method.IsAsync || MakeAsync;

        public SkipKind Skip { get; }

        /// <summary>The name of the CancellationToken in scope (the function's, else an enclosing one's), or null.</summary>
        public string? CancellationToken { get; }

        /// <summary>What a skip returns from a lambda that returns a value: <c>null</c> or <c>default</c>.</summary>
        public ITypeSymbol? ResultType
        {
            get
            {
                var type = Method.ReturnType;
                if (IsAsync)
                {
                    return type is INamedTypeSymbol { IsGenericType: true, Name: "Task" or "ValueTask" } task ? task.TypeArguments[0] : null;
                }

                return type.SpecialType == SpecialType.System_Void ? null : type;
            }
        }

        /// <summary>The site of a request inside <paramref name="iteration"/> (a loop statement or a per-element lambda), or null when no guard can be placed.</summary>
        public static RequestSite? Find(SemanticModel semanticModel, SyntaxNode request, SyntaxNode? iteration, CancellationToken cancellationToken)
        {
            var function = request.Ancestors().FirstOrDefault(IsFunction);
            if (function is null || iteration is null || !iteration.Span.Contains(request.Span))
            {
                return null;
            }

            // The innermost statement inside the function: a local function is itself a statement.
            var anchor = request.AncestorsAndSelf().TakeWhile(n => n != function).OfType<StatementSyntax>().FirstOrDefault();
            // A request in a loop's header (while (await Next(url)) …) has no statement of its own to guard.
            if (anchor is WhileStatementSyntax or DoStatementSyntax or ForStatementSyntax or CommonForEachStatementSyntax or LocalFunctionStatementSyntax)
            {
                return null;
            }

            var position = anchor?.SpanStart ?? request.SpanStart;
            if (semanticModel.GetEnclosingSymbol(position, cancellationToken) is not IMethodSymbol method)
            {
                return null;
            }

            var skip = SkipKind.None;
            if (anchor is not null)
            {
                foreach (var ancestor in anchor.Ancestors().TakeWhile(n => n != function))
                {
                    if (ancestor is FinallyClauseSyntax)
                    {
                        break;
                    }

                    if (IsLoopBodyOf(ancestor, anchor))
                    {
                        skip = ContinueKeepsProgress(semanticModel, ancestor, anchor) ? SkipKind.Continue : SkipKind.None;
                        break;
                    }
                }
            }

            if (skip == SkipKind.None && function is AnonymousFunctionExpressionSyntax)
            {
                skip = SkipKind.Return;
            }

            // The guard must run inside the iteration: in the loop's body, or in the per-element lambda itself.
            var inside = iteration switch
            {
                AnonymousFunctionExpressionSyntax lambda => lambda == function,
                StatementSyntax loop => anchor is not null && loop.Span.Contains(anchor.Span) && loop != anchor && IsLoopBodyOf(loop, anchor),
                _ => false,
            };
            if (!inside)
            {
                return null;
            }

            var makeAsync = anchor is null && !method.IsAsync && function is LambdaExpressionSyntax && IsTask(method.ReturnType);
            if (anchor is null && function is not LambdaExpressionSyntax)
            {
                return null;
            }

            return new RequestSite(request, function, anchor, method, makeAsync, skip, FindCancellationToken(semanticModel, method, position));
        }

        public static bool IsFunction(SyntaxNode node)
            => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
                || (node is CompilationUnitSyntax unit && unit.Members.OfType<GlobalStatementSyntax>().Any());

        public static bool IsTask(ITypeSymbol type)
            => type is INamedTypeSymbol { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } } };

        private static bool IsLoopBodyOf(SyntaxNode loop, SyntaxNode inner)
        {
            var body = loop switch
            {
                CommonForEachStatementSyntax forEach => forEach.Statement,
                ForStatementSyntax forLoop => forLoop.Statement,
                WhileStatementSyntax whileLoop => whileLoop.Statement,
                DoStatementSyntax doLoop => doLoop.Statement,
                _ => null,
            };
            return body is not null && body.Span.Contains(inner.Span);
        }

        /// <summary>
        /// <c>continue</c> still moves the loop on: a foreach always does; a for, while or do loop only when the
        /// statements skipped after the guard write nothing its condition reads (a page counter advanced at
        /// the end of the body would make the loop spin on a disallowed page, or leave a variable unassigned).
        /// </summary>
        private static bool ContinueKeepsProgress(SemanticModel semanticModel, SyntaxNode loop, StatementSyntax anchor)
        {
            var (condition, body) = loop switch
            {
                ForStatementSyntax forLoop => (forLoop.Condition, forLoop.Statement),
                WhileStatementSyntax whileLoop => (whileLoop.Condition, whileLoop.Statement),
                DoStatementSyntax doLoop => (doLoop.Condition, doLoop.Statement),
                _ => (null, null),
            };
            if (condition is null || body is null)
            {
                return true;
            }

            var statement = anchor.AncestorsAndSelf().OfType<StatementSyntax>().First(s => s.Parent == body || s == body);
            var skipped = statement == body || body is not BlockSyntax block
                ? semanticModel.AnalyzeDataFlow(statement)
                : semanticModel.AnalyzeDataFlow(statement, block.Statements.Last());
            var tested = semanticModel.AnalyzeDataFlow(condition);
            return skipped is { Succeeded: true } && tested is { Succeeded: true }
                && !skipped.WrittenInside.Intersect(tested.ReadInside, SymbolEqualityComparer.Default).Any();
        }

        /// <summary>
        /// The CancellationToken in scope at <paramref name="position"/>: a parameter of the function or of a function
        /// around it (not across a static lambda), else a local token declared before the position, else a local
        /// <c>CancellationTokenSource</c>'s <c>Token</c>, else a token field or property of the type reachable here.
        /// </summary>
        private static string? FindCancellationToken(SemanticModel semanticModel, IMethodSymbol method, int position)
        {
            for (ISymbol? symbol = method; symbol is IMethodSymbol current; symbol = current.ContainingSymbol)
            {
                foreach (var parameter in current.Parameters)
                {
                    if (IsThreadingType(parameter.Type, "CancellationToken") && !parameter.Name.StartsWith("_", System.StringComparison.Ordinal))
                    {
                        return parameter.Name;
                    }
                }

                if (current.IsStatic && current.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction)
                {
                    return null;
                }
            }

            string? source = null;
            foreach (var local in semanticModel.LookupSymbols(position).OfType<ILocalSymbol>())
            {
                if (local.Name.StartsWith("_", System.StringComparison.Ordinal) || !DeclaredBefore(local, position))
                {
                    continue;
                }

                if (IsThreadingType(local.Type, "CancellationToken"))
                {
                    return local.Name;
                }

                if (source is null && IsThreadingType(local.Type, "CancellationTokenSource"))
                {
                    source = local.Name + ".Token";
                }
            }

            if (source is not null)
            {
                return source;
            }

            var isStatic = semanticModel.GetEnclosingSymbol(position) is { IsStatic: true } || method.ContainingType is null;
            for (var type = method.ContainingType; type is not null; type = type.ContainingType)
            {
                foreach (var member in type.GetMembers())
                {
                    var memberType = member switch
                    {
                        IFieldSymbol field => field.Type,
                        IPropertySymbol { GetMethod: not null } property => property.Type,
                        _ => null,
                    };
                    if (memberType is not null && IsThreadingType(memberType, "CancellationToken") && !member.IsImplicitlyDeclared
                        && (member.IsStatic || !isStatic) && semanticModel.IsAccessible(position, member))
                    {
                        return member.Name;
                    }
                }

                isStatic = true; // an enclosing type's instance members are out of reach from a nested type
            }

            return null;
        }

        private static bool DeclaredBefore(ILocalSymbol local, int position)
            => local.DeclaringSyntaxReferences.Length > 0 && local.DeclaringSyntaxReferences[0].Span.End <= position;

        private static bool IsThreadingType(ITypeSymbol type, string name)
            => type is INamedTypeSymbol { ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } named
               && named.Name == name;
    }

    internal enum SkipKind
    {
        /// <summary>No way to skip the request here.</summary>
        None,

        /// <summary><c>continue</c> the loop.</summary>
        Continue,

        /// <summary>Return early from the lambda.</summary>
        Return,
    }
}
