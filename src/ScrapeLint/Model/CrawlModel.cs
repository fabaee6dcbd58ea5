using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScrapeLint.Model
{
    /// <summary>The facts every crawl rule reads, computed once per compilation and shared by the rules.</summary>
    internal sealed class CrawlModel
    {
        private static readonly ConditionalWeakTable<Compilation, CrawlModel> Models = new();

        private CrawlModel(Compilation compilation)
        {
        }

        public static CrawlModel For(Compilation compilation) => Models.GetValue(compilation, c => new CrawlModel(c));

        public bool IsCandidate(SyntaxNode node) => false;

        public Request? GetRequest(SyntaxNode node, SemanticModel semanticModel, AnalyzerOptions options, CancellationToken cancellationToken) => null;
    }
}
