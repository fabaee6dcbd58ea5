using System.Diagnostics;
using System.Threading;

namespace ScrapeLint.Model
{
    internal static class Probe
    {
        public static long[] Ticks = new long[16];
        public static long[] Counts = new long[16];
        public static long Now() => Stopwatch.GetTimestamp();
        public static void Add(int slot, long start) { Interlocked.Add(ref Ticks[slot], Stopwatch.GetTimestamp() - start); Interlocked.Increment(ref Counts[slot]); }
    }
}
