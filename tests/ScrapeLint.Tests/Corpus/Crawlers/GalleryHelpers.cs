// Image evidence outside the URL: a download helper named for images, and an image file name made inside the helper.
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Gallery;

public enum MediaKind { Photo, Video }

public sealed record MediaItem(string Url, MediaKind Kind, string Id);

public static class GalleryDump
{
    private static readonly HttpClient Http = new();

    public static void SaveImage(string source, string target) => new WebClient().DownloadFile(source, target);

    public static void SaveNumbered(string source, int n) => new WebClient().DownloadFile(source, Path.Combine("out", $"img{n}.png"));

    public static async Task DownloadPictureAsync(string address, string folder, string name)
        => await File.WriteAllBytesAsync(Path.Combine(folder, name), await Http.GetByteArrayAsync(address));

    public static async Task RunAsync(List<MediaItem> media, List<string> lines)
    {
        foreach (var item in media)
        {
            if (item.Kind != MediaKind.Photo)
            {
                continue;
            }

            SaveImage(item.Url, Path.Combine("out", item.Id)); // expect: SL1002, SL2001, SL2002
        }

        var n = 0;
        foreach (var line in lines)
        {
            SaveNumbered(line, n++); // expect: SL1002, SL2001, SL2002
        }

        foreach (var item in media)
        {
            await DownloadPictureAsync(item.Url, "out", item.Id); // expect: SL1002, SL2001, SL2002
        }
    }
}
