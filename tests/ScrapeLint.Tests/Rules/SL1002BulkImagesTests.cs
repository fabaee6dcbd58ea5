using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.BulkImageDownloadRule>;

namespace ScrapeLint.Tests.Rules;

/// <summary>
/// SL1002: a request sink in iteration context whose variant URL is an image (extension, path marker,
/// image-named value, an img element's src, or a response saved under an image file name).
/// </summary>
public class SL1002BulkImagesTests
{
    private static DiagnosticResult Images(int location) => Verify.Diagnostic("SL1002").WithLocation(location);

    #region Reports

    [Fact]
    public Task AngleSharpImgSourceInForeach_Reports() => Verify.VerifyAsync("""
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using AngleSharp;
        using AngleSharp.Dom;
        using AngleSharp.Html.Dom;

        public sealed class GalleryMirror
        {
            private readonly HttpClient _http;

            public GalleryMirror(HttpClient http) => _http = http;

            public async Task MirrorAsync(string galleryUrl, string outputDir, CancellationToken ct)
            {
                var context = BrowsingContext.New(Configuration.Default.WithDefaultLoader());
                var document = await context.OpenAsync(galleryUrl, ct);
                var n = 0;
                foreach (var img in document.QuerySelectorAll<IHtmlImageElement>("img"))
                {
                    var bytes = await {|#0:_http.GetByteArrayAsync(img.Source, ct)|};
                    await File.WriteAllBytesAsync(Path.Combine(outputDir, $"{n++}.bin"), bytes, ct);
                }
            }
        }
        """, Images(0));

