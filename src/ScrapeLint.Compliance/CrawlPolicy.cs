using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ScrapeLint.Compliance;

/// <summary>
/// Decides whether a crawler may fetch a URL and when: fetches and caches each origin's robots.txt
/// (RFC 9309) and paces requests per host (minimum delay, <c>Crawl-delay</c>, <c>Retry-After</c>).
/// One instance should serve the whole crawler; it is thread-safe.
/// </summary>
/// <remarks>
/// <para>robots.txt is fetched once per scheme, host and port, by the first caller that needs it;
/// concurrent callers share that fetch. The outcome is kept for <see cref="CrawlPolicyOptions.RobotsCacheDuration"/>:
/// 2xx is parsed; 4xx (including 404), more than five redirects or a redirect loop mean "allow all";
/// 5xx, 429, network failures and timeouts mean "disallow all" and are retried after
/// <see cref="CrawlPolicyOptions.RobotsErrorRetryInterval"/>.</para>
/// <para>A URL that is relative or not http/https is never allowed.</para>
/// </remarks>
public sealed class CrawlPolicy : IDisposable
{
    /// <summary>Hosts whose pacing state is kept; idle ones are evicted first (they hold nothing a fresh one would not).</summary>
    internal const int DefaultMaxTrackedHosts = 100_000;

    /// <summary>Origins whose robots.txt is cached; expired ones are evicted first, then the least recently used.</summary>
    internal const int DefaultMaxCachedOrigins = 20_000;

    private static readonly TimeSpan MaxCacheDuration = TimeSpan.FromHours(24);
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(7);

    private readonly TimeProvider _time;
    private readonly RobotsTxtFetcher _fetcher;
    private readonly CancellationTokenSource _disposal = new();
    private readonly BoundedTable<OriginState> _origins;
    private readonly BoundedTable<HostPacer> _hosts;
    private readonly TimeSpan _minDelay;
    private readonly TimeSpan _maxCrawlDelay;
    private readonly TimeSpan _cacheDuration;
    private readonly TimeSpan _errorRetry;
    private readonly TimeSpan _maxRetryAfter;
    private int _disposed;

    /// <summary>Creates a policy on the system clock.</summary>
    /// <param name="options">Settings; <see cref="CrawlPolicyOptions.UserAgent"/> must start with a product token.</param>
    /// <param name="robotsTxtHandler">
    /// Optional handler used to download robots.txt files (not disposed by the policy). Redirects are
    /// followed by the policy itself, so the handler should not follow them. When omitted the policy
    /// creates and owns its own handler.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The user agent is empty, has no product token, or contains line breaks.</exception>
    public CrawlPolicy(CrawlPolicyOptions options, HttpMessageHandler? robotsTxtHandler = null)
        : this(options, robotsTxtHandler, TimeProvider.System)
    {
    }

    /// <summary>Creates a policy on the given clock (used for pacing, pauses and cache expiry).</summary>
    /// <param name="options">Settings; <see cref="CrawlPolicyOptions.UserAgent"/> must start with a product token.</param>
    /// <param name="robotsTxtHandler">Optional handler used to download robots.txt files (not disposed by the policy).</param>
    /// <param name="timeProvider">The clock; tests pass a fake one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="timeProvider"/> is null.</exception>
    /// <exception cref="ArgumentException">The user agent is empty, has no product token, or contains line breaks.</exception>
    public CrawlPolicy(CrawlPolicyOptions options, HttpMessageHandler? robotsTxtHandler, TimeProvider timeProvider)
        : this(options, robotsTxtHandler, timeProvider, DefaultMaxTrackedHosts, DefaultMaxCachedOrigins)
    {
    }

