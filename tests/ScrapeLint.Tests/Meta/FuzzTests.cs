using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ScrapeLint.CodeFixes;
using ScrapeLint.Tests.Corpus;
using ScrapeLint.Tests.Verifiers;
using Xunit.Abstractions;

namespace ScrapeLint.Tests.Meta;

/// <summary>
/// Issue 18: seeded mutants of the sources of <see cref="RobustnessTests.AllSources"/> (token deletions, swaps and
/// duplications, truncations, deep nesting, long chains, escapes, partial-class splits), analysed by every ScrapeLint
/// analyzer in batches of <see cref="MutantsPerCompilation"/> per compilation (a failing batch is checked again mutant by
/// mutant); on a sample of them the registered code fixes are applied. Fails on any analyzer or fixer exception and on
/// any analysis or fix over its time budget.
/// <para>
/// CI runs <see cref="DefaultMutants"/> mutants of <see cref="DefaultSeed"/>. <c>SCRAPELINT_FUZZ_SEED</c> and
/// <c>SCRAPELINT_FUZZ_MUTANTS</c> change both (scripts/fuzz.sh); <c>SCRAPELINT_FUZZ_ONLY=i</c> runs mutant i alone,
/// which is how a failure message says to reproduce it. Mutant i depends only on the seed and i, never on the
/// other mutants or on the order they ran in.
/// </para>
/// </summary>
public class FuzzTests
{
    /// <summary>The seed CI runs.</summary>
    public const int DefaultSeed = 20261218;

    /// <summary>Mutants CI runs: about 50 s on a 2-core machine (SCRAPELINT_FUZZ_MUTANTS for more).</summary>
    public const int DefaultMutants = 2500;

    /// <summary>
    /// Time budget of a batch of mutants' analysis (the ScrapeLint analyzers' own callbacks, from the driver's telemetry,
    /// which includes the binding those callbacks ask for): <see cref="BudgetPerLine"/> per line, at least
    /// <see cref="BudgetFloor"/>. On the benchmark workloads ScrapeLint costs a few µs a line (README, Performance); on the
    /// small sources of this test, where the analyzers' per-compilation work and the first binding of each method weigh
    /// more, the worst batch of the CI seed costs about 1.4 ms a line on a 2-core machine with both cores busy. 10 ms a
    /// line leaves a factor of seven for a slower or busier CI machine, collection pauses and the JIT, while the
    /// exponential shapes of issue 18 (a 57-line method at 13.9 s, 240 ms a line) exceed it twenty times over. The floor
    /// covers a batch of a few short mutants, whose fixed costs are not proportional to their lines.
    /// </summary>
    private static readonly TimeSpan BudgetPerLine = TimeSpan.FromMilliseconds(10);

    private static readonly TimeSpan BudgetFloor = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A fix's floor is higher: applying it compiles the changed project again (the library stubs too), formats and
    /// simplifies, about half a second on a 2-core machine for a small file; the per-line rate is the analysis's.
    /// </summary>
    private static readonly TimeSpan FixBudgetFloor = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Mutants analysed in one compilation: each compilation pays for binding the library stubs and the analyzers'
    /// per-compilation models, several times a small mutant's own cost. A batch that fails is checked again mutant by
    /// mutant, so the failure names one mutant when one fails alone.
    /// </summary>
    private const int MutantsPerCompilation = 16;

    /// <summary>Beyond this a mutant's analysis (or fix) counts as hung and is abandoned: the test fails instead of never ending.</summary>
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(60);

    /// <summary>One mutant in <see cref="FixEvery"/> also has its fixable diagnostics fixed (at most <see cref="FixesPerMutant"/> of them).</summary>
    private const int FixEvery = 8;

    private const int FixesPerMutant = 1;

    /// <summary>The test stops after this many failures: the first few say enough.</summary>
    private const int MaxFailures = 5;

