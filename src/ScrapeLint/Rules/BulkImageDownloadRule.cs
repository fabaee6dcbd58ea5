using Microsoft.CodeAnalysis;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>SL1002: a request in an iteration context whose variant URL is an image.</summary>
    internal sealed class BulkImageDownloadRule : CrawlRule
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
            RuleIdentifiers.ImagesInBulk,
            title: "Images downloaded in bulk",
            messageFormat: "Image '{0}' is downloaded once per {1}{2}",
            RuleCategories.PersonalData,
            DiagnosticSeverity.Warning,
            description: "Downloading images once per element of a list of other people's pages builds an image collection of people; profile photos are the raw material of face-search databases.");

        public BulkImageDownloadRule()
            : base(Rule)
        {
        }

        public override Diagnostic? Check(Request request)
            => request.IsBulk && request.ImageEvidence is { } evidence
                ? Report(
                    request.Location,
                    evidence,
                    request.Iteration!.Description,
                    request.IsProfilePhoto ? ": these are profile photos of identifiable people, the raw material of face search" : "")
                : null;
    }
}
