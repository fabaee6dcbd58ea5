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
            foreach (var file in CorpusFiles())
            {
                data.Add(file);
            }

            return data;
        }
    }

    /// <summary>
    /// The files that use nothing but .NET (and the compliance library): they must find the same in a project that
    /// references no scraping library at all, where the analyzers first decide from the text whether the project
    /// can send a request.
    /// </summary>
    public static TheoryData<string> DotNetOnlyFiles
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var file in CorpusFiles())
            {
                var text = File.ReadAllText(Path.Combine(Root, file));
                if (!Regex.IsMatch(text, @"^using (?!System\b|ScrapeLint\.Compliance\b|var\b)", RegexOptions.Multiline))
                {
                    data.Add(file);
                }
            }

            return data;
        }
    }

    private static string Root => Path.Combine(Repository.Root, "tests", "ScrapeLint.Tests", "Corpus");

    private static IEnumerable<string> CorpusFiles()
        => Directory.GetFiles(Root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("CorpusTests.cs", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'));

    [Theory]
    [MemberData(nameof(Files))]
    public Task FindingsMatchTheExpectations(string file) => VerifyAsync(file, libraries: true);

    [Theory]
    [MemberData(nameof(DotNetOnlyFiles))]
    public Task FindingsMatchTheExpectationsWithoutLibraryReferences(string file) => VerifyAsync(file, libraries: false);

    private static async Task VerifyAsync(string file, bool libraries)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Root, file));
        var diagnostics = await AllAnalyzers.RunAsync(text, file.EndsWith("Program.cs", StringComparison.Ordinal) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, libraries: libraries);

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

    /// <summary>
    /// The source in a project with the test references and the library stubs, or, without <paramref name="libraries"/>,
    /// with .NET and the compliance library only.
    /// </summary>
    public static async Task<Compilation> CompileAsync(string source, OutputKind kind, bool requireNoErrors = true, bool libraries = true)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new[] { CSharpSyntaxTree.ParseText(source, parse, "Source.cs") };
        var compliance = MetadataReference.CreateFromFile(typeof(ScrapeLint.Compliance.CrawlPolicy).Assembly.Location);
        var compilation = CSharpCompilation.Create(
            "Corpus",
            libraries ? trees.Append(CSharpSyntaxTree.ParseText(TestReferences.AbotStubs, parse, "Stubs.Abot.cs")) : trees,
            libraries ? (await ReferencesAsync()).Add(TestReferences.EvasionStubsImage) : (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).Add(compliance),
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        if (requireNoErrors)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "The source does not compile:\n" + string.Join("\n", errors));
        }

        return compilation;
    }

    public static async Task<ImmutableArray<Diagnostic>> RunAsync(string source, OutputKind kind, bool requireNoErrors = true, CancellationToken cancellationToken = default, bool libraries = true)
    {
        var compilation = await CompileAsync(source, kind, requireNoErrors, libraries);
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(Analyzers, options);
        var all = await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken);
        var crashes = all.Where(d => d.Id == "AD0001").ToList();
        Assert.True(crashes.Count == 0, "An analyzer threw:\n" + string.Join("\n", crashes.Select(d => d.GetMessage())));
        return all.Where(d => d.Id.StartsWith("SL", StringComparison.Ordinal)).OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }
}
