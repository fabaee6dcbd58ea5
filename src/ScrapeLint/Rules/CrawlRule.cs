using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>One crawl rule: its descriptor and the facts of a request that make it a finding.</summary>
    internal abstract class CrawlRule
    {
        protected CrawlRule(DiagnosticDescriptor descriptor)
        {
            Descriptor = descriptor;
        }

        public DiagnosticDescriptor Descriptor { get; }

        /// <summary>The rule's paragraph of the spec: a diagnostic for this request, or null.</summary>
        public abstract Diagnostic? Check(Request request);

        protected Diagnostic Report(Location location, params object[] args) => Diagnostic.Create(Descriptor, location, args);

        /// <summary>A diagnostic that carries what its code fix needs (<see cref="FixProperties"/>).</summary>
        protected Diagnostic Report(Location location, ImmutableDictionary<string, string?> properties, params object[] args)
            => Diagnostic.Create(Descriptor, location, properties, args);
    }
}
