using System;
using System.Net.Http;

namespace ScrapeLint.Compliance;

/// <summary>
/// Thrown by <see cref="PoliteHttpHandler"/> instead of sending a request that robots.txt does not allow
/// (or that cannot be checked because robots.txt is unreachable or the URL is not absolute http/https).
/// </summary>
public sealed class RobotsDisallowedException : HttpRequestException
{
    /// <summary>Creates the exception for a URL that may not be fetched.</summary>
    /// <param name="url">The refused URL.</param>
    public RobotsDisallowedException(Uri url)
        : base($"robots.txt does not allow fetching {url?.ToString() ?? "(no URL)"}; the request was not sent.")
    {
        Url = url!;
    }

    /// <summary>The refused URL.</summary>
    public Uri Url { get; }
}
