using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Tailspin.Facilities.Cameras;

public interface ICameraLog
{
    void Warn(string message);
}

/// <summary>
/// Time-lapse of the construction site: saves the site camera's current frame once a minute.
/// The camera is ours and always serves the latest frame at the same address.
/// </summary>
public sealed class WebcamSnapshotArchiver
{
    private const string SnapshotUrl = "https://cam.example.com/snapshot.jpg";
    private readonly HttpClient http;
    private readonly ICameraLog log;

    public WebcamSnapshotArchiver(HttpClient http, ICameraLog log)
    {
        this.http = http;
        this.log = log;
    }

    public async Task RunAsync(string archiveDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(archiveDirectory);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
            var path = Path.Combine(archiveDirectory, $"site-{stamp}.jpg");
            try
            {
                var frame = await http.GetByteArrayAsync(SnapshotUrl, cancellationToken);
                await File.WriteAllBytesAsync(path, frame, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                log.Warn($"Camera unreachable at {stamp}: {ex.Message}");
            }
        }
    }
}
