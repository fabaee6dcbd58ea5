using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Build.Signing;

public sealed record ArtifactHash(string RelativePath, string Sha256, long Length);

/// <summary>Computes SHA-256 hashes of the build output in parallel for the release manifest.</summary>
public static class ArtifactChecksumCalculator
{
    public static async Task<IReadOnlyList<ArtifactHash>> HashDirectoryAsync(string root, CancellationToken cancellationToken)
    {
        var results = new ConcurrentBag<ArtifactHash>();
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase));

        await Parallel.ForEachAsync(files, cancellationToken, async (path, token) =>
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            var hash = await SHA256.HashDataAsync(stream, token);
            results.Add(new ArtifactHash(Path.GetRelativePath(root, path), Convert.ToHexString(hash).ToLowerInvariant(), stream.Length));
        });

        return results.OrderBy(r => r.RelativePath, StringComparer.Ordinal).ToList();
    }

    public static IReadOnlyList<string> Verify(string root, IEnumerable<ArtifactHash> manifest)
    {
        var mismatches = new ConcurrentBag<string>();
        Parallel.ForEach(manifest, entry =>
        {
            var path = Path.Combine(root, entry.RelativePath);
            if (!File.Exists(path))
            {
                mismatches.Add($"missing: {entry.RelativePath}");
                return;
            }

            var actual = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))).ToLowerInvariant();
            if (actual != entry.Sha256)
            {
                mismatches.Add($"changed: {entry.RelativePath}");
            }
        });

        return mismatches.ToList();
    }

    public static Task WriteManifestAsync(string path, IEnumerable<ArtifactHash> hashes, CancellationToken cancellationToken)
        => File.WriteAllLinesAsync(path, hashes.Select(h => $"{h.Sha256}  {h.RelativePath}"), cancellationToken);
}
