using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ScrapeLint.Compliance.Tests.Policy;

/// <summary>Runs alone: its CPU burners would distort the timing of other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CpuLoadCollection
{
    public const string Name = "CPU load";
}

/// <summary>
/// The per-host delay is a minimum on the real clock, under CPU load and with many callers (async, and
/// sync on their own threads): every gap between two consecutive turns to one host is at least the delay.
/// </summary>
[Collection(CpuLoadCollection.Name)]
public class PacingUnderLoadTests
{
    private const string Agent = "QuillBot/1.0 (+https://quill.example/bot)";
    private readonly ITestOutputHelper _output;

    public PacingUnderLoadTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task Every_gap_between_two_turns_to_one_host_is_at_least_the_delay_under_load()
    {
        var delay = TimeSpan.FromMilliseconds(50);
        using var policy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = Agent, MinDelayPerHost = delay }, new StubRobotsHandler(""));
        var url = new Uri("https://busy.example/page");
        Assert.True(await policy.IsAllowedAsync(url)); // robots.txt cached before the measurement

        var releases = new ConcurrentQueue<long>();
        using (CpuBurners.Start())
        {
            // 16 async callers and 4 sync callers on threads of their own, two turns each: 40 turns, about 2 s.
            var asyncCallers = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
            {
                for (var turn = 0; turn < 2; turn++)
                {
                    await policy.WaitTurnAsync(url);
                    releases.Enqueue(Stopwatch.GetTimestamp());
                }
            })).ToArray();
            var syncCallers = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
            {
                for (var turn = 0; turn < 2; turn++)
                {
                    policy.WaitTurn(url);
                    releases.Enqueue(Stopwatch.GetTimestamp());
                }
            })).ToArray();
            Array.ForEach(syncCallers, thread => thread.Start());
            await Task.WhenAll(asyncCallers).WaitAsync(TimeSpan.FromSeconds(30));
            Array.ForEach(syncCallers, thread => Assert.True(thread.Join(TimeSpan.FromSeconds(30))));
        }

        AssertGaps(releases.ToArray(), expected: 40, delay);
    }

    [Fact]
    public async Task Requests_through_PoliteHttpHandler_start_at_least_the_delay_apart_under_load()
    {
        var delay = TimeSpan.FromMilliseconds(40);
        using var policy = new CrawlPolicy(new CrawlPolicyOptions { UserAgent = Agent, MinDelayPerHost = delay }, new StubRobotsHandler(""));
        var starts = new ConcurrentQueue<long>();
        using var http = new HttpClient(new PoliteHttpHandler(policy, new StampingHandler(starts)));
        await http.GetStringAsync("https://busy.example/warm-up");
        while (starts.TryDequeue(out _))
        {
        }

        using (CpuBurners.Start())
        {
            // 12 callers, two requests each: 24 requests, about 1 s.
            var callers = Enumerable.Range(0, 12).Select(caller => Task.Run(async () =>
            {
                for (var request = 0; request < 2; request++)
                {
                    await http.GetStringAsync($"https://busy.example/{caller}/{request}");
                }
            })).ToArray();
            await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(30));
        }

        AssertGaps(starts.ToArray(), expected: 24, delay);
    }

    private void AssertGaps(long[] stamps, int expected, TimeSpan delay)
    {
        Assert.Equal(expected, stamps.Length);
        Array.Sort(stamps);
        var gaps = new double[stamps.Length - 1];
        for (var i = 1; i < stamps.Length; i++)
        {
            gaps[i - 1] = Stopwatch.GetElapsedTime(stamps[i - 1], stamps[i]).TotalMilliseconds;
        }

        var smallest = gaps.Min();
        _output.WriteLine($"{stamps.Length} turns, delay {delay.TotalMilliseconds} ms: smallest gap {smallest:F3} ms, mean {gaps.Average():F3} ms, largest {gaps.Max():F3} ms");
        // The stamps are taken by the callers after their turn is released, on machines burning every core: a caller
        // preempted between its release and its stamp stamps late, which shortens the next gap as measured here although
        // the releases were the delay apart (a CI run saw 49.94 ms for 50). One millisecond of such jitter is allowed;
        // the defects this test guards against gave gaps 13 to 50 ms short.
        const double StampJitter = 1.0;
        Assert.True(smallest >= delay.TotalMilliseconds - StampJitter,
            $"the smallest gap was {smallest:F3} ms, below the configured {delay.TotalMilliseconds} ms " +
            $"(gaps: {string.Join(", ", gaps.Select(gap => gap.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))})");
    }

    /// <summary>Records when each request reaches the network, i.e. when it starts.</summary>
    private sealed class StampingHandler : HttpMessageHandler
    {
        private readonly ConcurrentQueue<long> _starts;

        public StampingHandler(ConcurrentQueue<long> starts)
        {
            _starts = starts;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath != "/robots.txt")
            {
                _starts.Enqueue(Stopwatch.GetTimestamp());
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(""), RequestMessage = request });
        }
    }
}

/// <summary>Threads that keep every core busy until disposed.</summary>
internal sealed class CpuBurners : IDisposable
{
    private readonly Thread[] _threads;
    private volatile bool _stop;

    private CpuBurners()
    {
        _threads = Enumerable.Range(0, Environment.ProcessorCount * 2).Select(_ => new Thread(Burn) { IsBackground = true }).ToArray();
    }

    public static CpuBurners Start()
    {
        var burners = new CpuBurners();
        Array.ForEach(burners._threads, thread => thread.Start());
        return burners;
    }

    public void Dispose()
    {
        _stop = true;
        Array.ForEach(_threads, thread => thread.Join());
    }

    private void Burn()
    {
        var x = 1.0;
        while (!_stop)
        {
            for (var i = 0; i < 10_000; i++)
            {
                x = Math.Sqrt(x + i);
            }
        }

        GC.KeepAlive(x);
    }
}