    [Fact]
    public Task HtmlAgilityPackSrcAttributeInForeach_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class PageImageCollector
        {
            private readonly HttpClient _http;

            public PageImageCollector(HttpClient http) => _http = http;

            public async Task<List<byte[]>> CollectAsync(string pageUrl)
            {
                var doc = await new HtmlWeb().LoadFromWebAsync(pageUrl);
                var images = new List<byte[]>();
                var nodes = doc.DocumentNode.SelectNodes("//img[@src]");
                if (nodes == null) return images;

                foreach (var node in nodes)
                {
                    var src = node.GetAttributeValue("src", "");
                    images.Add(await {|#0:_http.GetByteArrayAsync(src)|});
                }

                return images;
            }
        }
        """, Images(0));

    [Fact]
    public Task JpgExtensionViaInterpolation_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class PhotoArchiver
        {
            private readonly HttpClient _http;

            public PhotoArchiver(HttpClient http) => _http = http;

            public async Task ArchiveAsync(IEnumerable<long> photoIds, Stream sink, CancellationToken ct)
            {
                foreach (var id in photoIds)
                {
                    using var stream = await {|#0:_http.GetStreamAsync($"https://cdn.picshare.example/full/{id}.jpg", ct)|};
                    await stream.CopyToAsync(sink, ct);
                }
            }
        }
        """, Images(0));

    [Fact]
    public Task GravatarAvatarPathMarker_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        public class CommenterAvatars
        {
            private readonly HttpClient _http = new HttpClient();

            public async Task<Dictionary<string, byte[]>> FetchAsync(IEnumerable<string> emailHashes)
            {
                var result = new Dictionary<string, byte[]>();
                foreach (var hash in emailHashes)
                {
                    result[hash] = await {|#0:_http.GetByteArrayAsync($"https://secure.gravatar.com/avatar/{hash}?s=256&d=404")|};
                }

                return result;
            }
        }
        """, Images(0));

    [Fact]
    public Task TwitterProfileImagesPath_ProfilePhotos_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public record TweetAuthor(string ScreenName, string ImageId, string ImageName);

        public sealed class AuthorFaceDataset
        {
            private readonly HttpClient _http;

            public AuthorFaceDataset(HttpClient http) => _http = http;

            public async Task BuildAsync(IEnumerable<TweetAuthor> authors, string dir, CancellationToken ct)
            {
                foreach (var author in authors)
                {
                    var data = await {|#0:_http.GetByteArrayAsync($"https://pbs.twimg.com/profile_images/{author.ImageId}/{author.ImageName}", ct)|};
                    await File.WriteAllBytesAsync(Path.Combine(dir, author.ScreenName), data, ct);
                }
            }
        }
        """, Images(0));

    [Fact]
    public Task AvatarUrlPropertyOfRecord_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public record Member(string Login, string AvatarUrl);

        public sealed class MemberAvatarCache
        {
            private readonly HttpClient _http;
            private readonly Dictionary<string, byte[]> _cache = new Dictionary<string, byte[]>();

            public MemberAvatarCache(HttpClient http) => _http = http;

            public async Task WarmAsync(IReadOnlyList<Member> members, CancellationToken ct)
            {
                foreach (var member in members)
                {
                    _cache[member.Login] = await {|#0:_http.GetByteArrayAsync(member.AvatarUrl, ct)|};
                }
            }
        }
        """, Images(0));

    [Fact]
    public Task PhotoUrlLoopVariableWithGetStreamAsync_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;

        public static class PhotoDump
        {
            public static async Task DumpAsync(HttpClient http, IEnumerable<string> photoUrls, string dir)
            {
                var i = 0;
                foreach (var photoUrl in photoUrls)
                {
                    await using var source = await {|#0:http.GetStreamAsync(photoUrl)|};
                    await using var target = File.Create(Path.Combine(dir, (i++).ToString()));
                    await source.CopyToAsync(target);
                }
            }
        }
        """, Images(0));

    [Fact]
    public Task ThumbnailUrlsWithListForEachAndWebClient_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.IO;
        using System.Net;

        public static class ThumbnailGrabber
        {
            public static void Grab(List<string> thumbnailUrls, string dir)
            {
                using var client = new WebClient();
                thumbnailUrls.ForEach(thumbnailUrl =>
                    {|#0:client.DownloadFile(thumbnailUrl, Path.Combine(dir, Path.GetFileName(thumbnailUrl)))|});
            }
        }
        """, Images(0));

    [Fact]
    public Task ResponseWrittenToJpgFileName_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class MediaExporter
        {
            private readonly HttpClient _http;

            public MediaExporter(HttpClient http) => _http = http;

            public async Task ExportAsync(IEnumerable<string> mediaIds, string dir, CancellationToken ct)
            {
                foreach (var id in mediaIds)
                {
                    var bytes = await {|#0:_http.GetByteArrayAsync($"https://media.example-social.net/media/{id}", ct)|};
                    await File.WriteAllBytesAsync($"{dir}/{id}.jpg", bytes, ct);
                }
            }
        }
        """, Images(0));

    [Fact]
    public Task WebClientDownloadFileToPngInForLoop_Reports() => Verify.VerifyAsync("""
        using System.Net;

        public static class StickerBackup
        {
            public static void Backup(int[] stickerIds)
            {
                using var client = new WebClient();
                for (var i = 0; i < stickerIds.Length; i++)
                {
                    var id = stickerIds[i];
                    {|#0:client.DownloadFile($"https://static.example-chat.net/stickers/{id}", $"{id}.png")|};
                }
            }
        }
        """, Images(0));

    [Fact]
    public Task DownloadImageHelperCalledInLoop_ReportsAtHelperCall() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class ImageHarvester
        {
            private readonly HttpClient _http;

            public ImageHarvester(HttpClient http) => _http = http;

            public async Task HarvestAsync(IEnumerable<string> imageUrls, string dir, CancellationToken ct)
            {
                var n = 0;
                foreach (var imageUrl in imageUrls)
                {
                    await {|#0:DownloadImageAsync(imageUrl, Path.Combine(dir, $"{n++:D6}"), ct)|};
                }
            }

            private async Task DownloadImageAsync(string url, string path, CancellationToken ct)
            {
                var bytes = await _http.GetByteArrayAsync(url, ct);
                await File.WriteAllBytesAsync(path, bytes, ct);
            }
        }
        """, Images(0));

    [Fact]
    public Task ImageHelperInAnotherClassTwoCallsDeep_ReportsAtHelperCall() => Verify.VerifyAsync(new[]
    {
        """
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Faces.Io
        {
            public sealed class BlobFetcher
            {
                private readonly HttpClient _http;

                public BlobFetcher(HttpClient http) => _http = http;

                public Task<byte[]> FetchAsync(string url, CancellationToken ct) => _http.GetByteArrayAsync(url, ct);
            }

            public sealed class PictureStore
            {
                private readonly BlobFetcher _fetcher;

                public PictureStore(BlobFetcher fetcher) => _fetcher = fetcher;

                public async Task SaveAsync(string url, string path, CancellationToken ct)
                    => await File.WriteAllBytesAsync(path, await _fetcher.FetchAsync(url, ct), ct);
            }
        }
        """,
        """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Faces.Io;

        namespace Faces.Jobs
        {
            public sealed class AlbumImport
            {
                private readonly PictureStore _store;

                public AlbumImport(PictureStore store) => _store = store;

                public async Task ImportAsync(IEnumerable<string> pictureIds, CancellationToken ct)
                {
                    foreach (var pictureId in pictureIds)
                    {
                        await {|#0:_store.SaveAsync($"https://photos.example-social.net/p/{pictureId}.webp", $"album/{pictureId}.webp", ct)|};
                    }
                }
            }
        }
        """,
    }, editorConfig: null, OutputKind.DynamicallyLinkedLibrary, Images(0));

    [Fact]
    public Task ParallelForEachAsyncOverImageUrls_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class ParallelImageDownloader
        {
            private readonly HttpClient _http;

            public ParallelImageDownloader(HttpClient http) => _http = http;

            public Task DownloadAllAsync(IEnumerable<string> imageUrls, string dir, CancellationToken ct)
                => Parallel.ForEachAsync(imageUrls, ct, async (imageUrl, token) =>
                {
                    var bytes = await {|#0:_http.GetByteArrayAsync(imageUrl, token)|};
                    await File.WriteAllBytesAsync(Path.Combine(dir, Path.GetFileName(imageUrl)), bytes, token);
                });
        }
        """, Images(0));

    [Fact]
    public Task SelectWithWhenAllOverPngUrls_Reports() => Verify.VerifyAsync("""
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;

        public static class TileFetcher
        {
            public static Task<byte[][]> FetchAsync(HttpClient http, int[] userIds)
                => Task.WhenAll(userIds.Select(id => {|#0:http.GetByteArrayAsync($"https://images.example-dating.com/u/{id}/main.png")|}));
        }
        """, Images(0));

    [Fact]
    public Task TopLevelProgramSavingJpgs_Reports() => Verify.VerifyProgramAsync("""
        using System.IO;
        using System.Net.Http;

        using var http = new HttpClient();
        Directory.CreateDirectory("out");
        var n = 0;
        foreach (var line in File.ReadLines("urls.txt"))
        {
            var bytes = await {|#0:http.GetByteArrayAsync(line.Trim())|};
            await File.WriteAllBytesAsync($"out/{n++}.jpg", bytes);
        }
        """, Images(0));

    [Fact]
    public Task FlurlDownloadFileAsyncOfJpegUrls_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Flurl.Http;

        public class FlurlPhotoSaver
        {
            public async Task SaveAsync(IEnumerable<string> postIds, string folder)
            {
                foreach (var postId in postIds)
                {
                    await {|#0:$"https://img.example-board.net/posts/{postId}/original.jpeg".DownloadFileAsync(folder, $"{postId}.jpeg")|};
                }
            }
        }
        """, Images(0));

    [Fact]
    public Task UserProfilePicturesByIdInForLoop_Reports() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class ProfilePictureCrawler
        {
            private readonly HttpClient _http;

            public ProfilePictureCrawler(HttpClient http) => _http = http;

            public async Task CrawlAsync(int firstUserId, int count)
            {
                for (var userId = firstUserId; userId < firstUserId + count; userId++)
                {
                    var picture = await {|#0:_http.GetByteArrayAsync($"https://forum.example.org/users/{userId}/avatar.png")|};
                    System.Console.WriteLine($"{userId}: {picture.Length}");
                }
            }
        }
        """, Images(0));

    #endregion

    #region Stays silent

    [Fact]
    public Task OneLogoDownloadedOnce_IsSilent() => Verify.VerifyAsync("""
        using System.IO;
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class BrandingSetup
        {
            private readonly HttpClient _http;

            public BrandingSetup(HttpClient http) => _http = http;

            public async Task InstallLogoAsync(string dir)
            {
                var logo = await _http.GetByteArrayAsync("https://partner.example.com/press/logo.png");
                await File.WriteAllBytesAsync(Path.Combine(dir, "logo.png"), logo);
            }
        }
        """);

    [Fact]
    public Task OwnCdnAssetsWithAllowedDomainsOption_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class AssetOptions
        {
            public List<string> Icons { get; set; } = new List<string>();
        }

        public sealed class IconBundler
        {
            private readonly HttpClient _http;
            private readonly AssetOptions _options;

            public IconBundler(HttpClient http, AssetOptions options)
            {
                _http = http;
                _options = options;
            }

            public async Task BundleAsync(string dir, CancellationToken ct)
            {
                foreach (var icon in _options.Icons)
                {
                    var bytes = await _http.GetByteArrayAsync($"https://cdn.mycompany.com/assets/icons/{icon}.png", ct);
                    await File.WriteAllBytesAsync(Path.Combine(dir, icon + ".png"), bytes, ct);
                }
            }
        }
        """, "scrapelint.allowed_domains = mycompany.com");

    [Fact]
    public Task PdfReportsDownloadedInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public record FilingRef(string Id, int Year);

        public sealed class FilingDownloader
        {
            private readonly HttpClient _http;

            public FilingDownloader(HttpClient http) => _http = http;

            public async Task DownloadAsync(IEnumerable<FilingRef> filings, string dir, CancellationToken ct)
            {
                foreach (var filing in filings)
                {
                    var pdf = await _http.GetByteArrayAsync($"https://filings.example.gov/{filing.Year}/{filing.Id}.pdf", ct);
                    await File.WriteAllBytesAsync($"{dir}/{filing.Id}.pdf", pdf, ct);
                }
            }
        }
        """);

    [Fact]
    public Task CsvAndJsonExportsInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Net;

        public static class OpenDataMirror
        {
            public static void Mirror(string[] datasets)
            {
                using var client = new WebClient();
                foreach (var dataset in datasets)
                {
                    client.DownloadFile($"https://data.example.org/api/views/{dataset}/rows.csv", $"{dataset}.csv");
                    client.DownloadFile($"https://data.example.org/api/views/{dataset}.json", $"{dataset}.json");
                }
            }
        }
        """);

    [Fact]
    public Task ImageUrlsOnlyWrittenToHtml_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Text;

        public record Product(string Sku, string Title);

        public static class CatalogHtmlRenderer
        {
            public static string Render(IEnumerable<Product> products)
            {
                var html = new StringBuilder("<ul>");
                foreach (var product in products)
                {
                    var imageUrl = $"https://cdn.shop.example/products/{product.Sku}/main.jpg";
                    html.Append($"<li><img src=\"{imageUrl}\" alt=\"{product.Title}\"></li>");
                }

                return html.Append("</ul>").ToString();
            }
        }
        """);

    [Fact]
    public Task LocalImageFilesReadInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.IO;

        public static class LocalThumbnailIndex
        {
            public static Dictionary<int, int> Sizes(string dir, int count)
            {
                var sizes = new Dictionary<int, int>();
                for (var i = 0; i < count; i++)
                {
                    var image = File.ReadAllBytes($"{dir}/{i}.jpg");
                    sizes[i] = image.Length;
                }

                return sizes;
            }
        }
        """);

    [Fact]
    public Task UploadingPhotosToLocalApi_IsSilent() => Verify.VerifyAsync("""
        using System.IO;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class PhotoUploader
        {
            private readonly HttpClient _http;

            public PhotoUploader(HttpClient http) => _http = http;

            public async Task UploadFolderAsync(string dir, CancellationToken ct)
            {
                foreach (var path in Directory.EnumerateFiles(dir, "*.jpg"))
                {
                    using var content = new ByteArrayContent(await File.ReadAllBytesAsync(path, ct));
                    content.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                    using var response = await _http.PostAsync($"http://localhost:5000/api/photos?name={Path.GetFileName(path)}", content, ct);
                    response.EnsureSuccessStatusCode();
                }
            }
        }
        """);

    [Fact]
    public Task PollingOneWebcamSnapshotUrl_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class TimelapseRecorder
        {
            private const string SnapshotUrl = "https://webcam.example-harbour.org/live/snapshot.jpg";
            private readonly HttpClient _http;

            public TimelapseRecorder(HttpClient http) => _http = http;

            public async Task RecordAsync(string dir, CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    var frame = await _http.GetByteArrayAsync(SnapshotUrl, ct);
                    await File.WriteAllBytesAsync(Path.Combine(dir, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}.jpg"), frame, ct);
                    await Task.Delay(TimeSpan.FromMinutes(1), ct);
                }
            }
        }
        """);

