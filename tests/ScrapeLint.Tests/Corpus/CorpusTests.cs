using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeLint.Tests.Meta;
using ScrapeLint.Tests.Verifiers;

namespace ScrapeLint.Tests.Corpus;

/// <summary>
/// Whole files of code written like real projects, run through every ScrapeLint analyzer at once.
/// A file states what it expects in comments on the line where a finding starts:
/// <c>// expect: SL2001, SL2002</c>. Every other line must stay silent. Files under <c>Silent/</c>
/// are ordinary code and expect nothing; files under <c>Crawlers/</c> are scrapers.
/// </summary>
public class CorpusTests
{
    private static readonly Regex Expectation = new(@"//\s*expect:\s*(?<ids>SL\d{4}(\s*,\s*SL\d{4})*)", RegexOptions.Compiled);

    public static TheoryData<string> Files
    {
        get
        {
            var data = new TheoryData<string>();
            var root = Path.Combine(Repository.Root, "tests", "ScrapeLint.Tests", "Corpus");
            foreach (var file in Directory.GetFiles(root, "*.cs", SearchOption.AllDirectories).Where(f => !f.EndsWith("CorpusTests.cs", StringComparison.Ordinal)).OrderBy(f => f))
            {
                data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task FindingsMatchTheExpectations(string file)
    {
        var path = Path.Combine(Repository.Root, "tests", "ScrapeLint.Tests", "Corpus", file);
        var text = await File.ReadAllTextAsync(path);
        var diagnostics = await AllAnalyzers.RunAsync(text, file.EndsWith("Program.cs", StringComparison.Ordinal) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary);

        var lines = text.Split('\n');
        var expected = new SortedSet<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var match = Expectation.Match(lines[i]);
            if (match.Success)
            {
                foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
                {
                    expected.Add($"{i + 1}: {id}");
                }
            }
        }

        var actual = new SortedSet<string>(diagnostics.Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id}"));
        Assert.True(expected.SetEquals(actual), $"{file}\nexpected: {string.Join("; ", expected)}\nactual:   {string.Join("; ", actual)}\n"
            + string.Join("\n", diagnostics.Select(d => $"  {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id} {d.GetMessage()}")));
    }
}

/// <summary>Compiles a source with the test references and runs every ScrapeLint analyzer over it.</summary>
public static class AllAnalyzers
{
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(ScrapeLint.Rules.CrawlAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static ImmutableArray<MetadataReference>? references;

    public static async Task<ImmutableArray<MetadataReference>> ReferencesAsync()
        => references ??= (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.ThirdParty);

    public static async Task<Compilation> CompileAsync(string source, OutputKind kind, bool requireNoErrors = true)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Corpus",
            new[] { CSharpSyntaxTree.ParseText(source, parse, "Source.cs"), CSharpSyntaxTree.ParseText(TestReferences.AbotStubs, parse, "Stubs.Abot.cs"), CSharpSyntaxTree.ParseText(EvasionStubs.Source, parse, "Stubs.Evasion.cs") },
            await ReferencesAsync(),
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        if (requireNoErrors)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The source does not compile:\n" + string.Join("\n", errors));
        }

        return compilation;
    }

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(string source, OutputKind kind, bool requireNoErrors = true, CancellationToken cancellationToken = default)
    {
        var compilation = await CompileAsync(source, kind, requireNoErrors);
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(Analyzers, options);
        var all = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken);
        var crashes = all.Where(d => d.Id == "AD0001").ToList();
        Assert.True(crashes.Count == 0, "An analyzer threw:\n" + string.Join("\n", crashes.Select(d => d.GetMessage())));
        return all.Where(d => d.Id.StartsWith("SL", StringComparison.Ordinal)).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }
}
