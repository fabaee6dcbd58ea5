using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>
    /// Runs the crawl rules (SL1001, SL1002, SL2001, SL2002, SL2003, SL4001). They read the same request
    /// model, so one analyzer visits each invocation once, rejects it by a name check before anything is
    /// bound, and asks every rule about the requests that remain. Registers nothing in a project that cannot send
    /// a request (<see cref="CrawlModel.MayRequest"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CrawlAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly ImmutableArray<CrawlRule> Rules = ImmutableArray.Create<CrawlRule>(
            new ProfilePagesInLoopRule(),
            new BulkImageDownloadRule(),
            new RobotsTxtRule(),
            new RateLimitRule(),
            new UnboundedConcurrencyRule(),
            new RestrictedPlatformRule());

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Rules.Select(r => r.Descriptor).ToImmutableArray();

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // No callback in generated code (no Analyze flag), and no second filtering of what the callbacks report, which
            // would cost the driver a walk of every tree a diagnostic is reported in (see GeneratedCodeTests).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var model = CrawlModel.For(start.Compilation);
                if (!model.MayRequest(start.Options, start.CancellationToken))
                {
                    return;
                }

                start.RegisterSyntaxNodeAction(
                    node =>
                    {
                        if (!model.IsCandidate(node.Node, node.Options, node.CancellationToken))
                        {
                            return;
                        }

                        var request = model.GetRequest(node.Node, node.SemanticModel, node.Options, node.CancellationToken);
                        if (request is null)
                        {
                            return;
                        }

                        foreach (var rule in Rules)
                        {
                            if (rule.Check(request) is { } diagnostic)
                            {
                                node.ReportDiagnostic(diagnostic);
                            }
                        }
                    },
                    SyntaxKind.InvocationExpression,
                    SyntaxKind.SimpleAssignmentExpression);
            });
        }
    }
}
