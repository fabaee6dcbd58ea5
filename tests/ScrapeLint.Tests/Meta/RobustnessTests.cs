using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeLint.Tests.Corpus;
using ScrapeLint.Tests.Verifiers;

namespace ScrapeLint.Tests.Meta;

/// <summary>
/// Half-typed code in an IDE: every analyzer runs over truncated and damaged versions of the sample, corpus
/// and rule-test sources and must never throw (an AD0001 fails the test).
/// </summary>
public class RobustnessTests
{
    /// <summary>At most this many prefixes of one source: short sources are cut after every token, long ones at evenly spaced tokens.</summary>
    private const int MaxPrefixes = 48;

    /// <summary>Prefixes analysed together, each its own syntax tree of one compilation.</summary>
    private const int PrefixesPerCompilation = 16;


    internal static readonly Lazy<IReadOnlyDictionary<string, string>> AllSources = new(LoadSources);

    /// <summary>Sample and corpus files by path; the C# sources of the rule tests as <c>path#n</c> (n-th raw string of the file).</summary>
    public static TheoryData<string> Sources
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var key in AllSources.Value.Keys.Order(StringComparer.Ordinal))
            {
                data.Add(key);
            }

            return data;
        }
    }

    [Fact]
    public void SourcesIncludeSamplesCorpusAndRuleTests()
    {
        var keys = AllSources.Value.Keys.ToList();
        Assert.Contains(keys, k => k.StartsWith("samples/", StringComparison.Ordinal));
        Assert.Contains(keys, k => k.StartsWith("tests/ScrapeLint.Tests/Corpus/", StringComparison.Ordinal));
        Assert.True(keys.Count(k => k.StartsWith("tests/ScrapeLint.Tests/Rules/", StringComparison.Ordinal)) >= 100, "the rule tests' sources were not extracted");
        Assert.DoesNotContain(AllSources.Value.Values, s => s.Contains("{|#", StringComparison.Ordinal));
    }

    /// <summary>
    /// Every prefix ending after a token (sampled evenly to <see cref="MaxPrefixes"/> for long sources, with
    /// a fixed offset per source so every token position is hit by some source).
    /// </summary>
    [Theory]
    [MemberData(nameof(Sources))]
    public async Task TruncatedSourcesNeverCrashTheAnalyzers(string source)
    {
        var text = AllSources.Value[source];
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        var stride = Math.Max(1, (tokens.Count + MaxPrefixes - 1) / MaxPrefixes);
        var offset = StableSeed(source) % stride;
        var prefixes = new List<string>();
        for (var i = offset; i < tokens.Count; i += stride)
        {
            prefixes.Add(text.Substring(0, tokens[i].Span.End));
        }

        foreach (var batch in prefixes.Chunk(PrefixesPerCompilation))
        {
            await RunAsync(batch, CancellationToken.None);
        }
    }

    /// <summary>Random token deletions and duplications, fixed seed per source.</summary>
    [Theory]
    [MemberData(nameof(Sources))]
    public async Task DamagedSourcesNeverCrashTheAnalyzers(string source)
    {
        var text = AllSources.Value[source];
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        var random = new Random(StableSeed(source));
        var damaged = new List<string>();
        for (var round = 0; round < 8; round++)
        {
            // Delete or duplicate a few tokens, working from the end so earlier spans stay valid.
            var result = text;
            foreach (var token in Enumerable.Range(0, 1 + round % 4).Select(_ => tokens[random.Next(tokens.Count)]).Distinct().OrderByDescending(t => t.SpanStart))
            {
                result = random.Next(2) == 0
                    ? result.Remove(token.SpanStart, token.Span.Length)
                    : result.Insert(token.SpanStart, token.Text + " ");
            }

            damaged.Add(result);
        }

        await RunAsync(damaged, CancellationToken.None);
    }

    [Fact]
    public async Task AnalysisHonoursCancellation()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "samples", "ProfileHarvester", "LinkCrawler.cs"));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AllAnalyzers.RunAsync(text, OutputKind.DynamicallyLinkedLibrary, requireNoErrors: false, cancelled.Token));
    }

    /// <summary>Cancelled midway through a large analysis, ScrapeLint stops long before the analysis would have finished.</summary>
    /// <summary>Each source its own syntax tree of one compilation, every ScrapeLint analyzer run over them; no AD0001.</summary>
    internal static async Task RunAsync(IEnumerable<string> sources, CancellationToken cancellationToken)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parse, $"Source{i}.cs", cancellationToken: cancellationToken))
            .Append(CSharpSyntaxTree.ParseText(TestReferences.AbotStubs, parse, "Stubs.Abot.cs", cancellationToken: cancellationToken));
        var compilation = CSharpCompilation.Create("Robustness", trees, await AllAnalyzers.ReferencesAsync(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(AllAnalyzers.Analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        var crashes = diagnostics.Where(d => d.Id == "AD0001").ToList();
        Assert.True(crashes.Count == 0, "An analyzer threw:\n" + string.Join("\n", crashes.Select(d => d.GetMessage())));
    }

    private static IReadOnlyDictionary<string, string> LoadSources()
    {
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        string Relative(string file) => Path.GetRelativePath(Repository.Root, file).Replace('\\', '/');
        bool IsBuildOutput(string file) => file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

        var whole = new[] { Path.Combine(Repository.Root, "samples", "ProfileHarvester"), Path.Combine(Repository.Root, "tests", "ScrapeLint.Tests", "Corpus") };
        foreach (var file in whole.SelectMany(r => Directory.GetFiles(r, "*.cs", SearchOption.AllDirectories)).Where(f => !IsBuildOutput(f) && !f.EndsWith("CorpusTests.cs", StringComparison.Ordinal)))
        {
            sources[Relative(file)] = File.ReadAllText(file);
        }

        // The rule tests hold their sources in raw string literals: every one that reads like C# code, markup removed.
        foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "tests", "ScrapeLint.Tests", "Rules"), "*.cs", SearchOption.AllDirectories).Where(f => !IsBuildOutput(f)))
        {
            var literals = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot().DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                .Select(t => TestMarkup.Strip(t.ValueText))
                .Where(s => s.Contains("class ", StringComparison.Ordinal) || s.Contains("namespace ", StringComparison.Ordinal) || s.Contains("using ", StringComparison.Ordinal));
            var n = 0;
            foreach (var literal in literals)
            {
                sources[$"{Relative(file)}#{n++}"] = literal;
            }
        }

        return sources;
    }

    private static int StableSeed(string key)
    {
        var hash = 17;
        foreach (var c in key)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash & int.MaxValue;
    }
}

