using Microsoft.CodeAnalysis;
using ScrapeLint.Cli.Commands;

namespace ScrapeLint.Cli.Reporting
{
    internal static class Severity
    {
        public static string Name(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => "hidden",
        };

        /// <summary>SARIF 2.1.0 result level.</summary>
        public static string SarifLevel(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "note",
            _ => "none",
        };

        public static bool Reaches(DiagnosticSeverity severity, FailOn threshold) => threshold switch
        {
            FailOn.None => false,
            FailOn.Info => severity >= DiagnosticSeverity.Info,
            FailOn.Warning => severity >= DiagnosticSeverity.Warning,
            _ => severity >= DiagnosticSeverity.Error,
        };
    }
}
