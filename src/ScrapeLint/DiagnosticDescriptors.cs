using Microsoft.CodeAnalysis;

namespace ScrapeLint
{
    /// <summary>Creates every descriptor the same way: help link, category, enabled by default.</summary>
    internal static class Descriptors
    {
        public static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description)
            => new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: RuleIdentifiers.GetHelpUri(id));
    }
}
