using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ScrapeLint.Rules;

namespace ScrapeLint.Tests.Verifiers;

/// <summary>
/// Runs one rule of <see cref="EvasionAnalyzer"/> and its code fix: the diagnostics marked in the sources
/// (<c>{|SL3001:…|}</c>) are fixed one by one and by Fix All (document, project, solution), and the fixed
/// sources must match exactly, compile, and raise none of the rule's diagnostics.
/// </summary>
internal static class EvasionCodeFixVerifier<TFix>
    where TFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string ruleId, string source, string fixedSource, string? editorConfig = null, string? equivalenceKey = null)
        => VerifyAsync(ruleId, new[] { source }, new[] { fixedSource }, editorConfig, equivalenceKey);

    public static Task VerifyAsync(string ruleId, string[] sources, string[] fixedSources, string? editorConfig = null, string? equivalenceKey = null)
    {
        var test = new CSharpCodeFixTest<EvasionAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Net80,
            CodeActionEquivalenceKey = equivalenceKey,

            // Warnings as errors: the sources and the fixed sources must compile without a single warning
            // (CS1591, missing XML comments, exists only for projects that generate a documentation file).
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.DisabledDiagnostics.Add("CS1591");
        test.SolutionTransforms.Add(StrictCompilation.WithNullableEnabled);
        test.DisabledDiagnostics.AddRange(EvasionAnalyzer.Rules.Select(r => r.Descriptor.Id).Where(id => id != ruleId));
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
            test.FixedState.Sources.Add(($"/0/Test{i}.cs", fixedSources[i]));
        }

        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.AdditionalReferences.AddRange(TestReferences.ThirdParty);
            if (editorConfig is not null)
            {
                state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
            }
        }

        return test.RunAsync(CancellationToken.None);
    }
}
