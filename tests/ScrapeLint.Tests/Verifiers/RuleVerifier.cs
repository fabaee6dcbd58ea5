using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ScrapeLint.Tests.Verifiers;

/// <summary>
/// Runs one rule of an analyzer that is not <see cref="ScrapeLint.Rules.CrawlAnalyzer"/> (the evasion analyzer, the
/// face analyzer) with the same references as <see cref="AnalyzerVerifier{TRule}"/> plus the stubs of
/// <see cref="EvasionStubs"/>. The analyzer's other rules are disabled.
/// </summary>
internal static class RuleVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static Task VerifyAsync(string ruleId, string source, params DiagnosticResult[] expected)
        => VerifyAsync(ruleId, new[] { source }, OutputKind.DynamicallyLinkedLibrary, expected);

    public static Task VerifyAsync(string ruleId, string[] sources, OutputKind outputKind, params DiagnosticResult[] expected)
    {
        var test = TestReferences.CreateTest<TAnalyzer>(ruleId, sources, editorConfig: null, outputKind, EvasionStubs.Source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
