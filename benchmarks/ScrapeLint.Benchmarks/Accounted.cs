using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

// A wrapper, not an analyzer of its own: the wrapped analyzer declares itself, configures generated code and concurrency,
// and registers its actions through the contexts below.
#pragma warning disable RS1001, RS1012, RS1025, RS1026

namespace ScrapeLint.Benchmarks;

/// <summary>
/// Runs an analyzer unchanged and counts what happens inside its callbacks that the driver's telemetry cannot tell
/// apart: the bytes they allocate and the garbage-collection pauses that stop them. A blocking collection triggered by
/// the compilation's heap lands in whichever callback allocates at that moment, so the report charges each analyzer its
/// share of the pass's pauses by the bytes it allocated instead of the pauses that happened to fall in its callbacks.
/// Analysis is sequential in the benchmark, so the process-wide counters are read on the analysing thread.
/// </summary>
internal sealed class Accounted : DiagnosticAnalyzer
{
    private long pauseTicks;
    private long allocatedBytes;
    private long jitTicks;

    public Accounted(DiagnosticAnalyzer inner)
    {
        Inner = inner;
    }

    public DiagnosticAnalyzer Inner { get; }

    public TimeSpan PausesInside => TimeSpan.FromTicks(Interlocked.Read(ref pauseTicks));

    public long AllocatedInside => Interlocked.Read(ref allocatedBytes);

    /// <summary>Time the runtime spent compiling methods on the callbacks' threads while they ran (ScrapeLint's own code on first use, and the compiler's that only an analyzer calls).</summary>
    public TimeSpan JitInside => TimeSpan.FromTicks(Interlocked.Read(ref jitTicks));

    /// <summary>The analyzer registered a syntax-node action: its telemetry then holds the driver's per-node dispatch too.</summary>
    public bool HasSyntaxNodeActions { get; private set; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context) => Inner.Initialize(new Context(context, this));

    private Action<T> Wrap<T>(Action<T> action)
        => argument =>
        {
            // Reading the pause total costs ~35 ns, the collection count a few: the total is read only after a collection.
            var collections = GC.CollectionCount(0);
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var pause = PauseBefore(collections);
            var jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: true);
            try
            {
                action(argument);
            }
            finally
            {
                Interlocked.Add(ref allocatedBytes, GC.GetAllocatedBytesForCurrentThread() - bytes);
                Interlocked.Add(ref jitTicks, (System.Runtime.JitInfo.GetCompilationTime(currentThread: true) - jit).Ticks);
                if (GC.CollectionCount(0) != collections)
                {
                    Interlocked.Add(ref pauseTicks, (GC.GetTotalPauseDuration() - pause).Ticks);
                }
            }
        };

    private static int knownCollections = -1;
    private static TimeSpan knownPause;

    private static TimeSpan PauseBefore(int collections)
    {
        if (collections != knownCollections)
        {
            knownPause = GC.GetTotalPauseDuration();
            knownCollections = collections;
        }

        return knownPause;
    }

    /// <summary>The registrations ScrapeLint's and the baseline analyzers make; any other is refused so that none goes unmeasured.</summary>
    private sealed class Context : AnalysisContext
    {
        private readonly AnalysisContext inner;
        private readonly Accounted owner;

        public Context(AnalysisContext inner, Accounted owner)
        {
            this.inner = inner;
            this.owner = owner;
        }

        public override void EnableConcurrentExecution() => inner.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => inner.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
            => inner.RegisterCompilationStartAction(owner.Wrap<CompilationStartAnalysisContext>(start => action(new StartContext(start, owner))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => inner.RegisterSemanticModelAction(owner.Wrap(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unmeasured();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unmeasured();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
            owner.HasSyntaxNodeActions = true;
            inner.RegisterSyntaxNodeAction(owner.Wrap(action), syntaxKinds);
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
            => inner.RegisterOperationAction(owner.Wrap(action), operationKinds);
    }

    private sealed class StartContext : CompilationStartAnalysisContext
    {
        private readonly CompilationStartAnalysisContext inner;
        private readonly Accounted owner;

        public StartContext(CompilationStartAnalysisContext inner, Accounted owner)
            : base(inner.Compilation, inner.Options, inner.CancellationToken)
        {
            this.inner = inner;
            this.owner = owner;
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => inner.RegisterCompilationEndAction(owner.Wrap(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => inner.RegisterSemanticModelAction(owner.Wrap(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => throw Unmeasured();

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => throw Unmeasured();

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => throw Unmeasured();

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
            owner.HasSyntaxNodeActions = true;
            inner.RegisterSyntaxNodeAction(owner.Wrap(action), syntaxKinds);
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
            => inner.RegisterOperationAction(owner.Wrap(action), operationKinds);
    }

    private static NotSupportedException Unmeasured([System.Runtime.CompilerServices.CallerMemberName] string registration = "")
        => new NotSupportedException($"The benchmark does not measure {registration} yet: add it to {nameof(Accounted)}.");
}
