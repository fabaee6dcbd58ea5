using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ScrapeLint.Compliance;

/// <summary>Downloads and interprets one robots.txt following RFC 9309 section 2.3.</summary>
internal sealed class RobotsTxtFetcher : IDisposable
{
    /// <summary>Redirects followed before the file counts as unavailable (RFC 9309 section 2.3.1.2).</summary>
    public const int MaxRedirects = 5;

    /// <summary>Bytes read at most; the rest of a larger file is ignored.</summary>
    public const int MaxBytes = RobotsTxtParser.MaxContentLength;

    private readonly HttpClient _client;
    private readonly string _userAgent;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    public RobotsTxtFetcher(HttpMessageHandler? handler, string userAgent, TimeSpan timeout, TimeProvider time)
    {
        _client = handler is null
            ? new HttpClient(CreateDefaultHandler(), disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        _client.Timeout = System.Threading.Timeout.InfiniteTimeSpan; // the per-fetch token enforces _timeout
        _userAgent = userAgent;
        _timeout = timeout;
        _time = time;
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Never throws: every failure maps to an RFC 9309 outcome.</summary>
    public async Task<RobotsFetchResult> FetchAsync(Uri robotsUri, CancellationToken cancellationToken)
    {
        var uri = robotsUri;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
                using var response = await _client
                    .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                    .ConfigureAwait(false);
                var status = (int)response.StatusCode;

                if (IsRedirect(status))
                {
                    var next = NextLocation(uri, response);
                    if (next is null || redirects >= MaxRedirects)
                    {
                        // Too many hops, a loop, or nowhere to go: the file is unavailable (allow all).
                        return new RobotsFetchResult(RobotsTxt.AllowAll, reachable: true, retryAfter: null);
                    }

                    uri = next;
                    continue;
                }

                if (status >= 200 && status < 300)
                {
                    var text = await ReadLimitedAsync(response, timeout.Token).ConfigureAwait(false);
                    return new RobotsFetchResult(RobotsTxt.Parse(text), reachable: true, retryAfter: null);
                }

                if (status == 429 || status >= 500)
                {
                    var retryAfter = RetryAfter.Read(response, _time.GetUtcNow());
                    return new RobotsFetchResult(RobotsTxt.DisallowAll, reachable: false, retryAfter);
                }

                if (status >= 400)
                {
                    return new RobotsFetchResult(RobotsTxt.AllowAll, reachable: true, retryAfter: null);
                }

                // 1xx, 304 and other codes RFC 9309 does not define: assume nothing, retry soon.
                return new RobotsFetchResult(RobotsTxt.DisallowAll, reachable: false, retryAfter: null);
            }
        }
        catch (Exception)
        {
            // Network failure, timeout, a misbehaving handler, or disposal of the policy: the file is
            // unreachable (disallow all).
            return new RobotsFetchResult(RobotsTxt.DisallowAll, reachable: false, retryAfter: null);
        }
    }

    private static bool IsRedirect(int status) =>
        status is 300 or 301 or 302 or 303 or 307 or 308;

    private static Uri? NextLocation(Uri current, HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        if (location is null)
        {
            return null;
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        return next.Scheme == Uri.UriSchemeHttp || next.Scheme == Uri.UriSchemeHttps ? next : null;
    }

    private static async Task<string> ReadLimitedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        using (stream)
        {
            var buffer = new byte[Math.Min(MaxBytes + 1, 64 * 1024)];
            using var collected = new MemoryStream();
            while (collected.Length <= MaxBytes)
            {
#if NET8_0_OR_GREATER
                var read = await stream.ReadAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
#else
                var read = await stream.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
#endif
                if (read == 0)
                {
                    break;
                }

                collected.Write(buffer, 0, read);
            }

            var bytes = collected.GetBuffer();
            var length = (int)collected.Length;
            if (length > MaxBytes)
            {
                // Too big: keep whole lines within the limit. A line may end in CR, LF or CR LF (RFC 9309
                // section 2.2), so cut after the last of either; cutting at LF alone read a CR-only file as empty.
                length = LastLineBreak(bytes, MaxBytes) + 1;
            }

            return Encoding.UTF8.GetString(bytes, 0, length);
        }
    }

    /// <summary>The index of the last CR or LF among the first <paramref name="count"/> bytes, or -1.</summary>
    internal static int LastLineBreak(byte[] bytes, int count)
    {
        for (var i = count - 1; i >= 0; i--)
        {
            if (bytes[i] == (byte)'\n' || bytes[i] == (byte)'\r')
            {
                return i;
            }
        }

        return -1;
    }

    private static HttpMessageHandler CreateDefaultHandler()
    {
#if NET8_0_OR_GREATER
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
#else
        return new HttpClientHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        };
#endif
    }
}
