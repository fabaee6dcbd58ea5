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
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.OutputKind = outputKind;
        test.DisabledDiagnostics.AddRange(new TAnalyzer().SupportedDiagnostics.Select(d => d.Id).Where(id => id != ruleId));
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
        }

        test.TestState.Sources.Add(("/0/Stubs.Abot.cs", TestReferences.AbotStubs));
        test.TestState.Sources.Add(("/0/Stubs.Evasion.cs", EvasionStubs.Source));
        test.TestState.AdditionalReferences.AddRange(TestReferences.ThirdParty);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}
