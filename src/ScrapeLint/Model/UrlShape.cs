using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ScrapeLint.Model
{
    internal enum HoleKind
    {
        Value,

        /// <summary>An <c>href</c> taken from a fetched page: the crawler follows links.</summary>
        Link,

        /// <summary>An <c>img</c> element's <c>src</c>.</summary>
        ImageSource,

        /// <summary>Taken from a queue, stack or channel that the crawl drains.</summary>
        Drained,
    }

    /// <summary>A part of a URL whose value is not a constant: it remembers where it came from.</summary>
    internal sealed class Hole
    {
        public Hole(string name, ISymbol? symbol, bool isVariant, HoleKind kind = HoleKind.Value, int parameterOrdinal = -1, string? collectionName = null, bool isState = false)
        {
            IsState = isState;
            Name = name;
            Symbol = symbol;
            IsVariant = isVariant;
            Kind = kind;
            ParameterOrdinal = parameterOrdinal;
            CollectionName = collectionName;
        }

        /// <summary>The name of the local, parameter, field, property or method the value came from.</summary>
        public string Name { get; }

        public ISymbol? Symbol { get; }

        /// <summary>The value changes from one iteration to the next.</summary>
        public bool IsVariant { get; }

        public HoleKind Kind { get; }

        /// <summary>The parameter of the analysed method the value came from, or -1.</summary>
        public int ParameterOrdinal { get; }

        /// <summary>For a loop element: the name of the collection it came from (<c>profileUrls</c>).</summary>
        public string? CollectionName { get; }

        /// <summary>
        /// The value is the state of the analysed method's own object (or a static member): a field or property of the
        /// project, or an element drained from a collection kept in one. A caller substitutes it from the instance it calls
        /// the method on, as it substitutes a parameter from the argument.
        /// </summary>
        public bool IsState { get; }

        public Hole WithVariance(bool isVariant)
            => isVariant == IsVariant ? this : new Hole(Name, Symbol, isVariant, Kind, ParameterOrdinal, CollectionName, IsState);
    }

    /// <summary>
    /// The constant fragments and holes of a URL value, e.g. <c>https://www.linkedin.com/in/{handle}</c>.
    /// </summary>
    internal sealed class UrlShape
    {
        public const char HoleMark = '\u0001';

        private static readonly string[] ImageExtensions = { ".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".avif", ".heic" };
        private static readonly string[] ImagePathMarkers = { "avatar", "photo", "picture", "profile_images", "profile_pic", "thumbnail" };

        private string? pattern;
        private string? path;
        private Tuple<string?>? hostSuffix;

        private UrlShape(ImmutableArray<object> parts)
        {
            Parts = parts;
        }

        public static UrlShape Empty { get; } = new UrlShape(ImmutableArray<object>.Empty);

        /// <summary>Each part is a <see cref="string"/> fragment or a <see cref="Model.Hole"/>.</summary>
        public ImmutableArray<object> Parts { get; }

        public IEnumerable<Hole> Holes => Parts.OfType<Hole>();

        public bool IsConstant
        {
            get
            {
                foreach (var part in Parts)
                {
                    if (part is Hole)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        public bool IsVariant
        {
            get
            {
                foreach (var part in Parts)
                {
                    if (part is Hole { IsVariant: true })
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>The whole value is one hole: the URL came whole from a variable, field or call.</summary>
        public Hole? WholeHole => Parts.Length == 1 ? Parts[0] as Hole : null;

        /// <summary>The text with every hole as <see cref="HoleMark"/>.</summary>
        public string Pattern => pattern ??= ComputePattern();

        public static UrlShape Text(string text) => new UrlShape(text.Length == 0 ? ImmutableArray<object>.Empty : ImmutableArray.Create<object>(text));

        public static UrlShape Of(Hole hole) => new UrlShape(ImmutableArray.Create<object>(hole));

        public static UrlShape Concat(params UrlShape[] shapes) => Concat((IEnumerable<UrlShape>)shapes);

        /// <summary>Two shapes end to end; an empty one gives the other back.</summary>
        public static UrlShape Concat(UrlShape first, UrlShape second)
            => second.Parts.IsEmpty ? first : first.Parts.IsEmpty ? second : Concat(new[] { first, second });

        public static UrlShape Concat(IEnumerable<UrlShape> shapes)
        {
            var builder = ImmutableArray.CreateBuilder<object>();
            foreach (var shape in shapes)
            {
                foreach (var part in shape.Parts)
                {
                    Append(builder, part);
                }
            }

            return new UrlShape(builder.ToImmutable());
        }

        public UrlShape Map(Func<Hole, UrlShape> replace)
        {
            if (IsConstant)
            {
                return this;
            }

            var builder = ImmutableArray.CreateBuilder<object>(Parts.Length);
            foreach (var part in Parts)
            {
                if (part is Hole hole)
                {
                    foreach (var replaced in replace(hole).Parts)
                    {
                        Append(builder, replaced);
                    }
                }
                else if (((string)part).Length > 0)
                {
                    Append(builder, part);
                }
            }

            return new UrlShape(builder.ToImmutable());
        }

        /// <summary>Adds a part, joining text to the text before it.</summary>
        private static void Append(ImmutableArray<object>.Builder builder, object part)
        {
            if (part is string text && builder.Count > 0 && builder[builder.Count - 1] is string previous)
            {
                builder[builder.Count - 1] = previous + text;
            }
            else
            {
                builder.Add(part);
            }
        }

        private string ComputePattern()
        {
            if (Parts.Length == 1 && Parts[0] is string only)
            {
                return only;
            }

            var text = new StringBuilder();
            foreach (var part in Parts)
            {
                if (part is string fragment)
                {
                    text.Append(fragment);
                }
                else
                {
                    text.Append(HoleMark);
                }
            }

            return text.ToString();
        }

        public override string ToString()
        {
            var text = new StringBuilder();
            foreach (var part in Parts)
            {
                text.Append(part is Hole hole ? "{" + hole.Name + "}" : (string)part);
            }

            var result = text.ToString();
            return result.Length > 120 ? result.Substring(0, 117) + "..." : result;
        }

        /// <summary>
        /// The host, or its constant end when part of it is a hole (<c>linkedin.com</c> of <c>https://{lang}.linkedin.com</c>);
        /// null for a relative URL or one that starts with a hole.
        /// </summary>
        public string? HostSuffix => (hostSuffix ??= Tuple.Create(HostPart().Host)).Item1;

        /// <summary>The path and query, from the first '/' after the host; holes kept as <see cref="HoleMark"/>.</summary>
        public string Path => path ??= ComputePath();

        private string ComputePath()
        {
            var text = Pattern;
            var start = SchemeEnd(text);
            if (start < 0)
            {
                // Relative URL, or one whose start is a hole: the path starts at the first '/' after it.
                if (text.Length > 0 && text[0] == HoleMark)
                {
                    var slash = text.IndexOf('/');
                    return slash < 0 ? "" : text.Substring(slash);
                }

                return text.StartsWith("/", StringComparison.Ordinal) ? text : "/" + text;
            }

            var end = text.IndexOfAny(new[] { '/', '?', '#' }, start);
            return end < 0 ? "" : text.Substring(end);
        }

        /// <summary>No scheme and host: a path relative to a base address (<c>api/users/{id}</c>, <c>/in/{handle}</c>).</summary>
        public bool IsRelative => Parts.Length > 0 && Parts[0] is string first && SchemeEnd(first) < 0 && !first.StartsWith("//", StringComparison.Ordinal);

        public bool IsRobotsTxt => Pattern.IndexOf("/robots.txt", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>The path ends in an image extension, or carries an image path marker.</summary>
        public string? ImageMarker()
        {
            var path = Path;
            var query = path.IndexOfAny(new[] { '?', '#' });
            var pathOnly = (query < 0 ? path : path.Substring(0, query)).ToLowerInvariant();
            foreach (var extension in ImageExtensions)
            {
                if (pathOnly.EndsWith(extension, StringComparison.Ordinal))
                {
                    return extension;
                }
            }

            foreach (var marker in ImagePathMarkers)
            {
                if (pathOnly.IndexOf(marker, StringComparison.Ordinal) >= 0)
                {
                    return marker;
                }
            }

            return null;
        }

        public static bool EndsWithImageExtension(string fileName)
        {
            var lower = fileName.ToLowerInvariant();
            return ImageExtensions.Any(e => lower.EndsWith(e, StringComparison.Ordinal));
        }

        private (string? Host, bool Exact) HostPart()
        {
            var text = Pattern;
            var start = SchemeEnd(text);
            if (start < 0)
            {
                return (null, false);
            }

            var end = text.IndexOfAny(new[] { '/', '?', '#' }, start);
            var host = end < 0 ? text.Substring(start) : text.Substring(start, end - start);
            var at = host.LastIndexOf('@');
            if (at >= 0)
            {
                host = host.Substring(at + 1);
            }

            var colon = host.LastIndexOf(':');
            if (colon >= 0 && host.IndexOf(']') < colon)
            {
                host = host.Substring(0, colon);
            }

            var lastHole = host.LastIndexOf(HoleMark);
            if (lastHole >= 0)
            {
                var suffix = host.Substring(lastHole + 1);
                return (suffix.StartsWith(".", StringComparison.Ordinal) && suffix.Length > 1 ? suffix.Substring(1) : null, false);
            }

            return host.Length == 0 ? (null, false) : (host.ToLowerInvariant(), true);
        }

        private static int SchemeEnd(string text)
        {
            if (text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                return 8;
            }

            if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                return 7;
            }

            return text.StartsWith("//", StringComparison.Ordinal) ? 2 : -1;
        }
    }

    /// <summary>A profile URL pattern: <c>linkedin.com/in/{}</c> (host and path) or <c>/users/{}</c> (path on any non-API host).</summary>
    internal sealed class ProfilePattern
    {
        public static readonly ImmutableArray<ProfilePattern> Defaults = new[]
        {
            "linkedin.com/in/{}", "facebook.com/{}", "facebook.com/profile.php?id={}", "instagram.com/{}", "twitter.com/{}",
            "x.com/{}", "tiktok.com/@{}", "vk.com/{}", "youtube.com/@{}",
            "/in/{}", "/profile/{}", "/profiles/{}", "/user/{}", "/users/{}", "/people/{}", "/member/{}", "/members/{}", "/u/{}", "/@{}",
        }.Select(Parse).ToImmutableArray();

        private static readonly string[] ApiPathSegments = { "/api/", "/v1/", "/v2/", "/v3/", "/v4/", "/graphql", "/rest/", "/odata/" };

        private ProfilePattern(string? host, string pathPrefix)
        {
            HostDomain = host;
            PathPrefix = pathPrefix;
            holeAfterPrefix = pathPrefix + UrlShape.HoleMark;
        }

        private readonly string holeAfterPrefix;

        /// <summary>The domain the pattern belongs to, or null for a generic path.</summary>
        public string? HostDomain { get; }

        /// <summary>The path before the profile hole, e.g. <c>/in/</c>.</summary>
        public string PathPrefix { get; }

        public static ProfilePattern Parse(string text)
        {
            text = text.Trim();
            var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd >= 0)
            {
                text = text.Substring(schemeEnd + 3);
            }

            var hole = text.IndexOf("{", StringComparison.Ordinal);
            var beforeHole = hole < 0 ? text : text.Substring(0, hole);
            var slash = beforeHole.IndexOf('/');
            if (slash == 0)
            {
                return new ProfilePattern(null, beforeHole);
            }

            return slash < 0
                ? new ProfilePattern(beforeHole, "/")
                : new ProfilePattern(beforeHole.Substring(0, slash), beforeHole.Substring(slash));
        }

        /// <summary>The shape requests a profile by this pattern: the path continues with a hole after the prefix.</summary>
        public bool Matches(UrlShape shape, ScrapeLintOptions options)
        {
            var path = shape.Path;
            if (HostDomain is not null)
            {
                var host = shape.HostSuffix;
                if (host is null || !HostList.IsSameOrSubdomain(host, HostDomain) || options.IsApiHost(host))
                {
                    return false;
                }

                return path.StartsWith(holeAfterPrefix, StringComparison.OrdinalIgnoreCase);
            }

            var knownHost = shape.HostSuffix;
            if (knownHost is not null && (options.IsApiHost(knownHost) || knownHost.StartsWith("api.", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            var query = path.IndexOf('?');
            var pathOnly = query < 0 ? path : path.Substring(0, query);
            if (ApiPathSegments.Any(segment => pathOnly.IndexOf(segment, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return false;
            }

            return pathOnly.IndexOf(holeAfterPrefix, StringComparison.OrdinalIgnoreCase) >= 0;
        }
    }
}
