using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;

namespace ScrapeLint.Compliance;

/// <summary>
/// A concurrent string-keyed table with a size bound. When an insertion finds it full, one caller sweeps:
/// first it evicts the entries that hold nothing worth keeping (idle), then, if that is not enough, the
/// least recently used entries that may be evicted at all, down to three quarters of the bound. Each sweep
/// frees a quarter of the table, so its cost is spread over that many insertions.
/// </summary>
/// <typeparam name="TValue">The entry; the eviction callback decides and marks its eviction atomically.</typeparam>
internal sealed class BoundedTable<TValue>
    where TValue : class
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);
    private readonly object _sweeping = new();
    private readonly int _capacity;
    private readonly Func<TValue, bool, bool> _tryEvict;
    private readonly Func<TValue, long> _lastUsed;

    /// <param name="capacity">The most entries kept.</param>
    /// <param name="tryEvict">
    /// Called with (entry, force): returns true when the entry may go and marks it gone. Without force only
    /// idle entries may go; with force anything not in use right now.
    /// </param>
    /// <param name="lastUsed">A timestamp of the entry's last use, for the least-recently-used order.</param>
    public BoundedTable(int capacity, Func<TValue, bool, bool> tryEvict, Func<TValue, long> lastUsed)
    {
        _capacity = Math.Max(4, capacity);
        _tryEvict = tryEvict;
        _lastUsed = lastUsed;
    }

    public int Count => _entries.Count;

    public int Capacity => _capacity;

    public TValue GetOrAdd(string key, Func<string, TValue> create)
    {
        if (_entries.TryGetValue(key, out var existing))
        {
            return existing;
        }

        if (_entries.Count >= _capacity)
        {
            Sweep();
        }

        return _entries.GetOrAdd(key, create);
    }

    /// <summary>Removes the entry only if it is still <paramref name="value"/> (a retired entry's own clean-up).</summary>
    public void Remove(string key, TValue value) =>
        ((ICollection<KeyValuePair<string, TValue>>)_entries).Remove(new KeyValuePair<string, TValue>(key, value));

    private void Sweep()
    {
        if (!Monitor.TryEnter(_sweeping))
        {
            return; // another caller is sweeping; this insertion may overshoot the bound by one meanwhile
        }

        try
        {
            if (_entries.Count < _capacity)
            {
                return;
            }

            var target = _capacity - (_capacity / 4);
            foreach (var entry in _entries)
            {
                if (_tryEvict(entry.Value, false))
                {
                    Remove(entry.Key, entry.Value);
                }
            }

            if (_entries.Count <= target)
            {
                return;
            }

            var rest = new List<KeyValuePair<string, TValue>>(_entries);
            var order = new long[rest.Count];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = _lastUsed(rest[i].Value);
            }

            var byAge = rest.ToArray();
            Array.Sort(order, byAge);
            foreach (var entry in byAge)
            {
                if (_entries.Count <= target)
                {
                    break;
                }

                if (_tryEvict(entry.Value, true))
                {
                    Remove(entry.Key, entry.Value);
                }
            }
        }
        finally
        {
            Monitor.Exit(_sweeping);
        }
    }
}
