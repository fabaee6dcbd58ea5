using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScrapeLint.Model
{
    /// <summary>The <c>scrapelint.*</c> options of one syntax tree (.editorconfig or .globalconfig), read once.</summary>
    internal sealed class ScrapeLintOptions
    {
        public static readonly ImmutableArray<string> DefaultApiHosts = ImmutableArray.Create(
            "api.github.com", "graph.facebook.com", "api.linkedin.com", "api.twitter.com", "api.x.com",
            "graph.microsoft.com", "www.googleapis.com", "photoslibrary.googleapis.com",
            // The official APIs of the restricted platforms (their developer documentation): Instagram's Graph API and
            // OAuth token host, TikTok's v2 and v1 open APIs, Threads (both hosts the docs give), VK, the YouTube Data API's own host.
            "graph.instagram.com", "api.instagram.com", "open.tiktokapis.com", "open-api.tiktok.com", "graph.threads.net", "graph.threads.com",
            "api.vk.com", "youtube.googleapis.com");

        public static readonly ImmutableArray<string> DefaultRestrictedDomains = ImmutableArray.Create(
            "facebook.com", "instagram.com", "linkedin.com", "twitter.com", "x.com", "tiktok.com", "youtube.com", "vk.com", "threads.net");

        public static readonly ScrapeLintOptions Default = new ScrapeLintOptions(null);

        private static readonly ConditionalWeakTable<AnalyzerConfigOptions, ScrapeLintOptions> Cache = new();

        private ScrapeLintOptions(AnalyzerConfigOptions? options)
        {
            ApiHosts = ReadList(options, "scrapelint.api_hosts", DefaultApiHosts);
            RestrictedDomains = ReadList(options, "scrapelint.restricted_domains", DefaultRestrictedDomains);
            AllowedDomains = ReadList(options, "scrapelint.allowed_domains", ImmutableArray<string>.Empty);
            ProfileUrlPatterns = ReadList(options, "scrapelint.profile_url_patterns", ImmutableArray<string>.Empty)
                .Select(ProfilePattern.Parse).ToImmutableArray();
            RequestMethods = ReadList(options, "scrapelint.request_methods", ImmutableArray<string>.Empty);
            RobotsCheckMethods = ReadList(options, "scrapelint.robots_check_methods", ImmutableArray<string>.Empty);
            RateLimitMethods = ReadList(options, "scrapelint.rate_limit_methods", ImmutableArray<string>.Empty);
            RequestMethodNames = RequestMethods.Select(SimpleName).ToImmutableHashSet(StringComparer.Ordinal);
        }

        public ImmutableArray<string> ApiHosts { get; }

        public ImmutableArray<string> RestrictedDomains { get; }

        public ImmutableArray<string> AllowedDomains { get; }

        public ImmutableArray<ProfilePattern> ProfileUrlPatterns { get; }

        /// <summary>Fully qualified names of methods that fetch their first string/Uri argument.</summary>
        public ImmutableArray<string> RequestMethods { get; }

        public ImmutableHashSet<string> RequestMethodNames { get; }

        public ImmutableArray<string> RobotsCheckMethods { get; }

        public ImmutableArray<string> RateLimitMethods { get; }

        public static ScrapeLintOptions For(AnalyzerOptions options, SyntaxTree tree)
        {
            var treeOptions = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
            return Cache.GetValue(treeOptions, o => new ScrapeLintOptions(o));
        }

        public bool IsApiHost(string host) => HostList.Matches(ApiHosts, host);

        public bool IsAllowed(string host) => HostList.Matches(AllowedDomains, host);

        /// <summary>The restricted domain the host belongs to, unless the host is an official API host.</summary>
        public string? RestrictedDomainOf(string host)
            => IsApiHost(host) ? null : HostList.FirstMatch(RestrictedDomains, host);

        public static bool Names(ImmutableArray<string> fullyQualifiedNames, IMethodSymbol method)
        {
            if (fullyQualifiedNames.IsEmpty)
            {
                return false;
            }

            var name = method.ContainingType?.ToDisplayString() + "." + method.Name;
            foreach (var candidate in fullyQualifiedNames)
            {
                if (string.Equals(candidate, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static string SimpleName(string fullyQualified)
        {
            var dot = fullyQualified.LastIndexOf('.');
            return dot < 0 ? fullyQualified : fullyQualified.Substring(dot + 1);
        }

        private static ImmutableArray<string> ReadList(AnalyzerConfigOptions? options, string key, ImmutableArray<string> fallback)
        {
            if (options is null || !options.TryGetValue(key, out var value))
            {
                return fallback;
            }

            return value.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(item => item.Trim())
                .Where(item => item.Length > 0)
                .ToImmutableArray();
        }
    }

    /// <summary>Domain lists: an entry matches itself and its subdomains.</summary>
    internal static class HostList
    {
        public static bool Matches(ImmutableArray<string> domains, string host) => FirstMatch(domains, host) is not null;

        public static string? FirstMatch(ImmutableArray<string> domains, string host)
        {
            foreach (var domain in domains)
            {
                if (IsSameOrSubdomain(host, domain))
                {
                    return domain;
                }
            }

            return null;
        }

        public static bool IsSameOrSubdomain(string host, string domain)
        {
            domain = domain.Trim().TrimEnd('.');
            if (domain.StartsWith("*.", StringComparison.Ordinal))
            {
                domain = domain.Substring(2);
            }

            if (host.Length == domain.Length)
            {
                return string.Equals(host, domain, StringComparison.OrdinalIgnoreCase);
            }

            return host.Length > domain.Length
                && host[host.Length - domain.Length - 1] == '.'
                && host.EndsWith(domain, StringComparison.OrdinalIgnoreCase);
        }

        public static bool IsLoopback(string host)
        {
            host = host.Trim('[', ']');
            return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
                || host.StartsWith("127.", StringComparison.Ordinal)
                || host == "::1"
                || host == "0.0.0.0";
        }
    }
}
