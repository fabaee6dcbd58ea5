using Microsoft.CodeAnalysis;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>One diagnostic, with everything a report needs (positions are 1-based).</summary>
    internal sealed record Finding(
        string RuleId,
        DiagnosticSeverity Severity,
        string Title,
        string Message,
        string? HelpUri,
        string FilePath,
        string RelativePath,
        int Line,
        int Column,
        int EndLine,
        int EndColumn,
        string SourceLine,
        string Project);
}
