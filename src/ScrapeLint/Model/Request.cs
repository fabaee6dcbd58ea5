using Microsoft.CodeAnalysis;

namespace ScrapeLint.Model
{
    /// <summary>What the model knows about one request: where it is, its URL shape, the iteration it runs in, what guards it.</summary>
    internal sealed class Request
    {
        public Request(Location location, UrlShape shape, Iteration? iteration)
        {
            Location = location;
            Shape = shape;
            Iteration = iteration;
        }

        public Location Location { get; }

        /// <summary>The expression that gives the URL at the request (for a wrapper call, the argument the URL comes from), for the code fixes.</summary>
        public SyntaxNode? UrlSyntax { get; set; }

        public UrlShape Shape { get; }

        public string ShapeText => Shape.ToString();

        /// <summary>The iteration context the request runs in, or null when it runs once.</summary>
        public Iteration? Iteration { get; }

        /// <summary>The URL depends on the iteration (loop variable, element, dequeued item, discovered link).</summary>
        public bool IsVariant { get; set; }

        /// <summary>An official API host, loopback or an allowed domain: never reported by the crawl rules.</summary>
        public bool IsExempt { get; set; }

        /// <summary>Runs once per element of something, with a URL that varies, to a host that is not exempt.</summary>
        public bool IsBulk => Iteration is not null && IsVariant && !IsExempt;

        /// <summary>A bulk request that fetches pages rather than an API (SPEC "Crawl request").</summary>
        public bool IsCrawl { get; set; }

        /// <summary>The profile shape or the profile-named value, when the URL is a personal profile.</summary>
        public string? ProfileEvidence { get; set; }

        /// <summary>The image shape or the image-named value, when the URL is an image.</summary>
        public string? ImageEvidence { get; set; }

        public bool IsProfilePhoto { get; set; }

        /// <summary>The restricted platform domain the URL targets (SL4001), or null.</summary>
        public string? RestrictedDomain { get; set; }

        public Safeguards Safeguards { get; set; }

        /// <summary>The innermost concurrent context around the request (Task.WhenAll projection, Parallel), or null.</summary>
        public Iteration? FanOut { get; set; }

        public bool IsConcurrent => FanOut is not null;

        /// <summary>The first crawl request in its fan-out lambda (SL2003 reports each fan-out once).</summary>
        public bool IsFirstInFanOut { get; set; }
    }

    /// <summary>The safeguards found on a request's path.</summary>
    [System.Flags]
    internal enum SafeguardKind
    {
        None = 0,
        RobotsCheck = 1,
        Throttle = 2,
        ConcurrencyGate = 4,
    }

    internal readonly struct Safeguards
    {
        public Safeguards(SafeguardKind kinds) => Kinds = kinds;

        public SafeguardKind Kinds { get; }

        public bool HasRobotsCheck => (Kinds & SafeguardKind.RobotsCheck) != 0;

        public bool HasThrottle => (Kinds & SafeguardKind.Throttle) != 0;

        public bool HasConcurrencyGate => (Kinds & SafeguardKind.ConcurrencyGate) != 0;
    }
}
