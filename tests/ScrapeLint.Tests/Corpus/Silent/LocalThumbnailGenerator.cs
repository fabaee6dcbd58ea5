using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Media.Thumbnails;

public interface IImageResizer
{
    byte[] ResizeToJpeg(byte[] image, int maxEdge);
}

public interface IMediaLog
{
    void Info(string message);
}

public sealed record ThumbnailResult(string Source, string Thumbnail, int? Width, int? Height);

/// <summary>Creates thumbnails for the photos in a local upload folder (files on disk, no network).</summary>
public sealed class LocalThumbnailGenerator
{
    private static readonly string[] Extensions = { "*.jpg", "*.jpeg", "*.png", "*.webp" };
    private readonly IImageResizer resizer;
    private readonly IMediaLog log;

    public LocalThumbnailGenerator(IImageResizer resizer, IMediaLog log)
    {
        this.resizer = resizer;
        this.log = log;
    }

    public async Task<List<ThumbnailResult>> GenerateAsync(string photoDirectory, int maxEdge, CancellationToken cancellationToken)
    {
        var thumbnailDirectory = Directory.CreateDirectory(Path.Combine(photoDirectory, "thumbnails")).FullName;
        var results = new List<ThumbnailResult>();

        foreach (var pattern in Extensions)
        {
            foreach (var photo in Directory.EnumerateFiles(photoDirectory, pattern))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var image = File.ReadAllBytes(photo);
                var (width, height) = PngSize(image);
                var thumbnail = Path.Combine(thumbnailDirectory, Path.GetFileNameWithoutExtension(photo) + "_thumb.jpg");
                await File.WriteAllBytesAsync(thumbnail, resizer.ResizeToJpeg(image, maxEdge), cancellationToken);
                results.Add(new ThumbnailResult(photo, thumbnail, width, height));
            }
        }

        log.Info($"{results.Count} thumbnails written to {thumbnailDirectory}");
        return results;
    }

    /// <summary>Reads the IHDR chunk of a PNG file; other formats report no size.</summary>
    private static (int? Width, int? Height) PngSize(byte[] image)
    {
        ReadOnlySpan<byte> signature = stackalloc byte[] { 0x89, 0x50, 0x4E, 0x47 };
        if (image.Length < 24 || !image.AsSpan(0, 4).SequenceEqual(signature))
        {
            return (null, null);
        }

        return (BinaryPrimitives.ReadInt32BigEndian(image.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(image.AsSpan(20, 4)));
    }
}
