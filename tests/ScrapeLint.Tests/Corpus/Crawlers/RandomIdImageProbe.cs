// URL variance from project methods that return a fresh value on every call: a random id, a Guid, a counter.
using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Probes;

public static class RandomIdImageProbe
{
    private static readonly Random Rng = new();
    private static readonly HttpClient Http = new();
    private static int _next;

    public static async Task GuessAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var code = RandomCode(7);
            var bytes = await Http.GetByteArrayAsync($"https://shots.example-host.net/{code}.png", ct); // expect: SL1002, SL2001, SL2002
            await File.WriteAllBytesAsync(code + ".png", bytes, ct);
        }
    }

    public static async Task SequenceAsync()
    {
        for (var i = 0; i < 5000; i++)
        {
            await Http.GetByteArrayAsync(NextPhotoUrl()); // expect: SL1002, SL2001, SL2002
        }
    }

    private static string RandomCode(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)('a' + Rng.Next(26));
        }

        return new string(chars);
    }

    private static string NextPhotoUrl() => $"https://photos.example-host.net/p/{Interlocked.Increment(ref _next)}.jpg";
}
