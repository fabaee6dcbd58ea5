using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using ScrapeLint.Rules;

namespace ScrapeLint.Tests.Verifiers;

/// <summary>The libraries a test compilation references besides the request libraries.</summary>
[Flags]
public enum FixLibraries
{
    /// <summary>Only the BCL: the fixes fall back to Task.Delay/Thread.Sleep.</summary>
    None = 0,
    Compliance = 1,
    RateLimiting = 2,
    All = Compliance | RateLimiting,
}

/// <summary>
/// Runs one rule of <see cref="CrawlAnalyzer"/> and its code fix: the diagnostics marked in the source
/// (<c>{|SL2001:…|}</c>) are fixed one by one and by Fix All (document, project, solution), and the
/// fixed source must match exactly, compile, and raise none of the rule's diagnostics.
/// </summary>
internal static class CodeFixVerifier<TRule, TFix>
    where TRule : CrawlRule, new()
    where TFix : CodeFixProvider, new()
{
    private static readonly string RuleId = new TRule().Descriptor.Id;

    public static Task VerifyAsync(string source, string fixedSource, FixLibraries libraries = FixLibraries.All, string? editorConfig = null, string? equivalenceKey = null)
        => VerifyAsync(new[] { source }, new[] { fixedSource }, libraries, editorConfig, equivalenceKey);

    public static Task VerifyAsync(string[] sources, string[] fixedSources, FixLibraries libraries = FixLibraries.All, string? editorConfig = null, string? equivalenceKey = null)
    {
        var test = CreateTest(sources, fixedSources, libraries, editorConfig);
        test.CodeActionEquivalenceKey = equivalenceKey;
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>The source is reported but no fix is offered (nothing to call, or no safe place for a guard).</summary>
    public static Task VerifyNoFixAsync(string source, FixLibraries libraries = FixLibraries.All, string? editorConfig = null)
        => VerifyAsync(source, source, libraries, editorConfig);

    public static CSharpCodeFixTest<CrawlAnalyzer, TFix, DefaultVerifier> CreateTest(string[] sources, string[] fixedSources, FixLibraries libraries, string? editorConfig)
    {
        var test = new CSharpCodeFixTest<CrawlAnalyzer, TFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Net80,

            // Warnings as errors: the sources and the fixed sources must compile without a single warning
            // (CS1591, missing XML comments, exists only for projects that generate a documentation file).
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
        };
        test.DisabledDiagnostics.Add("CS1591");
        test.SolutionTransforms.Add(StrictCompilation.WithNullableEnabled);
        if (RuleId == "SL2003")
        {
            // SL2003 is found at a crawl request and reported at the fan-out call around it, outside the analysed
            // node: a non-local diagnostic, which an IDE offers fixes for once the document has been analysed.
            test.CodeFixTestBehaviors |= CodeFixTestBehaviors.SkipLocalDiagnosticCheck;
        }

        test.DisabledDiagnostics.AddRange(CrawlAnalyzer.Rules.Select(r => r.Descriptor.Id).Where(id => id != RuleId));
        var references = TestReferences.ThirdParty.Where(r => Includes(r, libraries)).ToArray();
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
            test.FixedState.Sources.Add(($"/0/Test{i}.cs", fixedSources[i]));
        }

        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.AdditionalReferences.AddRange(references);
            if (editorConfig is not null)
            {
                state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
            }
        }

        return test;
    }

    public static bool Includes(MetadataReference reference, FixLibraries libraries)
    {
        var name = Path.GetFileNameWithoutExtension(reference.Display ?? "");
        return name switch
        {
            "ScrapeLint.Compliance" => libraries.HasFlag(FixLibraries.Compliance),
            "System.Threading.RateLimiting" => libraries.HasFlag(FixLibraries.RateLimiting),
            _ => true,
        };
    }
}