    [Fact]
    public Task LoopbackImageServerInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class RendererRegressionCheck
        {
            private readonly HttpClient _http = new HttpClient();

            public async Task<List<byte[]>> RenderAllAsync(int pages)
            {
                var thumbs = new List<byte[]>();
                for (var page = 1; page <= pages; page++)
                {
                    thumbs.Add(await _http.GetByteArrayAsync($"http://127.0.0.1:8080/thumbs/{page}.png"));
                }

                return thumbs;
            }
        }
        """);

    [Fact]
    public Task GraphFacebookPictureEndpointInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class PagePictureSync
        {
            private readonly HttpClient _http;

            public PagePictureSync(HttpClient http) => _http = http;

            public async Task<Dictionary<string, byte[]>> SyncAsync(IEnumerable<string> pageIds, string token, CancellationToken ct)
            {
                var pictures = new Dictionary<string, byte[]>();
                foreach (var pageId in pageIds)
                {
                    pictures[pageId] = await _http.GetByteArrayAsync($"https://graph.facebook.com/v19.0/{pageId}/picture?type=large&access_token={token}", ct);
                }

                return pictures;
            }
        }
        """);

    [Fact]
    public Task UnitTestWithMockedHandlerServingImages_IsSilent() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Gallery.Tests
        {
            public sealed class FakeImageHandler : HttpMessageHandler
            {
                protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                    => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[] { 0x89, 0x50, 0x4E, 0x47 }) });
            }

            public class ThumbnailServiceTests
            {
                public async Task DownloadsEveryThumbnail()
                {
                    using var http = new HttpClient(new FakeImageHandler());
                    foreach (var id in new[] { 1, 2, 3 })
                    {
                        var bytes = await http.GetByteArrayAsync($"https://cdn.test/thumbs/{id}.png");
                        if (bytes.Length != 4) throw new System.Exception("unexpected payload");
                    }
                }
            }
        }
        """);

    [Fact]
    public Task ImgSrcAttributesOnlyLogged_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using AngleSharp;
        using AngleSharp.Dom;
        using AngleSharp.Html.Dom;

        public static class AltTextAudit
        {
            public static async Task AuditAsync(string html)
            {
                var context = BrowsingContext.New(Configuration.Default);
                var document = await context.OpenAsync(req => req.Content(html));
                foreach (var img in document.QuerySelectorAll<IHtmlImageElement>("img"))
                {
                    if (string.IsNullOrWhiteSpace(img.AlternativeText))
                    {
                        Console.WriteLine($"missing alt text: {img.Source}");
                    }
                }
            }
        }
        """);

    [Fact]
    public Task OneSpriteDownloadedThenSlicedInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class SpriteSheetLoader
        {
            private readonly HttpClient _http;

            public SpriteSheetLoader(HttpClient http) => _http = http;

            public async Task<List<byte[]>> LoadAsync(int tiles, int tileSize)
            {
                var sheet = await _http.GetByteArrayAsync("https://assets.example-game.com/sprites/sheet.png");
                var result = new List<byte[]>();
                for (var i = 0; i < tiles; i++)
                {
                    var tile = new byte[tileSize];
                    System.Array.Copy(sheet, i * tileSize, tile, 0, tileSize);
                    result.Add(tile);
                }

                return result;
            }
        }
        """);

    [Fact]
    public Task ApiHealthChecksInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class RegionHealth
        {
            private readonly HttpClient _http;

            public RegionHealth(HttpClient http) => _http = http;

            public async Task<List<string>> DownRegionsAsync(IEnumerable<string> regions, CancellationToken ct)
            {
                var down = new List<string>();
                foreach (var region in regions)
                {
                    using var response = await _http.GetAsync($"https://{region}.status.mycompany.com/healthz", ct);
                    if (!response.IsSuccessStatusCode) down.Add(region);
                }

                return down;
            }
        }
        """);

    #endregion
}
