using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>
    /// Runs the crawl rules (SL1001, SL1002, SL2001, SL2002, SL2003, SL4001). They read the same request
    /// model, so one analyzer looks at each request once and asks every rule about it. It runs once per file, on the
    /// nodes the syntax index found that may be requests (<see cref="CrawlModel.Candidates"/>): the other invocations
    /// cost it nothing, not even a callback, and a file that calls no sink or wrapper is done with one lookup. Running
    /// on the file's semantic model also means the bodies it binds are the ones the driver binds for operation
    /// analyzers, whichever comes first. Registers nothing in a project that cannot send a request
    /// (<see cref="CrawlModel.MayRequest"/>).
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
            // No callback for generated files (no Analyze flag), and no second filtering of what the callbacks report, which
            // would cost the driver a walk of every tree a diagnostic is reported in. Types and members marked
            // [GeneratedCode] inside an ordinary file are skipped here (see GeneratedCodeTests).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                var model = CrawlModel.For(start.Compilation);
                if (!model.MayRequest(start.Options, start.CancellationToken))
                {
                    return;
                }

                start.RegisterSemanticModelAction(file =>
                {
                    foreach (var node in model.Candidates(file.SemanticModel.SyntaxTree, file.Options, file.CancellationToken))
                    {
                        file.CancellationToken.ThrowIfCancellationRequested();
                        if (GeneratedCode.IsInMarkedSymbol(node, file.SemanticModel, file.CancellationToken)
                            || model.GetRequest(node, file.SemanticModel, file.Options, file.CancellationToken) is not { } request)
                        {
                            continue;
                        }

                        foreach (var rule in Rules)
                        {
                            if (rule.Check(request) is { } diagnostic)
                            {
                                file.ReportDiagnostic(diagnostic);
                            }
                        }
                    }
                });
            });
        }
    }
}