/// <summary>Timing tests run alone: measured against each other, runs that share the machine with other tests are noise.</summary>
[CollectionDefinition(nameof(TimingTests), DisableParallelization = true)]
public sealed class TimingCollection
{
}

[Collection(nameof(TimingTests))]
public class TimingTests
{
    [Fact]
    public async Task AnalysisStopsPromptlyWhenCancelledMidway()
    {
        var sources = RobustnessTests.AllSources.Value.Where(p => p.Key.StartsWith("tests/ScrapeLint.Tests/Corpus/Crawlers/", StringComparison.Ordinal)).Select(p => p.Value).ToList();
        await RobustnessTests.RunAsync(sources, CancellationToken.None); // warm up: the first run also pays for JIT and references

        // A run long enough (about a second) that scheduling noise is small next to it: the corpus, repeated.
        var full = Stopwatch.StartNew();
        await RobustnessTests.RunAsync(sources, CancellationToken.None);
        full.Stop();
        for (var copies = 2; full.ElapsedMilliseconds < 1000 && copies <= 16; copies *= 2)
        {
            var repeated = Enumerable.Repeat(sources, copies).SelectMany(s => s).ToList();
            full.Restart();
            await RobustnessTests.RunAsync(repeated, CancellationToken.None);
            full.Stop();
            if (full.ElapsedMilliseconds >= 1000 || copies == 16)
            {
                sources = repeated;
            }
        }

        // Cancel a fifth of the way in; if the run beats the timer (a faster machine), cancel earlier. Other test
        // projects share the machine, so one slow stop may be noise: ignoring the token fails every attempt.
        var stops = new List<string>();
        foreach (var fraction in new[] { 5, 5, 5, 10, 20, 40 })
        {
            using var cancellation = new CancellationTokenSource();
            var delay = full.Elapsed / fraction;
            cancellation.CancelAfter(delay);
            var watch = Stopwatch.StartNew();
            try
            {
                await RobustnessTests.RunAsync(sources, cancellation.Token);
                continue;
            }
            catch (OperationCanceledException)
            {
                // Ignoring the token would take the rest of the run; honouring it takes a few callbacks.
                var afterCancel = watch.Elapsed - delay;
                if (afterCancel < full.Elapsed / 2)
                {
                    return;
                }

                stops.Add($"{afterCancel.TotalMilliseconds:N0} ms");
            }
        }

        Assert.Fail(stops.Count == 0
            ? $"every run finished before its cancellation; a full run takes {full.Elapsed.TotalMilliseconds:N0} ms"
            : $"stopped {string.Join(", ", stops)} after cancellation; a full run takes {full.Elapsed.TotalMilliseconds:N0} ms");
    }
}
