using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace ScrapeLint.Compliance;

/// <summary>Reads the Retry-After header (RFC 9110 section 10.2.3): delay-seconds or an HTTP-date.</summary>
internal static class RetryAfter
{
    /// <summary>
    /// The wait the response asks for, measured from <paramref name="now"/>; null when absent, unreadable, or a
    /// date that is not in the future (a server whose clock lags must not lift the back-off a missing header gets).
    /// </summary>
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? null : delta;
        }

        if (header?.Date is { } date)
        {
            return date > now ? date - now : null;
        }

        // The typed header is null when the value did not parse; try the raw text leniently.
        if (!response.Headers.TryGetValues("Retry-After", out var values))
        {
            return null;
        }

        var raw = values.FirstOrDefault()?.Trim();
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (double.TryParse(raw, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds >= TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.MaxValue : TimeSpan.FromSeconds(seconds);
        }

        if (DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            return when > now ? when - now : null;
        }

        return null;
    }
}
