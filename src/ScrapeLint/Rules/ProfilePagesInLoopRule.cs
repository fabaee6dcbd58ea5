using Microsoft.CodeAnalysis;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>SL1001: a request in an iteration context whose variant URL is a personal profile.</summary>
    internal sealed class ProfilePagesInLoopRule : CrawlRule
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
            RuleIdentifiers.ProfilePagesInLoop,
            title: "Profile pages requested in a loop",
            messageFormat: "Profile page '{0}' is requested once per {1}: collecting people's profiles in bulk is personal-data harvesting",
            RuleCategories.PersonalData,
            DiagnosticSeverity.Warning,
            description: "Requesting personal profile pages (LinkedIn /in/{…}, facebook.com/{…}, /users/{…}, …) once per element of a list collects personal data of many people without their knowledge. Politeness does not change that: robots.txt and rate limits do not silence this rule.");

        public ProfilePagesInLoopRule()
            : base(Rule)
        {
        }

        public override Diagnostic? Check(Request request)
            => request.IsBulk && request.ProfileEvidence is { } evidence
                ? Report(request.Location, evidence, request.Iteration!.Description)
                : null;
    }
}
