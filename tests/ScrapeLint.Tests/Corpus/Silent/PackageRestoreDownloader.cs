using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Build.Restore;

public sealed record PackageReference(string Id, string Version);

public sealed record LockFile(string Feed, List<PackageReference> Packages);

public interface IRestoreLog
{
    void Verbose(string message);
}

/// <summary>
/// Restores the packages pinned in <c>packages.lock.json</c> from our internal feed into a local cache,
/// the way the build agents did before they moved to NuGet.
/// </summary>
public sealed class PackageRestoreDownloader
{
    private readonly HttpClient http;
    private readonly IRestoreLog log;

    public PackageRestoreDownloader(HttpClient http, IRestoreLog log)
    {
        this.http = http;
        this.log = log;
    }

    public async Task RestoreAsync(string lockFilePath, string cacheDirectory, CancellationToken cancellationToken)
    {
        await using var lockStream = File.OpenRead(lockFilePath);
        var lockFile = await JsonSerializer.DeserializeAsync<LockFile>(lockStream, cancellationToken: cancellationToken)
            ?? throw new InvalidDataException("Empty lock file");

        foreach (var package in lockFile.Packages)
        {
            var id = package.Id.ToLowerInvariant();
            var version = package.Version.ToLowerInvariant();
            var folder = Path.Combine(cacheDirectory, id, version);
            if (Directory.Exists(folder))
            {
                log.Verbose($"{id} {version} is cached");
                continue;
            }

            var packageUrl = $"{lockFile.Feed.TrimEnd('/')}/v3-flatcontainer/{id}/{version}/{id}.{version}.nupkg";
            var nupkg = Path.Combine(cacheDirectory, $"{id}.{version}.nupkg");
            var bytes = await http.GetByteArrayAsync(packageUrl, cancellationToken);
            await File.WriteAllBytesAsync(nupkg, bytes, cancellationToken);
            ZipFile.ExtractToDirectory(nupkg, folder);

            var metadataUrl = $"{lockFile.Feed.TrimEnd('/')}/v3/registration/{id}/{version}.json";
            var metadata = await http.GetStringAsync(metadataUrl, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "metadata.json"), metadata, cancellationToken);
            log.Verbose($"Restored {id} {version}");
        }
    }
}
