using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScrapeLint.Benchmarks;

/// <summary>
/// A real project's compilation, made from the csc command line a build logged (<c>dotnet build -v:d</c> prints it; save it
/// as a response file without its <c>/analyzer:</c> arguments), and ScrapeLint's telemetry on it as csc would report it
/// (<c>-p:ReportAnalyzer=true</c>), in process and without the rest of the build's noise. Analyzer config files are not
/// read: ScrapeLint runs with its defaults.
/// </summary>
internal static class RealProject
{
    public static async Task<int> RunAsync(string responseFile, string directory, int runs, bool concurrent, int times)
    {
        var arguments = File.ReadAllLines(responseFile).Where(l => l.Length > 0).Select(l => l.Trim('"')).ToArray();
        var parsed = CSharpCommandLineParser.Default.Parse(arguments, directory, sdkDirectory: null);
        var errors = parsed.Errors.Where(e => e.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, errors));
            return 2;
        }

        var trees = parsed.SourceFiles.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f.Path), parsed.ParseOptions, f.Path)).ToImmutableArray();
        var references = parsed.MetadataReferences.Select(r => (MetadataReference)MetadataReference.CreateFromFile(r.Reference, r.Properties)).ToImmutableArray();
        var options = parsed.CompilationOptions.WithConcurrentBuild(concurrent);
        CSharpCompilation Compile() => CSharpCompilation.Create(parsed.CompilationName, trees, references, options);
        var lines = trees.Sum(t => t.GetText().Lines.Count);
        Console.WriteLine($"{parsed.CompilationName}: {trees.Length} files, {lines:N0} lines, {references.Length} references; analysis {(concurrent ? "concurrent (as csc)" : "sequential")}");

        if (times > 0)
        {
            // For dotnet-trace: only the analysis, a few times.
            for (var i = 0; i < times; i++)
            {
                var declared = Compile();
                declared.GetDeclarationDiagnostics();
                await Pass(declared, Workload.ScrapeLintAnalyzers.Add(new DoNothingOperationAnalyzer()), concurrent).GetAnalyzerDiagnosticsAsync();
            }

            return 0;
        }

        if (!concurrent)
        {
            // Sequential: each analyzer charged as in the synthetic workloads (collection pauses by allocation share).
            var passes = new List<Report.Pass>();
            var compilerTimes = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var watch = Stopwatch.StartNew();
                Compile().GetDiagnostics();
                var elapsed = watch.Elapsed.TotalMilliseconds;
                var declared = Compile();
                declared.GetDeclarationDiagnostics();
                var pass = await Report.TelemetryPassAsync(declared, operationAnalyzer: true);
                Console.WriteLine($"  run {run}{(run == 0 ? " (warm-up)" : "")}: compiler {elapsed:N0} ms, ScrapeLint {pass.PerAnalyzer.Sum(p => p.Time):N1} ms, charged {pass.Charged:N1} ms ({string.Join(", ", pass.PerAnalyzer.Select(p => $"{p.Analyzer.GetType().Name.Replace("Analyzer", "")} {p.Time:N1}/{p.Charged:N1}"))}); compiling methods inside {pass.JitInside:N1} ms; pauses inside {pass.PausesInside:N1} of {pass.PassPause:N1} ms, {pass.AllocatedInside / 1048576:N1} of {pass.PassAllocated / 1048576:N0} MiB inside");
                if (run > 0)
                {
                    passes.Add(pass);
                    compilerTimes.Add(elapsed);
                }
            }

            double Middle(IEnumerable<double> values) => values.OrderBy(x => x).ElementAt(passes.Count / 2);
            var compiler = Middle(compilerTimes);
            var charged = Middle(passes.Select(p => p.Charged));
            Console.WriteLine($"  median of {passes.Count}: compiler {compiler:N0} ms, ScrapeLint charged {charged:N1} ms = {charged / compiler:P2} of the compiler (telemetry {Middle(passes.Select(p => p.PerAnalyzer.Sum(a => a.Time))):N1} ms); "
                + string.Join(", ", passes[0].PerAnalyzer.Select((a, i) => $"{a.Analyzer.GetType().Name.Replace("Analyzer", "")} {Middle(passes.Select(p => p.PerAnalyzer[i].Charged)):N1}")));
            return 0;
        }

        var rows = new List<(double Compiler, double[] PerAnalyzer, double Noop, int Findings)>();
        for (var run = 0; run <= runs; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var watch = Stopwatch.StartNew();
            var errorCount = Compile().GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            var compiler = watch.Elapsed.TotalMilliseconds;
            if (errorCount > 0)
            {
                Console.WriteLine($"  the compilation has {errorCount} errors");
            }

            var declared = Compile();
            declared.GetDeclarationDiagnostics();
            var noop = new DoNothingOperationAnalyzer();
            var analyzers = Workload.ScrapeLintAnalyzers.Add(noop);
            var pass = Pass(declared, analyzers, concurrent);
            var findings = (await pass.GetAnalyzerDiagnosticsAsync()).Length;
            var perAnalyzer = new double[Workload.ScrapeLintAnalyzers.Length];
            for (var i = 0; i < perAnalyzer.Length; i++)
            {
                perAnalyzer[i] = (await pass.GetAnalyzerTelemetryInfoAsync(Workload.ScrapeLintAnalyzers[i], default)).ExecutionTime.TotalMilliseconds;
            }

            var noopTime = (await pass.GetAnalyzerTelemetryInfoAsync(noop, default)).ExecutionTime.TotalMilliseconds;
            if (run > 0)
            {
                rows.Add((compiler, perAnalyzer, noopTime, findings));
            }

            Console.WriteLine($"  run {run}{(run == 0 ? " (warm-up)" : "")}: compiler {compiler:N0} ms, ScrapeLint {perAnalyzer.Sum():N1} ms ({string.Join(", ", Workload.ScrapeLintAnalyzers.Select((a, i) => $"{a.GetType().Name.Replace("Analyzer", "")} {perAnalyzer[i]:N1}"))}), do-nothing op {noopTime:N1} ms, {findings} findings");
        }

        double Median(Func<(double Compiler, double[] PerAnalyzer, double Noop, int Findings), double> selector) => rows.Select(selector).OrderBy(x => x).ElementAt(rows.Count / 2);
        var medianCompiler = Median(r => r.Compiler);
        var medianTotal = Median(r => r.PerAnalyzer.Sum());
        Console.WriteLine($"  median of {rows.Count}: compiler {medianCompiler:N0} ms, ScrapeLint {medianTotal:N1} ms = {medianTotal / medianCompiler:P2} of the compiler; do-nothing op {Median(r => r.Noop):N1} ms = {Median(r => r.Noop) / medianCompiler:P2}");
        for (var i = 0; i < Workload.ScrapeLintAnalyzers.Length; i++)
        {
            var time = Median(r => r.PerAnalyzer[i]);
            Console.WriteLine($"    {Workload.ScrapeLintAnalyzers[i].GetType().Name,-18} {time,8:N1} ms  {time / medianCompiler,7:P2}");
        }

        return 0;
    }

    private static CompilationWithAnalyzers Pass(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool concurrent)
        => compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
}
