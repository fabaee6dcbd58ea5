// Concurrency from tasks started in a loop without a projection: collected for Task.WhenAll, run with Task.Run,
// discarded, or not awaited.
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Bulk;

public static class StartedTaskFanOut
{
    private static readonly HttpClient Http = new();

    public static async Task SaveAllAsync(IEnumerable<string> imageUrls)
    {
        var tasks = new List<Task>();
        var n = 0;
        foreach (var imageUrl in imageUrls)
        {
            tasks.Add(SaveOneAsync(imageUrl, $"photos/photo{n++}.jpg")); // expect: SL1002, SL2001
        }

        await Task.WhenAll(tasks); // expect: SL2003
    }

    public static void Workers(IReadOnlyList<string> pictureUrls)
    {
        for (var w = 0; w < pictureUrls.Count; w++)
        {
            var pictureUrl = pictureUrls[w];
            _ = Task.Run(() => SaveOneAsync(pictureUrl, $"photos/pic{w}.png")); // expect: SL1002, SL2001, SL2003
        }
    }

    public static void FireAndForget(IEnumerable<string> pictureUrls)
    {
        var n = 0;
        foreach (var pictureUrl in pictureUrls)
        {
            _ = SaveOneAsync(pictureUrl, $"photos/ff{n++}.png"); // expect: SL1002, SL2001, SL2003
        }
    }

    public static async Task GatedAsync(IEnumerable<string> imageUrls)
    {
        using var gate = new SemaphoreSlim(4);
        var tasks = new List<Task>();
        var n = 0;
        foreach (var imageUrl in imageUrls)
        {
            await gate.WaitAsync();
            tasks.Add(SaveAndReleaseAsync(imageUrl, $"photos/g{n++}.jpg", gate)); // expect: SL1002, SL2001
        }

        await Task.WhenAll(tasks);
    }

    private static async Task SaveOneAsync(string url, string path) => await File.WriteAllBytesAsync(path, await Http.GetByteArrayAsync(url));

    private static async Task SaveAndReleaseAsync(string url, string path, SemaphoreSlim gate)
    {
        try
        {
            await SaveOneAsync(url, path);
        }
        finally
        {
            gate.Release();
        }
    }
}
