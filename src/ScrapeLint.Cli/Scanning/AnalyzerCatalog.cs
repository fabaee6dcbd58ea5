using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>
    /// The ScrapeLint analyzers, found the way an analyzer host finds them: every concrete
    /// <see cref="DiagnosticAnalyzer"/> in the analyzer assembly marked for C#. Rules added to that assembly
    /// appear here (and in <c>scrapelint rules</c>) without a change to the CLI.
    /// </summary>
    internal sealed class AnalyzerCatalog
    {
        public const string AnalyzerAssemblyName = "ScrapeLint";

        private static readonly Lazy<AnalyzerCatalog> Shared = new(Load);

        private AnalyzerCatalog(ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            Analyzers = analyzers;
            Rules = analyzers
                .SelectMany(a => a.SupportedDiagnostics)
                .GroupBy(d => d.Id, StringComparer.Ordinal)
                .Select(g => g.First())
                .OrderBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
        }

        public static AnalyzerCatalog Instance => Shared.Value;

        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

        /// <summary>One descriptor per rule ID, ordered by ID.</summary>
        public ImmutableArray<DiagnosticDescriptor> Rules { get; }

        public static string AnalyzerVersion
            => typeof(AnalyzerCatalog).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
               ?? typeof(AnalyzerCatalog).Assembly.GetName().Version?.ToString()
               ?? "0.0.0";

        private static AnalyzerCatalog Load()
        {
            var assembly = Assembly.Load(new AssemblyName(AnalyzerAssemblyName));
            var analyzers = assembly.GetTypes()
                .Where(t => t.IsClass && !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
                .Where(t => t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
                .Where(t => t.GetConstructor(Type.EmptyTypes) is not null)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            return new AnalyzerCatalog(analyzers);
        }
    }
}
