using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ScrapeLint.Tests.Verifiers;

/// <summary>
/// Runs one rule of an analyzer that is not <see cref="ScrapeLint.Rules.CrawlAnalyzer"/> (the evasion analyzer, the
/// face analyzer) with the same references as <see cref="AnalyzerVerifier{TRule}"/> plus the stubs of
/// <see cref="EvasionStubs"/>, referenced as a compiled assembly. The analyzer's other rules are disabled.
/// </summary>
internal static class RuleVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static Task VerifyAsync(string ruleId, string source, params DiagnosticResult[] expected)
        => VerifyAsync(ruleId, new[] { source }, OutputKind.DynamicallyLinkedLibrary, expected);

    public static Task VerifyAsync(string ruleId, string[] sources, OutputKind outputKind, params DiagnosticResult[] expected)
        => VerifyAsync(ruleId, sources, editorConfig: null, outputKind, expected);

    /// <summary>With <c>.editorconfig</c> lines (<c>scrapelint.allowed_domains = …</c>).</summary>
    public static Task VerifyAsync(string ruleId, string source, string editorConfig, params DiagnosticResult[] expected)
        => VerifyAsync(ruleId, new[] { source }, editorConfig, OutputKind.DynamicallyLinkedLibrary, expected);

    public static Task VerifyAsync(string ruleId, string[] sources, string? editorConfig, OutputKind outputKind, params DiagnosticResult[] expected)
    {
        var test = TestReferences.CreateTest<TAnalyzer>(ruleId, sources, editorConfig, outputKind);
        test.TestState.AdditionalReferences.Add(TestReferences.EvasionStubsImage);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