    /// <summary>Creates a policy with other bounds on its tables (tests).</summary>
    internal CrawlPolicy(
        CrawlPolicyOptions options, HttpMessageHandler? robotsTxtHandler, TimeProvider timeProvider, int maxTrackedHosts, int maxCachedOrigins)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        UserAgent = ValidateUserAgent(options.UserAgent);
        _minDelay = Clamp(options.MinDelayPerHost, MaxWait);
        _maxCrawlDelay = Clamp(options.MaxCrawlDelay, MaxWait);
        _cacheDuration = Clamp(options.RobotsCacheDuration, MaxCacheDuration);
        _errorRetry = Clamp(options.RobotsErrorRetryInterval, MaxCacheDuration);
        _maxRetryAfter = Clamp(options.MaxRetryAfter, MaxWait);
        var timeout = options.RobotsTxtTimeout > TimeSpan.Zero ? Clamp(options.RobotsTxtTimeout, TimeSpan.FromMinutes(10)) : TimeSpan.FromSeconds(10);
        _fetcher = new RobotsTxtFetcher(robotsTxtHandler, UserAgent, timeout, _time);
        _hosts = new BoundedTable<HostPacer>(maxTrackedHosts, static (pacer, force) => pacer.TryRetire(force), static pacer => pacer.LastUsed);
        _origins = new BoundedTable<OriginState>(maxCachedOrigins, TryEvictOrigin, static state => ReadLastUsed(state));
    }

    /// <summary>Hosts with pacing state (tests).</summary>
    internal int TrackedHostCount => _hosts.Count;

    /// <summary>Origins with a cached robots.txt (tests).</summary>
    internal int CachedOriginCount => _origins.Count;

    /// <summary>The validated User-Agent this policy identifies itself with.</summary>
    public string UserAgent { get; }

    /// <summary>Whether robots.txt allows this crawler to fetch the URL, fetching robots.txt when needed.</summary>
    /// <param name="url">An absolute http or https URL.</param>
    /// <param name="cancellationToken">Stops this caller's wait; a shared fetch continues for others.</param>
    /// <returns>
    /// <see langword="false"/> when robots.txt disallows the URL, when it cannot be fetched (server
    /// error, 429, network failure), and for null, relative or non-http(s) URLs.
    /// </returns>
    public async ValueTask<bool> IsAllowedAsync(Uri url, CancellationToken cancellationToken = default)
    {
        if (!IsCrawlable(url))
        {
            return false;
        }

        var robots = await GetRobotsTxtAsync(url, cancellationToken).ConfigureAwait(false);
        return robots.IsAllowed(UserAgent, url.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped));
    }

    /// <summary>
    /// Synchronous <see cref="IsAllowedAsync"/>, for crawlers that are not asynchronous (such as Selenium scripts).
    /// With the origin's robots.txt cached it answers on the calling thread without blocking. Otherwise it
    /// blocks until the download ends, and that download completes on the thread pool: callers that fill the
    /// pool with blocked threads (a wide <c>Parallel.For</c>) wait for the pool to grow on each origin's first
    /// call. Such crawlers should call <see cref="IsAllowedAsync"/>, or <see cref="GetRobotsTxtAsync"/> once
    /// per origin before the loop.
    /// </summary>
    /// <param name="url">An absolute http or https URL.</param>
    /// <returns>See <see cref="IsAllowedAsync"/>.</returns>
    public bool IsAllowed(Uri url) => IsAllowed(url, CancellationToken.None);

    /// <inheritdoc cref="IsAllowed(Uri)"/>
    /// <param name="url">An absolute http or https URL.</param>
    /// <param name="cancellationToken">Stops this caller's wait for robots.txt; a shared fetch continues for others.</param>
    public bool IsAllowed(Uri url, CancellationToken cancellationToken) => AsyncHelpers.RunSync(IsAllowedAsync(url, cancellationToken));

    /// <summary>
    /// The robots.txt that governs the URL's origin (cached, fetched when needed). An unavailable file
    /// reads as empty; an unreachable one disallows everything.
    /// </summary>
    /// <param name="url">An absolute http or https URL.</param>
    /// <param name="cancellationToken">Stops this caller's wait.</param>
    /// <returns>The parsed file, for example to read its <see cref="RobotsTxt.Sitemaps"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not an absolute http or https URL.</exception>
    public ValueTask<RobotsTxt> GetRobotsTxtAsync(Uri url, CancellationToken cancellationToken = default)
    {
        if (!IsCrawlable(url))
        {
            throw new ArgumentException("An absolute http or https URL is required.", nameof(url));
        }

        ThrowIfDisposed();
        var key = OriginKey(url);
        var state = _origins.GetOrAdd(key, _ => new OriginState(RobotsUri(url)));

        TaskCompletionSource<RobotsTxt>? owner = null;
        Task<RobotsTxt> fetch;
        lock (state)
        {
            state.LastUsed = _time.GetTimestamp();
            if (state.Robots is { } cached && _time.GetUtcNow() < state.ExpiresAt)
            {
                return new ValueTask<RobotsTxt>(cached);
            }

            if (state.Fetch is null)
            {
                owner = new TaskCompletionSource<RobotsTxt>(TaskCreationOptions.RunContinuationsAsynchronously);
                state.Fetch = owner.Task;
            }

            fetch = state.Fetch;
        }

        if (owner is not null)
        {
            _ = RefreshAsync(state, url, owner);
        }

        return new ValueTask<RobotsTxt>(AsyncHelpers.WaitAsync(fetch, cancellationToken));
    }

    /// <summary>
    /// Waits until this crawler may send its next request to the URL's host: at least
    /// <see cref="CrawlPolicyOptions.MinDelayPerHost"/> (or the robots.txt <c>Crawl-delay</c>, capped at
    /// <see cref="CrawlPolicyOptions.MaxCrawlDelay"/>, when longer) after the previous turn, and not
    /// before a pause ordered by the server has ended. Call it right before each request.
    /// </summary>
    /// <param name="url">The URL about to be requested. Null, relative and non-http(s) URLs do not wait.</param>
    /// <param name="cancellationToken">Stops waiting; the turn is then given back.</param>
    /// <returns>A task that completes when it is this caller's turn.</returns>
    public async ValueTask WaitTurnAsync(Uri url, CancellationToken cancellationToken = default)
    {
        if (!IsCrawlable(url))
        {
            return;
        }

        var robots = await GetRobotsTxtAsync(url, cancellationToken).ConfigureAwait(false);
        var interval = Interval(robots);
        var host = HostKey(url);
        var pacer = EnterPacer(host);
        try
        {
            await pacer.WaitTurnAsync(interval, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            pacer.Exit();
        }
    }

    /// <summary>
    /// Synchronous <see cref="WaitTurnAsync"/>: blocks the calling thread, and only that thread. The wait for
    /// the host's turn is a sleep on the calling thread that needs no other thread to end, so many callers
    /// blocked on thread-pool threads (<c>Parallel.For</c>) do not starve the pool. Only the first call for an
    /// origin (and the refresh once a day) waits for robots.txt to download, which completes on the thread pool.
    /// </summary>
    /// <param name="url">The URL about to be requested.</param>
    public void WaitTurn(Uri url) => WaitTurn(url, CancellationToken.None);

    /// <inheritdoc cref="WaitTurn(Uri)"/>
    /// <param name="url">The URL about to be requested.</param>
    /// <param name="cancellationToken">Stops waiting (<see cref="OperationCanceledException"/>); the turn is then given back.</param>
    public void WaitTurn(Uri url, CancellationToken cancellationToken)
    {
        if (!IsCrawlable(url))
        {
            return;
        }

        var robots = AsyncHelpers.RunSync(GetRobotsTxtAsync(url, cancellationToken));
        var interval = Interval(robots);
        var pacer = EnterPacer(HostKey(url));
        try
        {
            pacer.WaitTurn(interval, cancellationToken);
        }
        finally
        {
            pacer.Exit();
        }
    }

    /// <summary>
    /// Learns from a response: a 429 or 503 pauses the host for its <c>Retry-After</c> (seconds or
    /// HTTP date, capped at <see cref="CrawlPolicyOptions.MaxRetryAfter"/>), or, without one, for a
    /// back-off that doubles with every consecutive 429/503. Other responses end the back-off.
    /// </summary>
    /// <param name="url">The URL that was requested.</param>
    /// <param name="response">Its response. Null arguments are ignored.</param>
    public void OnResponse(Uri url, HttpResponseMessage response)
    {
        if (!IsCrawlable(url) || response is null)
        {
            return;
        }

        var pacer = EnterPacer(HostKey(url));
        try
        {
            var status = (int)response.StatusCode;
            if (status != 429 && status != 503)
            {
                pacer.ResetBackoff();
                return;
            }

            var pause = RetryAfter.Read(response, _time.GetUtcNow()) ??
                        pacer.NextBackoff(_minDelay > TimeSpan.FromSeconds(1) ? _minDelay : TimeSpan.FromSeconds(1), _maxRetryAfter);
            pacer.PauseFor(pause < _maxRetryAfter ? pause : _maxRetryAfter);
        }
        finally
        {
            pacer.Exit();
        }
    }

    /// <summary>Stops fetches in flight and releases the HTTP resources the policy owns.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _disposal.Cancel();
        _fetcher.Dispose();
        _disposal.Dispose();
    }

    private async Task RefreshAsync(OriginState state, Uri url, TaskCompletionSource<RobotsTxt> owner)
    {
        RobotsFetchResult result;
        try
        {
            result = await _fetcher.FetchAsync(state.RobotsUri, _disposal.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The fetcher maps every failure itself; this only guards against the unforeseen, so
            // that callers sharing this fetch are never left waiting.
            result = new RobotsFetchResult(RobotsTxt.DisallowAll, reachable: false, retryAfter: null);
        }

        var now = _time.GetUtcNow();
        var keep = _cacheDuration;
        if (!result.Reachable)
        {
            keep = _errorRetry;
            if (result.RetryAfter is { } retryAfter)
            {
                var pause = retryAfter < _maxRetryAfter ? retryAfter : _maxRetryAfter;
                var pacer = EnterPacer(HostKey(url));
                try
                {
                    pacer.PauseFor(pause);
                }
                finally
                {
                    pacer.Exit();
                }

                keep = pause > keep ? pause : keep;
            }

            keep = keep < _cacheDuration ? keep : _cacheDuration;
        }

        lock (state)
        {
            state.Robots = result.Robots;
            state.ExpiresAt = now + keep;
            state.Fetch = null;
        }

        owner.SetResult(result.Robots);
    }

    // The host's pacer, registered as in use so that no sweep retires it meanwhile; the caller must Exit it.
    private HostPacer EnterPacer(string host)
    {
        while (true)
        {
            var pacer = _hosts.GetOrAdd(host, _ => new HostPacer(_time));
            if (pacer.TryEnter())
            {
                return pacer;
            }

            _hosts.Remove(host, pacer); // retired by a sweep that has not removed it yet
        }
    }

    private TimeSpan Interval(RobotsTxt robots)
    {
        var interval = _minDelay;
        if (robots.GetCrawlDelay(UserAgent) is { } crawlDelay)
        {
            var capped = crawlDelay < _maxCrawlDelay ? crawlDelay : _maxCrawlDelay;
            interval = capped > interval ? capped : interval;
        }

        return interval;
    }

    // An origin may go when no fetch is in flight and, unless forced, its robots.txt has expired. An
    // evicted origin is fetched again when next needed: eviction never allows what robots.txt forbids.
    private bool TryEvictOrigin(OriginState state, bool force)
    {
        lock (state)
        {
            if (state.Fetch is not null)
            {
                return false;
            }

            return force || state.Robots is null || _time.GetUtcNow() >= state.ExpiresAt;
        }
    }

    private static long ReadLastUsed(OriginState state)
    {
        lock (state)
        {
            return state.LastUsed;
        }
    }

    private static string HostKey(Uri url) => url.IdnHost.ToLowerInvariant();

    private static bool IsCrawlable(Uri? url) =>
        url is not null && url.IsAbsoluteUri &&
        (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.IdnHost.Length > 0;

    private static string OriginKey(Uri url) =>
        url.Scheme + "://" + url.IdnHost.ToLowerInvariant() + ":" + url.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static Uri RobotsUri(Uri url) =>
        new(url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + "/robots.txt");

    private static string ValidateUserAgent(string? userAgent)
    {
        if (userAgent is null || userAgent.Trim().Length == 0)
        {
            throw new ArgumentException(
                "CrawlPolicyOptions.UserAgent is required and must identify the crawler, e.g. \"AcmeBot/1.0 (+https://acme.example/bot)\".",
                nameof(userAgent));
        }

        if (userAgent.IndexOfAny(new[] { '\r', '\n', '\0' }) >= 0)
        {
            throw new ArgumentException("CrawlPolicyOptions.UserAgent must be a single header line.", nameof(userAgent));
        }

        if (ProductToken.Extract(userAgent).Length == 0)
        {
            throw new ArgumentException(
                "CrawlPolicyOptions.UserAgent must start with a product token (letters, digits, '-' or '_'), e.g. \"AcmeBot/1.0\".",
                nameof(userAgent));
        }

        return userAgent.Trim();
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan max) =>
        value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(CrawlPolicy));
        }
    }
}
