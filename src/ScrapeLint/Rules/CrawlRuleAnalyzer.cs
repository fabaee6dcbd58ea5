using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>
    /// The shape every crawl rule shares: concurrent, generated code skipped, the request model resolved
    /// once per compilation, and a cheap name check before anything is bound. A rule only says which
    /// facts of a request make it a finding.
    /// </summary>
    public abstract class CrawlRuleAnalyzer : DiagnosticAnalyzer
    {
        private readonly DiagnosticDescriptor descriptor;

        private protected CrawlRuleAnalyzer(DiagnosticDescriptor descriptor)
        {
            this.descriptor = descriptor;
        }

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(descriptor);

        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var model = CrawlModel.For(start.Compilation);
                start.RegisterSyntaxNodeAction(
                    node =>
                    {
                        if (!model.IsCandidate(node.Node, node.Options, node.CancellationToken))
                        {
                            return;
                        }

                        Analyze(model, node);
                    },
                    SyntaxKind.InvocationExpression,
                    SyntaxKind.SimpleAssignmentExpression);
            });
        }

        private protected virtual void Analyze(CrawlModel model, SyntaxNodeAnalysisContext context)
        {
            var request = model.GetRequest(context.Node, context.SemanticModel, context.Options, context.CancellationToken);
            if (request is not null)
            {
                var diagnostic = Check(request);
                if (diagnostic is not null)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }

        /// <summary>The rule's paragraph of the spec: a diagnostic for this request, or null.</summary>
        private protected abstract Diagnostic? Check(Request request);

        private protected Diagnostic Report(Location location, params object[] args)
            => Diagnostic.Create(descriptor, location, args);
    }
}
