using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>
    /// SL3004: a social platform's session cookie (li_at, c_user, xs, datr, ds_user_id, ct0, sid_tt, remixsid…)
    /// placed on a request, a cookie container or a browser. Names other sites use too (sessionid, JSESSIONID,
    /// auth_token, xs) count only with their platform's host; a site's own session cookie is silent.
    /// </summary>
    internal sealed class SocialSessionCookieRule : EvasionRule
    {
        internal static readonly DiagnosticDescriptor Rule = Descriptors.Create(
            RuleIdentifiers.SocialSessionCookie,
            title: "Reused session cookie of a social platform",
            messageFormat: "{0} of {1} is placed on {2}: the scraper runs as a logged-in member, behind the login the platform's terms protect",
            RuleCategories.Evasion,
            DiagnosticSeverity.Warning,
            description: "A logged-in session reaches what the platform shows only to its members; scraping with a copied session cookie breaks the terms the account agreed to and collects data people shared with members, not with crawlers.");

        public SocialSessionCookieRule()
            : base(Rule)
        {
        }

        public override bool IsCandidate(string name, EvasionModel model, CancellationToken cancellationToken)
            => SessionCookies.SiteNames.Contains(name) || HeaderEntries.DictionarySiteNames.Contains(name) || SessionCookies.RestoreSiteNames.Contains(name);

        public override IEnumerable<Diagnostic> Check(EvasionSite site)
        {
            List<TracedValue> values;
            var cookie = SessionCookies.Site(site.Operation, site.Model);
            if (cookie is not null)
            {
                values = site.Tracer.Trace(cookie.Name);
            }
            else if (HeaderEntries.Dictionary(site.Operation, () => site.Facts) is { } dictionary)
            {
                values = HeaderEntries.Named(dictionary, "Cookie", site.Model, site.CancellationToken)
                    .SelectMany(e => new ValueTracer(site.Model, e.Facts, site.CancellationToken).Trace(e.Value)).ToList();
                cookie = new CookieSite(site.Operation, null, "a Cookie header in a header dictionary");
            }
            else
            {
                if (Restored(site) is { } restored)
                {
                    yield return restored;
                }

                yield break;
            }

            var isHeader = cookie.Target is "a Cookie header" or "a CookieContainer" or "a Cookie header in a header dictionary";
            var names = values.Where(v => v.Text is not null)
                .SelectMany(v => isHeader ? SessionCookies.NamesInHeader(v.Text!) : new[] { v.Text! })
                .Distinct().ToList();
            var candidates = names.SelectMany(SessionCookies.Named).ToList();
            if (candidates.Count == 0)
            {
                yield break;
            }

            // The cookie's own domain decides; without one, a distinctive name is enough and a generic
            // name needs its platform among the hosts the code talks to.
            var domains = Domains(site, cookie);
            var match = domains.Count > 0
                ? candidates.FirstOrDefault(c => domains.Any(c.IsPlatformHost))
                : candidates.FirstOrDefault(c => !c.IsGeneric) ?? candidates.FirstOrDefault(c => RelatedHosts(site).Any(c.IsPlatformHost));
            // A value the code makes itself (a random CSRF token such as ct0 or LinkedIn's "ajax:…" JSESSIONID) is no session.
            var generated = cookie.Value is not null
                ? SessionCookies.IsGenerated(cookie.Value, site.Facts, site.Model, site.CancellationToken)
                : isHeader && names.Count == 1 && SessionCookies.IsGenerated(cookie.Name, site.Facts, site.Model, site.CancellationToken);
            if (match is not null && !generated)
            {
                yield return Report(site.Node, $"Session cookie '{match.Name}'", match.Platform, cookie.Target);
            }
        }

        /// <summary>
        /// A saved cookie jar restored into a browser or a container (file, deserializer, Playwright storage state) in a member or type that
        /// requests a restricted platform: the names are not known, the platform is.
        /// </summary>
        private Diagnostic? Restored(EvasionSite site)
        {
            if (SessionCookies.Restore(site.Operation) is not { } restore)
            {
                return null;
            }

            var source = restore.IsStateFile
                ? (ValueTracer.Strip(restore.Cookies)?.ConstantValue is { HasValue: true, Value: string path } ? $"'{path}'" : $"'{ShapeEvaluator.NameOf(ValueTracer.Strip(restore.Cookies))}'")
                : SessionCookies.RestoredFrom(restore.Cookies, site.Facts, site.Model, site.CancellationToken);
            if (source is null)
            {
                return null;
            }

            var options = ScrapeLintOptions.For(site.Options, site.Node.SyntaxTree);
            var targets = Logins.Targets(site.Node, site.Operation.SemanticModel, site.Model, options, site.CancellationToken);
            if (targets.Count == 0)
            {
                return null;
            }

            return Report(site.Node, $"A saved cookie jar restored from {source} (its cookie names are not known here)", SessionCookies.PlatformOf(targets[0].Domain), restore.Target);
        }

        /// <summary>The hosts of the cookie's own domain or URL.</summary>
        private static List<string> Domains(EvasionSite site, CookieSite cookie)
            => cookie.Domain is null
                ? new List<string>()
                : site.Tracer.Trace(cookie.Domain).Select(v => v.Text is null ? null : SessionCookies.HostOf(v.Text)).Where(h => h is not null).Cast<string>().ToList();

        /// <summary>The hosts the method requests, else the hosts its type's members request or write as URLs.</summary>
        private static List<string> RelatedHosts(EvasionSite site)
        {
            var hosts = new List<string>();
            var crawl = site.Model.Crawl;
            if (CrawlModel.BodyOwner(site.Node) is { } owner && crawl.Body(owner, site.Operation.SemanticModel, site.CancellationToken) is { } body)
            {
                var options = ScrapeLintOptions.For(site.Options, site.Node.SyntaxTree);
                var evaluator = new ShapeEvaluator(body.Facts, crawl, scope: null);
                hosts.AddRange(body.Find(options, site.CancellationToken).Select(found => body.Shape(found, evaluator).HostSuffix).Where(h => h is not null).Cast<string>());
            }

            if (hosts.Count == 0 && site.Operation.SemanticModel?.GetEnclosingSymbol(site.Node.SpanStart, site.CancellationToken)?.ContainingType is { } type)
            {
                // The type names the platform in another member: its requests, its URL literals (constants included).
                hosts.AddRange(site.Model.TypeHosts(type, ScrapeLintOptions.For(site.Options, site.Node.SyntaxTree), site.CancellationToken));
            }

            return hosts;
        }
    }
}
