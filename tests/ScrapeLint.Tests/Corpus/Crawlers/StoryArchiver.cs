// A sleep before or after a loop is not pacing between its requests; one inside the loop, or in a helper the loop
// calls, is.
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;

namespace Archive;

public static class StoryArchiver
{
    public static void SaveAll(IEnumerable<string> photoUrls, string folder)
    {
        using var client = new WebClient();
        var n = 0;
        foreach (var photoUrl in photoUrls)
        {
            client.DownloadFile(photoUrl, Path.Combine(folder, $"{n++}.jpg")); // expect: SL1002, SL2001, SL2002
        }

        Thread.Sleep(2000);
    }

    public static async Task SaveAfterWarmUpAsync(IEnumerable<string> photoUrls, string folder)
    {
        using var client = new WebClient();
        await Task.Delay(TimeSpan.FromSeconds(5));
        foreach (var photoUrl in photoUrls)
        {
            await client.DownloadFileTaskAsync(photoUrl, Path.Combine(folder, Path.GetFileName(photoUrl))); // expect: SL1002, SL2001, SL2002
        }
    }

    public static async Task SaveForeverAsync(Queue<string> photoUrls)
    {
        using var client = new WebClient();
        while (photoUrls.Count > 0)
        {
            await client.DownloadFileTaskAsync(photoUrls.Dequeue(), "latest.jpg"); // expect: SL1002, SL2001, SL2002
            await Task.Delay(0);
        }

        await Task.Delay(-1);
    }

    public static void SavePolitely(IEnumerable<string> photoUrls, string folder)
    {
        using var client = new WebClient();
        foreach (var photoUrl in photoUrls)
        {
            Pause();
            client.DownloadFile(photoUrl, Path.Combine(folder, Path.GetFileName(photoUrl))); // expect: SL1002, SL2001
        }
    }

    private static void Pause() => Thread.Sleep(1500);
}
