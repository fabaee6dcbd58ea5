using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace Fabrikam.Ops.Restore;

public interface IRestoreOptions
{
    Uri ContainerUrl { get; }
    string SasQuery { get; }
}

public interface IRestoreProgress
{
    void Report(string blobName, long bytes);
}

/// <summary>
/// Restores a disaster-recovery snapshot: lists the blobs of our own backup container with its SAS token
/// (List Blobs REST call, XML) and downloads each one to the restore volume.
/// </summary>
public sealed class BlobContainerBackupRestorer
{
    private readonly HttpClient http;
    private readonly IRestoreOptions options;
    private readonly IRestoreProgress progress;

    public BlobContainerBackupRestorer(HttpClient http, IRestoreOptions options, IRestoreProgress progress)
    {
        this.http = http;
        this.options = options;
        this.progress = progress;
    }

    public async Task<int> RestoreAsync(string prefix, string targetDirectory, CancellationToken cancellationToken)
    {
        var names = await ListAsync(prefix, cancellationToken);
        foreach (var name in names)
        {
            var target = Path.Combine(targetDirectory, name.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);

            var blobUrl = $"{options.ContainerUrl.AbsoluteUri.TrimEnd('/')}/{name}?{options.SasQuery}";
            using var response = await http.GetAsync(blobUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var file = File.Create(target);
            await response.Content.CopyToAsync(file, cancellationToken);
            progress.Report(name, file.Length);
        }

        return names.Count;
    }

    private async Task<List<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? marker = null;
        do
        {
            var url = $"{options.ContainerUrl.AbsoluteUri.TrimEnd('/')}?restype=container&comp=list&prefix={Uri.EscapeDataString(prefix)}&{options.SasQuery}";
            if (marker is not null)
            {
                url += "&marker=" + Uri.EscapeDataString(marker);
            }

            var xml = XDocument.Parse(await http.GetStringAsync(url, cancellationToken));
            names.AddRange(xml.Descendants("Blob").Select(b => (string?)b.Element("Name")).OfType<string>());
            marker = (string?)xml.Root?.Element("NextMarker");
        }
        while (!string.IsNullOrEmpty(marker));

        return names;
    }
}
