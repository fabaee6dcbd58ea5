using System;

namespace ScrapeLint.Compliance;

/// <summary>
/// Hands out start times for requests to one host: consecutive starts are at least an interval apart
/// and none falls inside a pause ordered by the server (Retry-After, 429, 503). Thread-safe.
/// </summary>
internal sealed class HostPacer
{
    private const int MaxBackoffDoublings = 10;

    private readonly object _gate = new();
    private DateTimeOffset _next = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private int _backoffs;

    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_gate)
            {
                return _pausedUntil;
            }
        }
    }

    /// <summary>Reserves the earliest free start time at or after <paramref name="now"/>.</summary>
    public DateTimeOffset Reserve(DateTimeOffset now, TimeSpan interval)
    {
        lock (_gate)
        {
            var slot = Max(now, Max(_next, _pausedUntil));
            _next = slot + interval;
            return slot;
        }
    }

    /// <summary>Gives a reservation back (the caller gave up) when nobody has reserved after it.</summary>
    public void Release(DateTimeOffset slot, TimeSpan interval)
    {
        lock (_gate)
        {
            if (_next == slot + interval)
            {
                _next = slot;
            }
        }
    }

    /// <summary>Stops requests until <paramref name="until"/>; an earlier pause never shortens a later one.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    /// <summary>The pause after the n-th consecutive 429/503 without Retry-After: base, 2×base, 4×base, …</summary>
    public TimeSpan NextBackoff(TimeSpan baseDelay, TimeSpan max)
    {
        lock (_gate)
        {
            var factor = 1L << Math.Min(_backoffs, MaxBackoffDoublings);
            _backoffs++;
            var ticks = baseDelay.Ticks > max.Ticks / factor ? max.Ticks : baseDelay.Ticks * factor;
            return TimeSpan.FromTicks(Math.Min(ticks, max.Ticks));
        }
    }

    public void ResetBackoff()
    {
        lock (_gate)
        {
            _backoffs = 0;
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
