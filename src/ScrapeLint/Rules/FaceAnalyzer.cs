using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>
    /// SL1003: a face detection, landmark or recognition API applied to an image that came over HTTP in the
    /// same method, from a project method that downloads it, or from the project's callers of a helper. Face
    /// analysis of local files, uploads and camera frames is silent. Registers nothing when no face library
    /// is visible to the compilation.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class FaceAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
            RuleIdentifiers.FaceRecognitionOnWebImages,
            title: "Face recognition on images from the web",
            messageFormat: "'{0}' analyses faces in {1}: face geometry is biometric data (BIPA; GDPR Article 9)",
            RuleCategories.PersonalData,
            DiagnosticSeverity.Warning,
            description: "Face detection and recognition on images collected from the web turns other people's photos into biometric identifiers without their consent; this is how face-search databases are built.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // No callback in generated code (no Analyze flag), and no second filtering of what the callbacks report, which
            // would cost the driver a walk of every tree a diagnostic is reported in (see GeneratedCodeTests).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                if (!FaceApis.AnyReferenced(start.Compilation))
                {
                    return;
                }

                var model = EvasionModel.For(start.Compilation);
                start.RegisterSyntaxNodeAction(
                    node =>
                    {
                        var invocation = (InvocationExpressionSyntax)node.Node;
                        if (SyntaxIndex.InvokedName(invocation) is not { } name || !FaceApis.MethodNames.Contains(name)
                            || node.SemanticModel.GetOperation(invocation, node.CancellationToken) is not IInvocationOperation call
                            || FaceApis.Match(call.TargetMethod) is not { } api)
                        {
                            return;
                        }

                        foreach (var argument in call.Arguments)
                        {
                            if (FaceApis.DownloadedBy(argument.Value, model, node.CancellationToken) is { } download)
                            {
                                node.ReportDiagnostic(Diagnostic.Create(Rule, invocation.GetLocation(), api, $"an image downloaded by '{download}'"));
                                return;
                            }
                        }

                        // The cloud service downloads the image itself: a web image unless its host is the project's.
                        if (FaceApis.UrlArgument(call) is { } url
                            && FaceApis.WebImage(url, model, ScrapeLintOptions.For(node.Options, invocation.SyntaxTree), node.CancellationToken) is { } image)
                        {
                            node.ReportDiagnostic(Diagnostic.Create(Rule, invocation.GetLocation(), api, image + " (the face service downloads it)"));
                        }
                    },
                    SyntaxKind.InvocationExpression);
            });
        }
    }
}
