using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>
    /// SL3005: browser automation or an HTTP client that submits credentials to the login of a restricted platform: a
    /// password typed into a field of a platform page, with a user field typed and the form submitted, or a
    /// username/password form posted to the platform. Silent for OAuth endpoints and API hosts, other sites, and tests.
    /// </summary>
    internal sealed class AutomatedLoginRule : EvasionRule
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
            RuleIdentifiers.AutomatedLogin,
            title: "Automated login to a platform",
            messageFormat: "{0} submits credentials from {1} to the login of {2} ('{3}'): a script that signs in reaches what the platform's terms reserve for its members",
            RuleCategories.Evasion,
            DiagnosticSeverity.Warning,
            description: "Scraping behind a login is what platforms' terms and anti-hacking laws guard most: a bot that signs in with stored credentials collects data people shared with members, not with crawlers, and breaks the terms the account agreed to.");

        public AutomatedLoginRule()
            : base(Rule)
        {
        }

        public override bool IsCandidate(string name, EvasionModel model, CancellationToken cancellationToken)
            => Logins.TypingNames.Contains(name) || Logins.PostNames.Contains(name);

        public override IEnumerable<Diagnostic> Check(EvasionSite site)
        {
            if (site.Operation is not IInvocationOperation invocation)
            {
                yield break;
            }

            var options = ScrapeLintOptions.For(site.Options, site.Node.SyntaxTree);
            var name = invocation.TargetMethod.Name;
            if (Logins.TypingNames.Contains(name) && BrowserSettings.IsBrowserType(invocation.TargetMethod))
            {
                if (Browser(site, invocation, options) is { } browser)
                {
                    yield return browser;
                }
            }
            else if (Logins.PostNames.Contains(name) && Form(site, invocation, options) is { } form)
            {
                yield return form;
            }
        }

        /// <summary>A password typed into a platform's page, a user field typed and the form submitted in the same member.</summary>
        private Diagnostic? Browser(EvasionSite site, IInvocationOperation typing, ScrapeLintOptions options)
        {
            var facts = site.Facts;
            if (facts is null || !Logins.IsPasswordField(Logins.FieldSelectors(typing, site.Tracer, facts)))
            {
                return null;
            }

            var userTyped = false;
            var submitted = false;
            foreach (var other in facts.Invocations)
            {
                if (other == typing || !BrowserSettings.IsBrowserType(other.TargetMethod))
                {
                    continue;
                }

                submitted |= Logins.IsSubmit(other);
                if (Logins.TypingNames.Contains(other.TargetMethod.Name) && !Logins.IsSubmit(other))
                {
                    userTyped |= !Logins.IsPasswordField(Logins.FieldSelectors(other, site.Tracer, facts));
                }
            }

            if (!userTyped || !submitted || InTest(site))
            {
                return null;
            }

            var targets = Logins.Targets(site.Node, site.Operation.SemanticModel, site.Model, options, site.CancellationToken);
            if (targets.Count == 0)
            {
                return null;
            }

            var target = targets.FirstOrDefault(t => t.Shape.IndexOf("login", StringComparison.OrdinalIgnoreCase) >= 0 || t.Shape.IndexOf("signin", StringComparison.OrdinalIgnoreCase) >= 0);
            if (target.Shape is null)
            {
                target = targets[0];
            }

            return Report(site.Node, "Browser automation", Logins.Origin(Logins.TypedText(typing), facts), target.Domain, target.Shape);
        }

        /// <summary>A username/password form posted to a platform.</summary>
        private Diagnostic? Form(EvasionSite site, IInvocationOperation post, ScrapeLintOptions options)
        {
            var facts = site.Facts;
            if (facts is null || FormData(post, facts) is not { } data)
            {
                return null;
            }

            var entries = HeaderEntries.All(data, facts, site.Model, site.CancellationToken);
            var password = entries.FirstOrDefault(e => Logins.IsPasswordKey(e.Name));
            if (password.Value is null || !entries.Any(e => Logins.IsUserKey(e.Name)) || InTest(site))
            {
                return null;
            }

            var target = Target(site, post, options);
            return target is { } found
                ? Report(site.Node, "An HTTP client", Logins.Origin(password.Value, password.Facts), found.Domain, found.Shape)
                : null;
        }

        /// <summary>The form a post sends: <c>PostAsync(url, new FormUrlEncodedContent(form))</c>, a request's <c>Content</c>, Flurl's <c>PostUrlEncodedAsync(form)</c>.</summary>
        private static IOperation? FormData(IInvocationOperation post, BodyFacts facts)
        {
            if (post.TargetMethod.Name == "PostUrlEncodedAsync")
            {
                return EvasionModel.IsIn(post.TargetMethod, "Flurl") && post.Arguments.Length >= 2 ? post.Arguments[1].Value : null;
            }

            if (!EvasionModel.IsIn(post.TargetMethod, "System.Net.Http"))
            {
                return null;
            }

            foreach (var argument in post.Arguments)
            {
                var content = argument.Parameter?.Name switch
                {
                    "content" => argument.Value,
                    "request" => RequestContent(argument.Value, facts),
                    _ => null,
                };
                if (Creation(content, facts) is { Type.Name: "FormUrlEncodedContent", Arguments.Length: 1 } form)
                {
                    return form.Arguments[0].Value;
                }
            }

            return null;
        }

        /// <summary><c>new HttpRequestMessage(…) { Content = … }</c> or <c>request.Content = …</c>.</summary>
        private static IOperation? RequestContent(IOperation request, BodyFacts facts)
        {
            if (ValueTracer.Strip(request) is ILocalReferenceOperation local && facts.Members.TryGetValue((local.Local, "Content"), out var assigned) && assigned.Count > 0)
            {
                return assigned[0];
            }

            return Creation(request, facts)?.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
                .FirstOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: "Content" })?.Value;
        }

        private static IObjectCreationOperation? Creation(IOperation? value, BodyFacts facts)
        {
            for (var depth = 0; depth < 4; depth++)
            {
                switch (ValueTracer.Strip(value))
                {
                    case IObjectCreationOperation creation:
                        return creation;
                    case ILocalReferenceOperation local:
                        value = facts.AssignmentsOf(local.Local).FirstOrDefault(a => a.Kind == AssignmentKind.Value).Value;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>The platform page the post goes to.</summary>
        private static PlatformTarget? Target(EvasionSite site, IInvocationOperation post, ScrapeLintOptions options)
        {
            var crawl = site.Model.Crawl;
            if (CrawlModel.BodyOwner(site.Node) is not { } owner || crawl.Body(owner, site.Operation.SemanticModel, site.CancellationToken) is not { } body)
            {
                return null;
            }

            var evaluator = new ShapeEvaluator(body.Facts, crawl, scope: null);
            if (post.TargetMethod.Name == "PostUrlEncodedAsync")
            {
                return Logins.Target(evaluator.Evaluate(post.Arguments[0].Value), options);
            }

            foreach (var found in body.Find(options, site.CancellationToken))
            {
                if (found.Operation == post)
                {
                    return Logins.Target(body.Shape(found, evaluator), options);
                }
            }

            return null;
        }

        private static bool InTest(EvasionSite site)
            => Logins.InTest(site.Operation.SemanticModel?.GetEnclosingSymbol(site.Node.SpanStart, site.CancellationToken));
    }
}
