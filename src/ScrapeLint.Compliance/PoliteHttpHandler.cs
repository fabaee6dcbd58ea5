using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ScrapeLint.Compliance;

/// <summary>
/// A <see cref="DelegatingHandler"/> that applies a <see cref="CrawlPolicy"/> to every request: a URL
/// robots.txt disallows is refused with <see cref="RobotsDisallowedException"/> (nothing is sent), a
/// request without a User-Agent gets the policy's, each request waits for its host's turn, and every
/// response is reported back so 429/503 and Retry-After pause the host.
/// </summary>
/// <remarks>
/// Redirects followed by the inner handler are not checked against robots.txt; to check every hop, turn
/// off automatic redirects in the inner handler and follow them in the crawler. The synchronous
/// <c>HttpClient.Send</c> is covered on .NET 8 and later; on .NET 5 to 7, which use the netstandard2.0
/// build, only the asynchronous methods are.
/// </remarks>
public sealed class PoliteHttpHandler : DelegatingHandler
{
    private readonly CrawlPolicy _policy;

    /// <summary>Creates the handler without an inner handler (for <c>IHttpClientFactory</c> pipelines).</summary>
    /// <param name="policy">The policy to apply; not disposed by the handler.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public PoliteHttpHandler(CrawlPolicy policy)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
    }

    /// <summary>Creates the handler in front of <paramref name="innerHandler"/>.</summary>
    /// <param name="policy">The policy to apply; not disposed by the handler.</param>
    /// <param name="innerHandler">The handler that sends the requests, such as an <see cref="HttpClientHandler"/>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public PoliteHttpHandler(CrawlPolicy policy, HttpMessageHandler innerHandler)
        : base(innerHandler ?? throw new ArgumentNullException(nameof(innerHandler)))
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = Prepare(request);
        if (!await _policy.IsAllowedAsync(url, cancellationToken).ConfigureAwait(false))
        {
            throw new RobotsDisallowedException(url);
        }

        await _policy.WaitTurnAsync(url, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        _policy.OnResponse(url, response);
        return response;
    }

#if NET8_0_OR_GREATER
    /// <inheritdoc/>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = Prepare(request);
        if (!AsyncHelpers.RunSync(_policy.IsAllowedAsync(url, cancellationToken)))
        {
            throw new RobotsDisallowedException(url);
        }

        _policy.WaitTurn(url, cancellationToken);
        var response = base.Send(request, cancellationToken);
        _policy.OnResponse(url, response);
        return response;
    }
#endif

    private Uri Prepare(HttpRequestMessage request)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        if (request.Headers.UserAgent.Count == 0)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", _policy.UserAgent);
        }

        return request.RequestUri!;
    }
}
