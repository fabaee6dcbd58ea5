using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeLint.Rules;

namespace ScrapeLint.Benchmarks;

/// <summary>The compilations and analyzers the benchmarks run: parsed once, compiled fresh for every measurement.</summary>
internal sealed class Workload
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    /// <summary>Every analyzer of the ScrapeLint assembly, found by reflection: rules added later are measured too.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> ScrapeLintAnalyzers = typeof(CrawlAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly Lazy<ImmutableArray<MetadataReference>> LibraryStubs = new(() =>
        CorpusGenerator.LibraryStubs.Select(stub =>
        {
            var compilation = CSharpCompilation.Create(stub.Assembly, new[] { CSharpSyntaxTree.ParseText(stub.Source) }, References.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException($"{stub.Assembly} stub: {string.Join("; ", result.Diagnostics)}");
            }

            return (MetadataReference)MetadataReference.CreateFromImage(stream.ToArray());
        }).ToImmutableArray());

    private readonly ImmutableArray<SyntaxTree> trees;
    private readonly bool withLibraries;

    /// <param name="withLibraries">Reference the scraping libraries (stubs named as the packages: HtmlAgilityPack, RestSharp, AngleSharp, Selenium).</param>
    public Workload(string name, IEnumerable<(string Path, string Text)> files, bool withLibraries = false)
    {
        Name = name;
        this.withLibraries = withLibraries;
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, options, f.Path)).ToImmutableArray();
        Lines = files.Sum(f => CorpusGenerator.CountLines(f.Text));
    }

    public string Name { get; }

    public int Lines { get; }

    public int Files => trees.Length;

    /// <summary>A new compilation over the same trees: nothing bound, no analyzer cache shared with another run.</summary>
    public CSharpCompilation Compile()
        => CSharpCompilation.Create(
            "Bench" + Name,
            trees,
            withLibraries ? References.Value.AddRange(LibraryStubs.Value) : References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));

    /// <summary>
    /// A new compilation whose references and declarations are bound, as they are in csc before analyzers run
    /// over method bodies: the first analyzer that touches a fresh compilation would otherwise be charged with
    /// loading every referenced assembly.
    /// </summary>
    public CSharpCompilation Declared()
    {
        var compilation = Compile();
        compilation.GetDeclarationDiagnostics();
        return compilation;
    }

    public static CompilationWithAnalyzers WithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logTime)
        => compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: logTime, reportSuppressedDiagnostics: false));
}

/// <summary>Does nothing on every invocation and assignment syntax node: the driver's cost of any syntax-node analyzer.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DoNothingSyntaxAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("BENCH001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public static int Calls;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start => start.RegisterSyntaxNodeAction(_ => Interlocked.Increment(ref Calls), SyntaxKind.InvocationExpression, SyntaxKind.SimpleAssignmentExpression));
    }
}

/// <summary>Does nothing on every invocation operation: the driver binds every method body to give it one.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DoNothingOperationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("BENCH002", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public static int Calls;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start => start.RegisterOperationAction(_ => Interlocked.Increment(ref Calls), OperationKind.Invocation));
    }
}