    private static readonly ImmutableArray<CodeFixProvider> Providers = typeof(CrawlCodeFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    private static readonly ConcurrentDictionary<string, SyntaxTree> Parsed = new(StringComparer.Ordinal);

    private readonly ITestOutputHelper output;

    public FuzzTests(ITestOutputHelper output) => this.output = output;

    public enum MutationKind
    {
        Deletion,
        SwapOrDuplication,
        Truncation,
        DeepNesting,
        LongChain,
        Escapes,
        PartialSplit,
    }

    /// <summary>A mutant: its files (a partial split may add one), what was done, and to which source.</summary>
    public sealed record Mutant(int Index, string Source, MutationKind Kind, string Detail, IReadOnlyList<string> Files)
    {
        public int Lines => Files.Sum(f => f.Count(c => c == '\n') + 1);

        public override string ToString() => $"mutant {Index} ({Kind}: {Detail}) of {Source}";
    }

    [Fact]
    public async Task MutantsNeverCrashNorExceedTheirTimeBudget()
    {
        var seed = EnvironmentInt("SCRAPELINT_FUZZ_SEED") ?? DefaultSeed;
        var count = EnvironmentInt("SCRAPELINT_FUZZ_MUTANTS") ?? DefaultMutants;
        var indices = Environment.GetEnvironmentVariable("SCRAPELINT_FUZZ_ONLY") is { Length: > 0 } only
            ? (only.Split('-') is [var from, var to] ? Enumerable.Range(int.Parse(from), int.Parse(to) - int.Parse(from) + 1) : new[] { int.Parse(only) }).ToArray()
            : Enumerable.Range(0, count).ToArray();
        var references = await ReferencesAsync();

        // Untimed: the first analysis and fix pay for the JIT and the references' symbol tables.
        var warmUp = RobustnessTests.AllSources.Value.First(p => p.Key.StartsWith("tests/ScrapeLint.Tests/Corpus/Crawlers/", StringComparison.Ordinal));
        await CheckAsync(new[] { new Mutant(-1, warmUp.Key, MutationKind.Deletion, "none (warm-up)", new[] { warmUp.Value }) }, references, timed: false);

        var failures = new ConcurrentQueue<string>();
        var kinds = new ConcurrentDictionary<MutationKind, int>();
        var fixesApplied = 0;
        var checkedMutants = 0;
        var slowest = (PerLine: 0.0, Name: "");
        var gate = new object();
        var watch = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        try
        {
            var batches = indices.Chunk(EnvironmentInt("SCRAPELINT_FUZZ_BATCH") ?? MutantsPerCompilation);
            await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = stop.Token }, async (batch, _) =>
            {
                var mutants = batch.Select(i => Mutate(seed, i)).ToList();
                Interlocked.Add(ref checkedMutants, mutants.Count);
                foreach (var mutant in mutants)
                {
                    kinds.AddOrUpdate(mutant.Kind, 1, (_, n) => n + 1);
                }

                var result = await CheckAsync(mutants, references);
                Interlocked.Add(ref fixesApplied, result.FixesApplied);
                lock (gate)
                {
                    var perLine = result.AnalyzerTime.TotalMilliseconds / mutants.Sum(m => m.Lines);
                    if (perLine > slowest.PerLine)
                    {
                        slowest = (perLine, batch.Length == 1 ? mutants[0].ToString() : $"mutants {batch[0]}-{batch[^1]}");
                    }
                }

                if (result.Failure is null)
                {
                    return;
                }

                // Which mutant? Each alone, with its own budget; if none fails alone, the batch is the reproduction.
                var culprits = new List<string>();
                foreach (var mutant in mutants)
                {
                    if ((await CheckAsync(new[] { mutant }, references)).Failure is { } alone)
                    {
                        culprits.Add($"seed {seed}, {mutant}: {alone}\n  mutant saved to {Save(seed, mutant)}\n  reproduce: SCRAPELINT_FUZZ_SEED={seed} SCRAPELINT_FUZZ_ONLY={mutant.Index} dotnet test tests/ScrapeLint.Tests -c Release --filter FullyQualifiedName~FuzzTests");
                    }
                }

                if (culprits.Count == 0)
                {
                    culprits.Add($"seed {seed}, mutants {batch[0]}-{batch[^1]} analysed together (none fails alone): {result.Failure}\n  mutants saved to {string.Join(", ", mutants.Select(m => Save(seed, m)))}\n  reproduce: SCRAPELINT_FUZZ_SEED={seed} SCRAPELINT_FUZZ_ONLY={batch[0]}-{batch[^1]} dotnet test tests/ScrapeLint.Tests -c Release --filter FullyQualifiedName~FuzzTests");
                }

                foreach (var culprit in culprits)
                {
                    failures.Enqueue(culprit);
                }

                if (failures.Count >= MaxFailures)
                {
                    stop.Cancel();
                }
            });
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Enough failures to report.
        }

