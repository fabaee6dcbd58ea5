using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>An invocation, creation or assignment that may set a User-Agent, a proxy, a cookie or a browser switch, bound once for every rule.</summary>
    internal sealed class EvasionSite
    {
        private ValueTracer? tracer;
        private BodyFacts? facts;
        private bool factsRead;

        public EvasionSite(SyntaxNode node, IOperation operation, EvasionModel model, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            Node = node;
            Operation = operation;
            Model = model;
            Options = options;
            CancellationToken = cancellationToken;
        }

        public SyntaxNode Node { get; }

        public IOperation Operation { get; }

        public EvasionModel Model { get; }

        public AnalyzerOptions Options { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>Follows values of this site's body (created on first use).</summary>
        public ValueTracer Tracer => tracer ??= Model.Tracer(Operation, CancellationToken);

        /// <summary>The facts of this site's body (null in a field initializer).</summary>
        public BodyFacts? Facts
        {
            get
            {
                if (!factsRead)
                {
                    facts = Model.FactsOf(Operation, CancellationToken);
                    factsRead = true;
                }

                return facts;
            }
        }
    }

    /// <summary>One evasion rule: the names of the sites it looks at (checked before binding) and its spec paragraph.</summary>
    internal abstract class EvasionRule
    {
        protected EvasionRule(DiagnosticDescriptor descriptor)
        {
            Descriptor = descriptor;
        }

        public DiagnosticDescriptor Descriptor { get; }

        /// <summary>The cheap test: the invoked method's, created type's or assigned member's name.</summary>
        public abstract bool IsCandidate(string name, EvasionModel model, CancellationToken cancellationToken);

        public abstract IEnumerable<Diagnostic> Check(EvasionSite site);

        protected Diagnostic Report(SyntaxNode node, params object[] args) => Diagnostic.Create(Descriptor, node.GetLocation(), args);

        /// <summary>A diagnostic that tells its code fix what to edit (see <see cref="FixProperties"/>).</summary>
        protected Diagnostic Report(SyntaxNode node, System.Collections.Immutable.ImmutableDictionary<string, string?> properties, params object[] args)
            => Diagnostic.Create(Descriptor, node.GetLocation(), properties, args);

        /// <summary>A string for a message: the start of a long User-Agent or script.</summary>
        protected static string Short(string text) => text.Length > 48 ? text.Substring(0, 45) + "..." : text;
    }
}
