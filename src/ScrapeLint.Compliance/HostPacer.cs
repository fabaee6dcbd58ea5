using System;
using System.Threading;
using System.Threading.Tasks;

namespace ScrapeLint.Compliance;

/// <summary>
/// Paces the requests to one host: one caller at a time holds the host's gate, sleeps until its turn
/// is actually due on the clock (checked again after every wake-up, since timers may fire early or a
/// pause may arrive meanwhile), and books the turn at the instant it is released. The next turn is
/// due one interval after that release, so the gap between two releases is never below the interval,
/// however many callers queue and however late they are scheduled. Thread-safe.
/// </summary>
/// <remarks>
/// Times are <see cref="TimeProvider.GetTimestamp"/> values (monotonic), not wall-clock times, so a
/// clock adjustment cannot shorten a gap. A pacer that <see cref="TryRetire"/> removed from the
/// policy's table refuses new users; they fetch a fresh one.
/// </remarks>
internal sealed class HostPacer
{
    private const int MaxBackoffDoublings = 10;

    private readonly object _lock = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;
    private long _lastRelease;
    private bool _released;
    private TimeSpan _lastInterval;
    private long _pausedUntil;
    private bool _paused;
    private int _backoffs;
    private int _users;
    private bool _retired;

    public HostPacer(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>When this pacer was last used (a timestamp): the eviction order of last resort.</summary>
    public long LastUsed { get; private set; }

    /// <summary>Registers a caller; false when the pacer was retired (the caller must get a fresh one).</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (_retired)
            {
                return false;
            }

            _users++;
            LastUsed = _time.GetTimestamp();
            return true;
        }
    }

    public void Exit()
    {
        lock (_lock)
        {
            _users--;
        }
    }

    /// <summary>Waits for the host's next turn and books it. The caller must have entered.</summary>
    public async Task WaitTurnAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var wait = TryBook(interval);
                if (wait <= TimeSpan.Zero)
                {
                    return;
                }

                await AsyncHelpers.Delay(_time, wait, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// <see cref="WaitTurnAsync"/> on the calling thread: it blocks only that thread and needs no thread-pool
    /// thread to wake up (a pool timer, when it fires, merely ends the sleep early).
    /// </summary>
    public void WaitTurn(TimeSpan interval, CancellationToken cancellationToken)
    {
        _gate.Wait(cancellationToken);
        try
        {
            while (true)
            {
                var wait = TryBook(interval);
                if (wait <= TimeSpan.Zero)
                {
                    return;
                }

                SleepOnThisThread(wait, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops requests for <paramref name="pause"/> from now; an earlier end never shortens a later one.</summary>
    public void PauseFor(TimeSpan pause)
    {
        lock (_lock)
        {
            var until = _time.GetTimestamp() + ToTimestampTicks(pause);
            if (!_paused || until > _pausedUntil)
            {
                _pausedUntil = until;
                _paused = true;
            }
        }
    }

    /// <summary>The pause after the n-th consecutive 429/503 without Retry-After: base, 2×base, 4×base, …</summary>
    public TimeSpan NextBackoff(TimeSpan baseDelay, TimeSpan max)
    {
        lock (_lock)
        {
            var factor = 1L << Math.Min(_backoffs, MaxBackoffDoublings);
            _backoffs++;
            var ticks = baseDelay.Ticks > max.Ticks / factor ? max.Ticks : baseDelay.Ticks * factor;
            return TimeSpan.FromTicks(Math.Min(ticks, max.Ticks));
        }
    }

    public void ResetBackoff()
    {
        lock (_lock)
        {
            _backoffs = 0;
        }
    }

    /// <summary>
    /// Retires the pacer when nobody is using it and, unless <paramref name="force"/>, it holds nothing a
    /// fresh pacer would not: the last turn is an interval old, no pause is running, no back-off is counting.
    /// </summary>
    public bool TryRetire(bool force)
    {
        lock (_lock)
        {
            if (_retired || _users > 0)
            {
                return false;
            }

            if (!force)
            {
                var now = _time.GetTimestamp();
                if (_backoffs > 0 || (_paused && now < _pausedUntil) ||
                    (_released && now < _lastRelease + ToTimestampTicks(_lastInterval)))
                {
                    return false;
                }
            }

            _retired = true;
            return true;
        }
    }

    // Books the turn now if it is due and returns zero; otherwise returns how long to wait.
    private TimeSpan TryBook(TimeSpan interval)
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            var due = now;
            if (_released)
            {
                due = Math.Max(due, _lastRelease + ToTimestampTicks(interval));
            }

            if (_paused)
            {
                due = Math.Max(due, _pausedUntil);
            }

            if (now >= due)
            {
                _lastRelease = now;
                _released = true;
                _lastInterval = interval;
                LastUsed = now;
                return TimeSpan.Zero;
            }

            return FromTimestampTicks(due - now);
        }
    }

    private void SleepOnThisThread(TimeSpan wait, CancellationToken cancellationToken)
    {
        using var wake = new ManualResetEventSlim(false);
        using var timer = _time.CreateTimer(static state => ((ManualResetEventSlim)state!).Set(), wake, wait, Timeout.InfiniteTimeSpan);

        // On the real clock the timeout ends the sleep by itself; a fake clock's timer sets the event.
        wake.Wait(wait, cancellationToken);
    }

    private long ToTimestampTicks(TimeSpan span)
    {
        var frequency = _time.TimestampFrequency;
        var ticks = span.Ticks;
        var whole = ticks / TimeSpan.TicksPerSecond;
        var rest = ticks % TimeSpan.TicksPerSecond;

        // Rounded up, so a converted interval is never shorter than the one asked for.
        return (whole * frequency) + (((rest * frequency) + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);
    }

    private TimeSpan FromTimestampTicks(long timestampTicks)
    {
        var frequency = _time.TimestampFrequency;
        var whole = timestampTicks / frequency;
        var rest = timestampTicks % frequency;
        var ticks = (whole * TimeSpan.TicksPerSecond) + (((rest * TimeSpan.TicksPerSecond) + frequency - 1) / frequency);

        // At least a millisecond: the timers have no finer grain, and the loop checks the clock again anyway.
        return TimeSpan.FromTicks(Math.Max(ticks, TimeSpan.TicksPerMillisecond));
    }
}