        output.WriteLine($"seed {seed}: {checkedMutants} of {indices.Length} mutants checked ({string.Join(", ", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}"))}), {fixesApplied} fixes applied, {watch.Elapsed.TotalSeconds:N1} s");
        output.WriteLine($"slowest analysis per line: {slowest.PerLine:N3} ms ({slowest.Name}); budget {BudgetPerLine.TotalMilliseconds} ms a line, at least {BudgetFloor.TotalSeconds} s");
        Assert.True(failures.IsEmpty, $"{failures.Count} fuzz failure(s):\n" + string.Join("\n", failures));
    }

    [Fact]
    public void MutantsAreReproducibleAndCoverEveryKind()
    {
        var first = Enumerable.Range(0, 200).Select(i => Mutate(DefaultSeed, i)).ToList();
        var again = Enumerable.Range(0, 200).Reverse().Select(i => Mutate(DefaultSeed, i)).Reverse().ToList();
        Assert.Equal(first.Select(m => string.Join("\0", m.Files)), again.Select(m => string.Join("\0", m.Files)));
        Assert.Equal(Enum.GetValues<MutationKind>().Order(), first.Select(m => m.Kind).Distinct().Order());
        Assert.Contains(first, m => m.Files.Count == 2);
        Assert.All(first, m => Assert.NotEqual(RobustnessTests.AllSources.Value[m.Source], m.Files[0]));
    }

    private sealed record CheckResult(TimeSpan AnalyzerTime, int FixesApplied, string? Failure);

    /// <summary>
    /// The mutants analysed together in one project (a compilation of its own for each batch); the sampled ones
    /// (<see cref="FixEvery"/>) have some of their diagnostics fixed. The budget is that of all their lines.
    /// </summary>
    private static async Task<CheckResult> CheckAsync(IReadOnlyList<Mutant> mutants, ImmutableArray<MetadataReference> references, bool timed = true)
    {
        var lines = mutants.Sum(m => m.Lines);
        var budget = timed ? TimeSpan.FromTicks(Math.Max(BudgetFloor.Ticks, BudgetPerLine.Ticks * lines)) : TimeSpan.MaxValue;
        var fixBudget = timed ? TimeSpan.FromTicks(Math.Max(FixBudgetFloor.Ticks, BudgetPerLine.Ticks * lines)) : TimeSpan.MaxValue;
        using var hang = new CancellationTokenSource(HangLimit);
        var project = CreateProject(mutants, references);
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Enqueue($"{analyzer.GetType().Name} threw {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false);

        ImmutableArray<Diagnostic> diagnostics;
        TimeSpan analyzerTime;
        try
        {
            var compilation = (await project.GetCompilationAsync(hang.Token))!;
            var withAnalyzers = compilation.WithAnalyzers(AllAnalyzers.Analyzers, options);

            // Abandoned, not awaited, past the hang limit: an analyzer that ignores the token must not hang the test.
            var analysis = withAnalyzers.GetAnalyzerDiagnosticsAsync(hang.Token);
            if (await Task.WhenAny(analysis, Task.Delay(HangLimit + TimeSpan.FromSeconds(5))) != analysis)
            {
                return new CheckResult(HangLimit, 0, $"analysis did not end within {HangLimit.TotalSeconds} s and ignored cancellation");
            }

            diagnostics = await analysis;
            analyzerTime = TimeSpan.Zero;
            foreach (var analyzer in AllAnalyzers.Analyzers)
            {
                analyzerTime += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, hang.Token)).ExecutionTime;
            }
        }
        catch (OperationCanceledException) when (hang.IsCancellationRequested)
        {
            return new CheckResult(HangLimit, 0, $"analysis did not end within {HangLimit.TotalSeconds} s");
        }

        var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()).Concat(exceptions).ToList();
        if (crashes.Count > 0)
        {
            return new CheckResult(analyzerTime, 0, "an analyzer threw:\n" + string.Join("\n", crashes));
        }

        if (analyzerTime > budget)
        {
            return new CheckResult(analyzerTime, 0, $"analysis took {analyzerTime.TotalMilliseconds:N0} ms, over its budget of {budget.TotalMilliseconds:N0} ms ({lines} lines)");
        }

        var applied = 0;
        foreach (var mutant in mutants.Where(m => m.Index % FixEvery == 0 || !timed))
        {
            var documents = project.Documents.Where(d => d.Name.StartsWith($"Mutant{mutant.Index}_", StringComparison.Ordinal)).ToList();
            var trees = documents.Select(d => d.GetSyntaxTreeAsync().Result).ToHashSet();
            foreach (var diagnostic in diagnostics.Where(d => trees.Contains(d.Location.SourceTree) && Providers.Any(p => p.FixableDiagnosticIds.Contains(d.Id))).Take(FixesPerMutant))
            {
                var provider = Providers.First(p => p.FixableDiagnosticIds.Contains(diagnostic.Id));
                var target = project.GetDocument(diagnostic.Location.SourceTree)!;
                var watch = Stopwatch.StartNew();
                try
                {
                    var fix = FixAsync(provider, target, diagnostic, hang.Token);
                    if (await Task.WhenAny(fix, Task.Delay(HangLimit + TimeSpan.FromSeconds(5))) != fix)
                    {
                        return new CheckResult(analyzerTime, applied, $"the fix of {diagnostic} did not end within {HangLimit.TotalSeconds} s and ignored cancellation");
                    }

                    applied += await fix;
                }
                catch (OperationCanceledException) when (hang.IsCancellationRequested)
                {
                    return new CheckResult(analyzerTime, applied, $"the fix of {diagnostic} did not end within {HangLimit.TotalSeconds} s");
                }
                catch (Exception exception)
                {
                    return new CheckResult(analyzerTime, applied, $"{provider.GetType().Name} threw on {diagnostic}:\n{exception}");
                }

                if (watch.Elapsed > fixBudget)
                {
                    return new CheckResult(analyzerTime, applied, $"the fix of {diagnostic} took {watch.Elapsed.TotalMilliseconds:N0} ms, over its budget of {fixBudget.TotalMilliseconds:N0} ms ({lines} lines)");
                }
            }
        }

        return new CheckResult(analyzerTime, applied, null);
    }

    /// <summary>Every code action the provider registers for the diagnostic, applied: the changed documents' text is computed.</summary>
    private static async Task<int> FixAsync(CodeFixProvider provider, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var actions = new List<CodeAction>();
        await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), cancellationToken));
        foreach (var action in actions)
        {
            foreach (var operation in (await action.GetOperationsAsync(cancellationToken)).OfType<ApplyChangesOperation>())
            {
                foreach (var changed in operation.ChangedSolution.GetChanges(document.Project.Solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
                {
                    await operation.ChangedSolution.GetDocument(changed)!.GetTextAsync(cancellationToken);
                }
            }
        }

        return actions.Count;
    }

    /// <summary>
    /// The mutants' files (<c>Mutant{index}_{n}.cs</c>) in a project with the test references and the library stubs.
    /// Nullable analysis is off: with it on, every semantic query of a fix's simplifier runs the compiler's nullable
    /// walker over the whole method again, which takes seconds in a method of 40 nested loops (one fix: 0.15 s without,
    /// 1–8 s with). That is the compiler's cost, not ScrapeLint's, and it would make the fix budget measure it.
    /// </summary>
    private static Project CreateProject(IReadOnlyList<Mutant> mutants, ImmutableArray<MetadataReference> references)
    {
        var workspace = new AdhocWorkspace();
        var kind = mutants.Any(m => m.Source.EndsWith("Program.cs", StringComparison.Ordinal)) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Fuzz", "Fuzz", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Disable, concurrentBuild: false),
            parseOptions: Parse,
            metadataReferences: references));
        var solution = project.Solution;
        var files = mutants.SelectMany(m => m.Files.Select((f, i) => ($"Mutant{m.Index}_{i}.cs", f)));
        foreach (var (name, text) in files)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(project.Id), name, SourceText.From(text));
        }

        return solution.GetProject(project.Id)!;
    }

    /// <summary>
    /// The test references and the library stubs, compiled once into an assembly of their own: as source they would be
    /// bound and analysed again in every compilation, about as much work as a batch of mutants.
    /// </summary>
    private static async Task<ImmutableArray<MetadataReference>> ReferencesAsync()
    {
        var references = await AllAnalyzers.ReferencesAsync();
        var stubs = CSharpCompilation.Create(
            "ScrapeLint.FuzzStubs",
            new[] { TestReferences.AbotStubs, EvasionStubs.Source }.Select(s => CSharpSyntaxTree.ParseText(s, Parse)),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = stubs.Emit(image);
        Assert.True(emitted.Success, "the library stubs do not compile:\n" + string.Join("\n", emitted.Diagnostics));

        // From a file, as a project's references are: a reference made from an in-memory image has no path, and the
        // workspace's fixes (adding imports, simplifying) then index it afresh for every fix, seconds each time.
        var directory = Path.Combine(Path.GetTempPath(), "scrapelint-fuzz", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "ScrapeLint.FuzzStubs.dll");
        await File.WriteAllBytesAsync(path, image.ToArray());
        return references.Add(MetadataReference.CreateFromFile(path));
    }

    private static string Save(int seed, Mutant mutant)
    {
        var directory = Path.Combine(Path.GetTempPath(), "scrapelint-fuzz");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"seed{seed}-mutant{mutant.Index}.cs");
        File.WriteAllText(path, string.Join("\n// ---- next file of the mutant ----\n", mutant.Files));
        return path;
    }

    private static int? EnvironmentInt(string name)
        => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : null;

    // ---------------------------------------------------------------------------------------------------------
    // Mutations
    // ---------------------------------------------------------------------------------------------------------

    /// <summary>Mutant <paramref name="index"/> of <paramref name="seed"/>: a function of the two alone.</summary>
    public static Mutant Mutate(int seed, int index)
    {
        var random = new Random(unchecked((seed * 7919) ^ (index * 104729) ^ 0x5EED));
        var keys = SourceKeys.Value;
        var key = keys[random.Next(keys.Length)];
        var tree = Parsed.GetOrAdd(key, k => CSharpSyntaxTree.ParseText(RobustnessTests.AllSources.Value[k], Parse));
        var text = tree.GetText().ToString();
        var kind = (MutationKind)random.Next(Enum.GetValues<MutationKind>().Length);

        // A kind that finds nothing to work on in this source (no statement to nest, no class to split) falls back to deletions.
        (string Detail, IReadOnlyList<string> Files)? mutant = kind switch
        {
            MutationKind.Deletion => null,
            MutationKind.SwapOrDuplication => SwapOrDuplicate(tree, text, random),
            MutationKind.Truncation => Truncate(tree, text, random),
            MutationKind.DeepNesting => Nest(tree, text, random),
            MutationKind.LongChain => Chain(tree, text, random),
            MutationKind.Escapes => Escape(tree, text, random),
            MutationKind.PartialSplit => SplitPartial(tree, text, random),
            _ => null,
        };
        if (mutant is null || mutant.Value.Files[0] == text && mutant.Value.Files.Count == 1)
        {
            kind = MutationKind.Deletion;
            mutant = Delete(tree, text, random);
        }

        return new Mutant(index, key, kind, mutant.Value.Detail, mutant.Value.Files);
    }

    private static readonly Lazy<string[]> SourceKeys = new(() => RobustnessTests.AllSources.Value.Keys.Order(StringComparer.Ordinal).ToArray());

    private static List<SyntaxToken> Tokens(SyntaxTree tree)
        => tree.GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();

    private static (string Detail, IReadOnlyList<string> Files) One(string detail, string text) => (detail, new[] { text });

    /// <summary>Text edits applied from the last to the first, so the spans of the earlier ones stay valid.</summary>
    private static string Apply(string text, IEnumerable<(TextSpan Span, string Replacement)> edits)
    {
        var builder = new StringBuilder(text);
        foreach (var (span, replacement) in edits.OrderByDescending(e => e.Span.Start).ThenByDescending(e => e.Span.End))
        {
            builder.Remove(span.Start, span.Length).Insert(span.Start, replacement);
        }

        return builder.ToString();
    }

    private static (string, IReadOnlyList<string>) Delete(SyntaxTree tree, string text, Random random)
    {
        var tokens = Tokens(tree);
        var picked = Enumerable.Range(0, 1 + random.Next(4)).Select(_ => tokens[random.Next(tokens.Count)]).Distinct().ToList();
        return One($"deleted {string.Join(", ", picked.Select(t => $"'{t.Text}' at {t.SpanStart}"))}", Apply(text, picked.Select(t => (t.Span, ""))));
    }

    private static (string, IReadOnlyList<string>)? SwapOrDuplicate(SyntaxTree tree, string text, Random random)
    {
        var tokens = Tokens(tree);
        if (tokens.Count < 2)
        {
            return null;
        }

        var i = random.Next(tokens.Count - 1);
        var (a, b) = (tokens[i], tokens[i + 1]);
        if (random.Next(2) == 0)
        {
            return One($"swapped '{a.Text}' and '{b.Text}' at {a.SpanStart}", Apply(text, new[] { (a.Span, b.Text), (b.Span, a.Text) }));
        }

        var times = 1 + random.Next(3);
        return One($"duplicated '{a.Text}' at {a.SpanStart} {times} times", Apply(text, new[] { (new TextSpan(a.SpanStart, 0), string.Concat(Enumerable.Repeat(a.Text + " ", times))) }));
    }

    private static (string, IReadOnlyList<string>) Truncate(SyntaxTree tree, string text, Random random)
    {
        var tokens = Tokens(tree);
        var end = tokens[random.Next(tokens.Count)].Span.End;
        return One($"cut after {end} of {text.Length} characters", text.Substring(0, end));
    }

    private static readonly string[] NestingKinds = { "block", "if", "lambda", "async lambda", "for", "try", "using" };

    /// <summary>A statement of a block wrapped in 8–80 nested blocks, ifs, lambdas, loops or tries (mixed or one kind).</summary>
    private static (string, IReadOnlyList<string>)? Nest(SyntaxTree tree, string text, Random random)
    {
        var statements = tree.GetRoot().DescendantNodes().OfType<StatementSyntax>().Where(s => s.Parent is BlockSyntax).ToList();
        if (statements.Count == 0)
        {
            return null;
        }

        var statement = statements[random.Next(statements.Count)];
        var depth = 8 + random.Next(73);
        var single = random.Next(2) == 0 ? NestingKinds[random.Next(NestingKinds.Length)] : null;
        var open = new StringBuilder();
        var close = new StringBuilder();
        for (var level = 0; level < depth; level++)
        {
            var (before, after) = (single ?? NestingKinds[random.Next(NestingKinds.Length)]) switch
            {
                "if" => ($"if (Environment.TickCount > {level}) {{ ", " }"),
                "lambda" => ("((System.Action)(() => { ", " }))();"),
                "async lambda" => ("((System.Func<System.Threading.Tasks.Task>)(async () => { ", " }))();"),
                "for" => ($"for (var n{level} = 0; n{level} < 1; n{level}++) {{ ", " }"),
                "try" => ("try { ", " } finally { }"),
                "using" => ("using (new System.IO.MemoryStream()) { ", " }"),
                _ => ("{ ", " }"),
            };
            open.Append(before);
            close.Insert(0, after);
        }

        return One($"line {statement.GetLocation().GetLineSpan().StartLinePosition.Line + 1} wrapped {depth} deep ({single ?? "mixed"})", Apply(text, new[] { (statement.Span, open + statement.ToString() + close) }));
    }

    /// <summary>
    /// A long chain: a string literal turned into a concatenation of 20–600 parts or a call chain of 20–300 links
    /// (Flurl's AppendPathSegment where the source uses Flurl), or after a local's declaration a chain of
    /// reassignments, multi-assigned locals each feeding the next, a conditional DAG or an else-if ladder.
    /// </summary>
    private static (string, IReadOnlyList<string>)? Chain(SyntaxTree tree, string text, Random random)
    {
        var root = tree.GetRoot();
        var literals = root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken) && t.Parent is LiteralExpressionSyntax).ToList();
        var locals = root.DescendantNodes().OfType<LocalDeclarationStatementSyntax>()
            .Where(l => l.Parent is BlockSyntax && l.Declaration.Variables.Count == 1 && l.Declaration.Variables[0].Initializer is not null && !l.IsConst && l.UsingKeyword.IsKind(SyntaxKind.None))
            .ToList();
        var shape = random.Next(6);
        if (shape < 2 && literals.Count > 0)
        {
            var literal = literals[random.Next(literals.Count)];
            var parts = shape == 0 ? 20 + random.Next(581) : 20 + random.Next(281);
            var value = literal.Text;
            string replacement;
            if (shape == 0)
            {
                replacement = "(" + value + string.Concat(Enumerable.Range(0, parts).Select(i => i % 3 == 2 ? " + string.Empty" : $" + \"/p{i}\"")) + ")";
            }
            else if (text.Contains("Flurl", StringComparison.Ordinal))
            {
                replacement = value + string.Concat(Enumerable.Range(0, parts).Select(i => i % 2 == 0 ? $".AppendPathSegment(\"s{i}\")" : $".SetQueryParam(\"q{i}\", {i})"));
            }
            else
            {
                replacement = value + string.Concat(Enumerable.Range(0, parts).Select(i => i % 2 == 0 ? ".Trim()" : $".Replace(\"x{i}\", \"y{i}\")"));
            }

            return One($"string literal at {literal.SpanStart} made a {(shape == 0 ? "concatenation" : "call chain")} of {parts} parts", Apply(text, new[] { (literal.Span, replacement) }));
        }

        if (locals.Count == 0)
        {
            return null;
        }

        // Locals that hold a string (a URL most often) feed the rules' evaluation; any local when there is none.
        var strings = locals.Where(l => l.Declaration.Variables[0].Initializer!.Value.DescendantTokens().Any(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.InterpolatedStringStartToken))).ToList();
        var local = strings.Count > 0 && random.Next(4) > 0 ? strings[random.Next(strings.Count)] : locals[random.Next(locals.Count)];
        var name = local.Declaration.Variables[0].Identifier.ValueText;
        var length = 4 + random.Next(shape == 5 ? 117 : 37);
        var b = new StringBuilder("\n");
        string detail;
        switch (shape)
        {
            case 2:
                detail = $"{length} reassignments of '{name}'";
                for (var i = 0; i < length; i++)
                {
                    b.Append(i % 2 == 0 ? $"{name} = {name} + \"/r{i}\";\n" : $"{name} = {name};\n");
                }

                break;
            case 3:
                // Issue 18's exponential shape: each local assigned three times from the previous one.
                detail = $"{length} multi-assigned locals chained after '{name}'";
                var previous = name;
                for (var i = 0; i < length; i++)
                {
                    var next = $"{name}_m{i}";
                    b.Append($"var {next} = {previous};\nif ({next}.Length > {i}) {{ {next} = {previous} + \"/a{i}\"; }}\nelse {{ {next} = {previous} + \"/b{i}\"; }}\n");
                    previous = next;
                }

                b.Append($"{name} = {previous};\n");
                break;
            case 4:
                detail = $"{length}-deep conditional DAG after '{name}'";
                var (left, right) = (name, name);
                for (var i = 0; i < length; i++)
                {
                    var next = $"{name}_c{i}";
                    b.Append($"var {next} = Environment.TickCount > {i} ? {left} : {right} + \"/c{i}\";\n");
                    (left, right) = (next, left);
                }

                b.Append($"{name} = {left};\n");
                break;
            default:
                detail = $"{length}-rung else-if ladder assigning '{name}'";
                for (var i = 0; i < length; i++)
                {
                    b.Append(i == 0 ? "" : "else ").Append($"if (Environment.TickCount == {i}) {{ {name} = \"https://www.example.com/l{i}\"; }}\n");
                }

                break;
        }

        return One(detail, Apply(text, new[] { (new TextSpan(local.Span.End, 0), b.ToString()) }));
    }

    /// <summary>\u escapes in identifiers, and string literals rewritten as verbatim or raw strings of the same value.</summary>
    private static (string, IReadOnlyList<string>)? Escape(SyntaxTree tree, string text, Random random)
    {
        var tokens = Tokens(tree);
        var identifiers = tokens.Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.Text == t.ValueText && t.Text.Any(char.IsLetter)).ToList();
        var strings = tokens.Where(t => t.IsKind(SyntaxKind.StringLiteralToken) && t.Text.StartsWith('"')).ToList();
        var edits = new List<(TextSpan, string)>();
        var detail = new List<string>();

        // Most identifiers (every one with some luck), so the names the rules look for are escaped too.
        var share = random.Next(4) == 0 ? 1.0 : 0.2 + random.NextDouble() * 0.6;
        foreach (var identifier in identifiers.Where(_ => random.NextDouble() < share))
        {
            var letters = identifier.Text.Select((c, i) => (c, i)).Where(p => char.IsLetter(p.c)).ToList();
            var (c, at) = letters[random.Next(letters.Count)];
            edits.Add((new TextSpan(identifier.SpanStart + at, 1), $"\\u{(int)c:X4}"));
        }

        detail.Add($"{edits.Count} identifiers \\u-escaped");
        var rewritten = 0;
        foreach (var literal in strings.Where(_ => random.NextDouble() < share))
        {
            var value = literal.ValueText;
            if (random.Next(2) == 0 && !value.Contains('\n') && !value.Contains('\r') && !value.Contains("\"\"\"", StringComparison.Ordinal) && !value.StartsWith('"') && !value.EndsWith('"'))
            {
                edits.Add((literal.Span, "\"\"\"" + value + "\"\"\""));
            }
            else
            {
                edits.Add((literal.Span, "@\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
            }

            rewritten++;
        }

        detail.Add($"{rewritten} strings made verbatim or raw");
        return edits.Count == 0 ? null : One(string.Join(", ", detail), Apply(text, edits));
    }

    /// <summary>A top-level class made partial, some of its members moved to a second declaration in the same file or another one.</summary>
    private static (string, IReadOnlyList<string>)? SplitPartial(SyntaxTree tree, string text, Random random)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot();
        var classes = root.DescendantNodes().OfType<TypeDeclarationSyntax>()
            .Where(c => (c is ClassDeclarationSyntax or StructDeclarationSyntax or RecordDeclarationSyntax) && c.Members.Count >= 2 && c.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax)
            .ToList();
        if (classes.Count == 0)
        {
            return null;
        }

        var type = classes[random.Next(classes.Count)];
        var moved = type.Members.Where(_ => random.Next(2) == 0).ToList();
        if (moved.Count == 0)
        {
            moved.Add(type.Members[^1]);
        }

        var keyword = type is RecordDeclarationSyntax record ? $"record {(record.ClassOrStructKeyword.IsKind(SyntaxKind.None) ? "" : record.ClassOrStructKeyword.Text + " ")}" : type.Keyword.Text + " ";
        var header = $"partial {keyword}{type.Identifier.Text}{type.TypeParameterList}";
        var body = $"\n{header}\n{{\n{string.Join("\n", moved.Select(m => m.ToFullString()))}\n}}\n";
        var edits = moved.Select(m => (m.FullSpan, "")).ToList();
        if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            edits.Add((new TextSpan(type.Keyword.SpanStart, 0), "partial "));
        }

        if (random.Next(2) == 0)
        {
            edits.Add((new TextSpan(type.Span.End, 0), body));
            return One($"{moved.Count} of {type.Members.Count} members of {type.Identifier.Text} moved to a second partial declaration", Apply(text, edits));
        }

        // Another file: the first file's usings, the type's namespace.
        var usings = string.Concat(root.Usings.Select(u => u.ToFullString()));
        var other = type.Parent is BaseNamespaceDeclarationSyntax ns
            ? $"{usings}\nnamespace {ns.Name}\n{{{body}}}\n"
            : usings + body;
        return ($"{moved.Count} of {type.Members.Count} members of {type.Identifier.Text} moved to a partial declaration in another file", new[] { Apply(text, edits), other });
    }
}
