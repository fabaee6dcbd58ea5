using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Adatum.Ops.Backups;

public interface IBackupOptions
{
    string StorageBaseUrl { get; }
    string SasToken { get; }
    string LocalArchive { get; }
    int DaysToKeep { get; }
}

public interface IBackupLog
{
    void Info(string message);
    void Warn(string message);
}

/// <summary>
/// Pulls the nightly database dumps our backup job writes to our storage account
/// (https://adatumbackups.blob.core.windows.net/sql/{yyyy-MM-dd}.bak) into the on-prem archive.
/// </summary>
public sealed class NightlyBackupDownloader
{
    private readonly HttpClient http;
    private readonly IBackupOptions options;
    private readonly IBackupLog log;

    public NightlyBackupDownloader(HttpClient http, IBackupOptions options, IBackupLog log)
    {
        this.http = http;
        this.options = options;
        this.log = log;
    }

    public async Task<int> CatchUpAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var downloaded = 0;
        for (var day = 1; day <= options.DaysToKeep; day++)
        {
            var date = today.AddDays(-day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var local = Path.Combine(options.LocalArchive, $"{date}.bak");
            if (File.Exists(local))
            {
                continue;
            }

            var url = $"{options.StorageBaseUrl.TrimEnd('/')}/sql/{date}.bak?{options.SasToken}";
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                log.Warn($"Backup {date}: HTTP {(int)response.StatusCode}");
                continue;
            }

            var partial = local + ".partial";
            await using (var target = File.Create(partial))
            {
                await response.Content.CopyToAsync(target, cancellationToken);
            }

            File.Move(partial, local, overwrite: true);
            log.Info($"Backup {date} archived ({new FileInfo(local).Length / 1024 / 1024} MiB)");
            downloaded++;
        }

        return downloaded;
    }
}
