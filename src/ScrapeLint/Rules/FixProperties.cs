using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ScrapeLint.Model;

namespace ScrapeLint.Rules
{
    /// <summary>
    /// What a crawl diagnostic tells its code fix, in <see cref="Diagnostic.Properties"/>: the spans (in the
    /// diagnostic's document) of the iteration around the request and of the URL expression, and the kind of
    /// iteration. Spans rather than additional locations, so the diagnostics keep one location for users and tests.
    /// </summary>
    internal static class FixProperties
    {
        /// <summary>The loop statement or the lambda the request runs once per element of.</summary>
        public const string IterationSpan = "ScrapeLint.IterationSpan";

        /// <summary>An <see cref="Model.IterationKind"/> name: Loop, Projection, Parallel, Recursion, StartedTask.</summary>
        public const string IterationKind = "ScrapeLint.IterationKind";

        /// <summary>The URL expression of the request (for a wrapper call, the argument the URL comes from).</summary>
        public const string UrlSpan = "ScrapeLint.UrlSpan";

        /// <summary>SL2003: the lambda that the fan-out runs for every element.</summary>
        public const string FanOutLambdaSpan = "ScrapeLint.FanOutLambdaSpan";

        /// <summary>SL3001: the User-Agent value at the place it is set (an argument, an assigned value, a browser switch).</summary>
        public const string UserAgentSpan = "ScrapeLint.UserAgentSpan";

        /// <summary>SL3001: "Switch" when the value is a browser's <c>--user-agent=</c> switch, "Header" when it is the User-Agent itself.</summary>
        public const string UserAgentKind = "ScrapeLint.UserAgentKind";

        /// <summary>SL3001: the collection of browser strings the value is picked from, when it rotates.</summary>
        public const string UserAgentRotation = "ScrapeLint.UserAgentRotation";

        public static ImmutableDictionary<string, string?> ForUserAgent(TextSpan value, bool switchValue, string? rotation)
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(UserAgentSpan, Format(value))
                .Add(UserAgentKind, switchValue ? "Switch" : "Header");
            return rotation is null ? properties : properties.Add(UserAgentRotation, rotation);
        }

        public static ImmutableDictionary<string, string?> ForGuard(Request request)
        {
            var builder = ImmutableDictionary.CreateBuilder<string, string?>();
            if (request.Iteration is { } iteration)
            {
                builder[IterationSpan] = Format(iteration.Node.Span);
                builder[IterationKind] = iteration.Kind.ToString();
            }

            if (request.UrlSyntax is { } url)
            {
                builder[UrlSpan] = Format(url.Span);
            }

            return builder.ToImmutable();
        }

        public static ImmutableDictionary<string, string?> ForFanOut(Iteration fanOut)
            => ImmutableDictionary<string, string?>.Empty
                .Add(FanOutLambdaSpan, Format(fanOut.Node.Span))
                .Add(IterationKind, fanOut.Kind.ToString());

        public static TextSpan? ParseSpan(ImmutableDictionary<string, string?> properties, string key)
        {
            if (!properties.TryGetValue(key, out var text) || text is null)
            {
                return null;
            }

            var comma = text.IndexOf(',');
            return comma > 0
                && int.TryParse(text.Substring(0, comma), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                && int.TryParse(text.Substring(comma + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                ? new TextSpan(start, length)
                : null;
        }

        private static string Format(TextSpan span)
            => span.Start.ToString(CultureInfo.InvariantCulture) + "," + span.Length.ToString(CultureInfo.InvariantCulture);
    }
}
