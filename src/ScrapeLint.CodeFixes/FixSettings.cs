using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ScrapeLint.CodeFixes
{
    /// <summary>The <c>scrapelint.*</c> options a code fix writes into the code, read for the fixed document.</summary>
    internal sealed class FixSettings
    {
        public const int DefaultMinDelayMs = 1000;
        public const int DefaultMaxConcurrency = 4;

        private FixSettings(AnalyzerConfigOptions options)
        {
            MinDelayMs = ReadPositive(options, "scrapelint.min_delay_ms", DefaultMinDelayMs);
            MaxConcurrency = ReadPositive(options, "scrapelint.max_concurrency", DefaultMaxConcurrency);
            UserAgent = options.TryGetValue("scrapelint.user_agent", out var userAgent) && userAgent.Trim().Length > 0 ? userAgent.Trim() : null;
            RobotsCheckMethods = ReadList(options, "scrapelint.robots_check_methods");
            RateLimitMethods = ReadList(options, "scrapelint.rate_limit_methods");
        }

        /// <summary>What the SL2002 fix waits when it falls back to Task.Delay/Thread.Sleep, and the limiter's period.</summary>
        public int MinDelayMs { get; }

        /// <summary>What the SL2003 fix allows at once.</summary>
        public int MaxConcurrency { get; }

        /// <summary>The crawler's own User-Agent, when configured.</summary>
        public string? UserAgent { get; }

        public ImmutableArray<string> RobotsCheckMethods { get; }

        public ImmutableArray<string> RateLimitMethods { get; }

        public static FixSettings For(Document document, SyntaxTree tree)
            => new FixSettings(document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree));

        private static int ReadPositive(AnalyzerConfigOptions options, string key, int fallback)
            => options.TryGetValue(key, out var text) && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : fallback;

        private static ImmutableArray<string> ReadList(AnalyzerConfigOptions options, string key)
            => options.TryGetValue(key, out var text)
                ? text.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()).Where(s => s.Length > 0).ToImmutableArray()
                : ImmutableArray<string>.Empty;
    }
}
