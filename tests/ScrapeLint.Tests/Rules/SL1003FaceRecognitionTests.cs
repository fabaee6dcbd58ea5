using Microsoft.CodeAnalysis.Testing;
using Verify = ScrapeLint.Tests.Verifiers.RuleVerifier<ScrapeLint.Rules.FaceAnalyzer>;

namespace ScrapeLint.Tests.Rules;

public class SL1003FaceRecognitionTests
{
    private const string Id = "SL1003";

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Net;
        using System.Net.Http;
        using System.Threading.Tasks;

        """;

    public static TheoryData<string> Positives => new()
    {
        // OpenCvSharp cascade on downloaded bytes.
        """
        public class AvatarFaces
        {
            private readonly HttpClient http = new HttpClient();
            private readonly OpenCvSharp.CascadeClassifier cascade = new OpenCvSharp.CascadeClassifier("haarcascade_frontalface_default.xml");
            public async Task<int> CountAsync(string avatarUrl)
            {
                var bytes = await http.GetByteArrayAsync(avatarUrl);
                using var image = OpenCvSharp.Cv2.ImDecode(bytes, OpenCvSharp.ImreadModes.Color);
                return {|#0:cascade.DetectMultiScale(image)|}.Length;
            }
        }
        """,
        // OpenCvSharp face recognizer via a project download method.
        """
        public class FaceMatcher
        {
            private readonly HttpClient http = new HttpClient();
            private readonly OpenCvSharp.Face.FaceRecognizer recognizer = OpenCvSharp.Face.LBPHFaceRecognizer.Create();
            private async Task<byte[]> DownloadAsync(string url) => await http.GetByteArrayAsync(url);
            public async Task<int> IdentifyAsync(string photoUrl)
            {
                using var mat = OpenCvSharp.Mat.FromImageData(await DownloadAsync(photoUrl), OpenCvSharp.ImreadModes.Grayscale);
                return {|#0:recognizer.Predict(mat)|};
            }
        }
        """,
        // FaceRecognitionDotNet on a file the method downloaded.
        """
        public class ProfileEncoder
        {
            private readonly FaceRecognitionDotNet.FaceRecognition faces = FaceRecognitionDotNet.FaceRecognition.Create("models");
            public async Task<int> EncodeAsync(HttpClient http, string photoUrl)
            {
                var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".jpg");
                await File.WriteAllBytesAsync(path, await http.GetByteArrayAsync(photoUrl));
                using var image = FaceRecognitionDotNet.FaceRecognition.LoadImageFile(path);
                return {|#0:faces.FaceEncodings(image)|}.Count();
            }
        }
        """,
        // WebClient.DownloadFile then dlib.
        """
        public class DlibDetector
        {
            public int Count(string url)
            {
                var file = Path.GetTempFileName();
        #pragma warning disable SYSLIB0014
                using (var client = new WebClient()) { client.DownloadFile(url, file); }
        #pragma warning restore SYSLIB0014
                using var detector = DlibDotNet.Dlib.GetFrontalFaceDetector();
                using var img = DlibDotNet.Dlib.LoadImage<DlibDotNet.RgbPixel>(file);
                return {|#0:detector.Operator(img)|}.Length;
            }
        }
        """,
        // Emgu CV with a response stream.
        """
        public class EmguFaces
        {
            public async Task<int> DetectAsync(HttpClient http, string url)
            {
                using var response = await http.GetAsync(url);
                var data = await response.Content.ReadAsByteArrayAsync();
                var mat = new Emgu.CV.Mat();
                Emgu.CV.CvInvoke.Imdecode(data, Emgu.CV.CvEnum.ImreadModes.Color, mat);
                using var cascade = new Emgu.CV.CascadeClassifier("haarcascade_frontalface_alt2.xml");
                return {|#0:cascade.DetectMultiScale(mat)|}.Length;
            }
        }
        """,
        // ViewFaceCore.
        """
        public class ViewFaceScanner
        {
            private readonly ViewFaceCore.Core.FaceDetector detector = new ViewFaceCore.Core.FaceDetector();
            public async Task<int> ScanAsync(HttpClient http, string url, int width, int height)
            {
                var pixels = await http.GetByteArrayAsync(url);
                return {|#0:detector.Detect(new ViewFaceCore.Model.FaceImage(width, height, 3, pixels))|}.Length;
            }
        }
        """,
        // FaceAiSharp with a stream and DI.
        """
        public class EmbeddingIndexer
        {
            private readonly FaceAiSharp.IFaceEmbeddingsGenerator embedder;
            private readonly HttpClient http;
            public EmbeddingIndexer(FaceAiSharp.IFaceEmbeddingsGenerator embedder, HttpClient http) { this.embedder = embedder; this.http = http; }
            public async Task<float[]> EmbedAsync(string url)
            {
                await using var stream = await http.GetStreamAsync(url);
                using var image = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(stream);
                return {|#0:embedder.GenerateEmbedding(image)|};
            }
        }
        """,
        // Azure AI Face.
        """
        public class AzureFaces
        {
            private readonly Azure.AI.Vision.Face.FaceClient client = new Azure.AI.Vision.Face.FaceClient(new Uri("https://contoso.cognitiveservices.azure.com/"), new Azure.AzureKeyCredential("key"));
            public async Task<int> DetectAsync(HttpClient http, string photoUrl)
            {
                var photo = await http.GetByteArrayAsync(photoUrl);
                var faces = await {|#0:client.DetectAsync(BinaryData.FromBytes(photo), returnFaceId: true)|};
                return faces.Count;
            }
        }
        """,
        // AWS Rekognition index faces.
        """
        public class RekognitionIndexer
        {
            private readonly Amazon.Rekognition.IAmazonRekognition rekognition;
            public RekognitionIndexer(Amazon.Rekognition.IAmazonRekognition rekognition) { this.rekognition = rekognition; }
            public async Task IndexAsync(HttpClient http, string handle, string avatarUrl)
            {
                var bytes = await http.GetByteArrayAsync(avatarUrl);
                await {|#0:rekognition.IndexFacesAsync(new Amazon.Rekognition.Model.IndexFacesRequest
                {
                    CollectionId = "people",
                    ExternalImageId = handle,
                    Image = new Amazon.Rekognition.Model.Image { Bytes = new MemoryStream(bytes) },
                })|};
            }
        }
        """,
        // A loop over downloaded photos.
        """
        public class BatchDetector
        {
            private readonly FaceRecognitionDotNet.FaceRecognition faces = FaceRecognitionDotNet.FaceRecognition.Create("models");
            public async Task<int> RunAsync(HttpClient http, IEnumerable<string> urls)
            {
                var photos = new List<byte[]>();
                foreach (var url in urls) { photos.Add(await http.GetByteArrayAsync(url)); }
                var total = 0;
                foreach (var photo in photos)
                {
                    using var image = FaceRecognitionDotNet.FaceRecognition.LoadImage(photo, 256, 256, 768, FaceRecognitionDotNet.Mode.Rgb);
                    total += {|#0:faces.FaceLocations(image)|}.Count();
                }
                return total;
            }
        }
        """,
        // A helper that detects, called with a download.
        """
        public class HelperDetector
        {
            private readonly OpenCvSharp.CascadeClassifier cascade = new OpenCvSharp.CascadeClassifier("haarcascade_frontalface_default.xml");
            public async Task<int> ScrapeAsync(HttpClient http, string url) => CountFaces(await http.GetByteArrayAsync(url));
            private int CountFaces(byte[] data)
            {
                using var mat = OpenCvSharp.Cv2.ImDecode(data, OpenCvSharp.ImreadModes.Color);
                return {|#0:cascade.DetectMultiScale(mat)|}.Length;
            }
        }
        """,
    };

    public static TheoryData<string> Silent => new()
    {
        // A local file.
        """
        public class LocalFaces
        {
            public int Count(string path)
            {
                using var cascade = new OpenCvSharp.CascadeClassifier("haarcascade_frontalface_default.xml");
                using var image = OpenCvSharp.Cv2.ImRead(path);
                return cascade.DetectMultiScale(image).Length;
            }
        }
        """,
        // An upload stream.
        """
        public class UploadCheck
        {
            private readonly FaceAiSharp.IFaceDetector detector;
            public UploadCheck(FaceAiSharp.IFaceDetector detector) { this.detector = detector; }
            public bool HasFace(Stream upload)
            {
                using var image = SixLabors.ImageSharp.Image.Load<SixLabors.ImageSharp.PixelFormats.Rgb24>(upload);
                return detector.DetectFaces(image).Count > 0;
            }
        }
        """,
        // Camera frames.
        """
        public class CameraLoop
        {
            public void Run(OpenCvSharp.VideoCapture camera)
            {
                using var cascade = new OpenCvSharp.CascadeClassifier("haarcascade_frontalface_default.xml");
                using var frame = new OpenCvSharp.Mat();
                while (camera.Read(frame)) { cascade.DetectMultiScale(frame); }
            }
        }
        """,
        // Downloaded image, but no face API (thumbnails).
        """
        public class Thumbnails
        {
            public async Task ResizeAsync(HttpClient http, string url, string target)
            {
                using var mat = OpenCvSharp.Cv2.ImDecode(await http.GetByteArrayAsync(url), OpenCvSharp.ImreadModes.Color);
                using var small = mat.Resize(new OpenCvSharp.Size(64, 64));
                small.SaveImage(target);
            }
        }
        """,
        // Rekognition on an S3 object of the team.
        """
        public class S3Faces
        {
            public Task<Amazon.Rekognition.Model.DetectFacesResponse> DetectAsync(Amazon.Rekognition.IAmazonRekognition client, string key)
                => client.DetectFacesAsync(new Amazon.Rekognition.Model.DetectFacesRequest { Image = new Amazon.Rekognition.Model.Image { S3Object = new Amazon.Rekognition.Model.S3Object { Bucket = "badges", Name = key } } });
        }
        """,
        // dlib on a file from disk.
        """
        public class DlibLocal
        {
            public int Count(string file)
            {
                using var detector = DlibDotNet.Dlib.GetFrontalFaceDetector();
                using var img = DlibDotNet.Dlib.LoadImage<DlibDotNet.RgbPixel>(file);
                return detector.Operator(img).Length;
            }
        }
        """,
        // Downloaded metadata, local image.
        """
        public class MetadataThenLocal
        {
            private readonly FaceRecognitionDotNet.FaceRecognition faces = FaceRecognitionDotNet.FaceRecognition.Create("models");
            public async Task<int> RunAsync(HttpClient http, string manifestUrl, string photoPath)
            {
                var manifest = await http.GetStringAsync(manifestUrl);
                using var image = FaceRecognitionDotNet.FaceRecognition.LoadImageFile(photoPath);
                return manifest.Length + faces.FaceLocations(image).Count();
            }
        }
        """,
        // Azure Face on a user's upload.
        """
        public class SelfieVerification
        {
            private readonly Azure.AI.Vision.Face.FaceClient client = new Azure.AI.Vision.Face.FaceClient(new Uri("https://contoso.cognitiveservices.azure.com/"), new Azure.AzureKeyCredential("key"));
            public Task<IReadOnlyList<Azure.AI.Vision.Face.FaceDetectionResult>> VerifyAsync(Stream selfie) => client.DetectAsync(BinaryData.FromStream(selfie));
        }
        """,
        // OpenCvSharp cascade over a project's asset folder.
        """
        public class AssetAudit
        {
            public int Audit(string folder)
            {
                using var cascade = new OpenCvSharp.CascadeClassifier("haarcascade_frontalface_default.xml");
                var total = 0;
                foreach (var file in Directory.EnumerateFiles(folder, "*.png"))
                {
                    using var image = new OpenCvSharp.Mat(file);
                    total += cascade.DetectMultiScale(image).Length;
                }
                return total;
            }
        }
        """,
        // Emgu face recognizer trained on local images.
        """
        public class EmguLocal
        {
            public int Predict(Emgu.CV.Face.FaceRecognizer recognizer, string path)
            {
                using var mat = Emgu.CV.CvInvoke.Imread(path);
                return recognizer.Predict(mat).Label;
            }
        }
        """,
        // A downloaded image written to disk under another name; the face call reads a different local file.
        """
        public class TwoFiles
        {
            private readonly FaceRecognitionDotNet.FaceRecognition faces = FaceRecognitionDotNet.FaceRecognition.Create("models");
            public async Task<int> RunAsync(HttpClient http, string url, string ownPhoto)
            {
                var cache = Path.GetTempFileName();
                await File.WriteAllBytesAsync(cache, await http.GetByteArrayAsync(url));
                using var image = FaceRecognitionDotNet.FaceRecognition.LoadImageFile(ownPhoto);
                return faces.FaceLocations(image).Count();
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public Task FaceAnalysisOfDownloadedImageIsReported(string source)
        => Verify.VerifyAsync(Id, Usings + source, Verify.Diagnostic(Id).WithLocation(0));

    [Theory]
    [MemberData(nameof(Silent))]
    public Task FaceAnalysisOfLocalImagesIsSilent(string source)
        => Verify.VerifyAsync(Id, Usings + source);

    [Fact]
    public Task MessageNamesTheApiTheDownloadAndTheLaw()
        => Verify.VerifyAsync(Id, Usings + """
            public class AvatarFaces
            {
                public async Task<int> CountAsync(HttpClient http, OpenCvSharp.CascadeClassifier cascade, string avatarUrl)
                {
                    using var image = OpenCvSharp.Cv2.ImDecode(await http.GetByteArrayAsync(avatarUrl), OpenCvSharp.ImreadModes.Color);
                    return {|#0:cascade.DetectMultiScale(image)|}.Length;
                }
            }
            """,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("CascadeClassifier.DetectMultiScale", "an image downloaded by 'GetByteArrayAsync'"));

    /// <summary>Stubs of the legacy Cognitive Services client, the Cognitive Services Face SDK and a blob client, under their real namespaces.</summary>
    private const string CloudFaceStubs = """
        namespace Microsoft.ProjectOxford.Face.Contract { public class Face { } public class AddPersistedFaceResult { } }
        namespace Microsoft.ProjectOxford.Face
        {
            using Microsoft.ProjectOxford.Face.Contract;
            public interface IFaceServiceClient
            {
                Task<Face[]> DetectAsync(Stream imageStream, bool returnFaceId = true);
                Task<Face[]> DetectAsync(string imageUrl, bool returnFaceId = true);
                Task<AddPersistedFaceResult> AddPersonFaceAsync(string personGroupId, Guid personId, string imageUrl);
                Task<AddPersistedFaceResult> AddPersonFaceAsync(string personGroupId, Guid personId, Stream imageStream);
            }
            public class FaceServiceClient : IFaceServiceClient
            {
                public FaceServiceClient(string key) { }
                public Task<Face[]> DetectAsync(Stream imageStream, bool returnFaceId = true) => Task.FromResult(new Face[0]);
                public Task<Face[]> DetectAsync(string imageUrl, bool returnFaceId = true) => Task.FromResult(new Face[0]);
                public Task<AddPersistedFaceResult> AddPersonFaceAsync(string personGroupId, Guid personId, string imageUrl) => Task.FromResult(new AddPersistedFaceResult());
                public Task<AddPersistedFaceResult> AddPersonFaceAsync(string personGroupId, Guid personId, Stream imageStream) => Task.FromResult(new AddPersistedFaceResult());
            }
        }
        namespace Microsoft.Azure.CognitiveServices.Vision.Face
        {
            public class DetectedFace { }
            public interface IFaceOperations { }
            public interface IFaceClient { IFaceOperations Face { get; } }
            public static class FaceOperationsExtensions
            {
                public static Task<IList<DetectedFace>> DetectWithStreamAsync(this IFaceOperations operations, Stream image) => Task.FromResult<IList<DetectedFace>>(new List<DetectedFace>());
                public static Task<IList<DetectedFace>> DetectWithUrlAsync(this IFaceOperations operations, string url) => Task.FromResult<IList<DetectedFace>>(new List<DetectedFace>());
            }
        }
        namespace Azure.Storage.Blobs { public class BlobClient { public Uri Uri => new Uri("https://acct.blob.core.windows.net/uploads/1.jpg"); } }
        """;

    public static TheoryData<string> CloudFacePositives => new()
    {
        // g03: the legacy client in a gateway class; a download and a URL handed to it by another class.
        """
        public class FaceGateway
        {
            private readonly Microsoft.ProjectOxford.Face.FaceServiceClient client = new Microsoft.ProjectOxford.Face.FaceServiceClient("key");
            public async Task<int> CountFaces(Stream photo) => (await {|#0:client.DetectAsync(photo)|}).Length;
            public async Task<int> CountFacesAt(string photoUrl) => (await {|#1:client.DetectAsync(photoUrl)|}).Length;
        }
        public class ProfileChecker
        {
            private readonly FaceGateway faces = new FaceGateway();
            private readonly HttpClient http = new HttpClient();
            public async Task<int> Check(string avatarUrl) => await faces.CountFaces(await http.GetStreamAsync(avatarUrl));
            public Task<int> CheckRemote(string avatarUrl) => faces.CountFacesAt(avatarUrl);
        }
        """,
        // g03b: the Cognitive Services SDK through a helper injected into another class; a third-party image URL.
        """
        using Microsoft.Azure.CognitiveServices.Vision.Face;
        public class FaceHelper
        {
            private readonly IFaceClient client;
            public FaceHelper(IFaceClient client) { this.client = client; }
            public async Task<int> Count(Stream photo) => (await {|#0:client.Face.DetectWithStreamAsync(photo)|}).Count;
            public async Task<int> CountAt(string photoUrl) => (await {|#1:client.Face.DetectWithUrlAsync(photoUrl)|}).Count;
        }
        public class AvatarAudit
        {
            private readonly FaceHelper faces;
            private readonly HttpClient http = new HttpClient();
            public AvatarAudit(FaceHelper faces) { this.faces = faces; }
            public async Task<int> Check(string avatarUrl) => await faces.Count(await http.GetStreamAsync(avatarUrl));
            public Task<int> CheckRemote() => faces.CountAt("https://images.example.net/people/1234.jpg");
        }
        """,
        // A person enrolled from the images of a fetched page.
        """
        public class Enroller
        {
            private readonly Microsoft.ProjectOxford.Face.IFaceServiceClient faces;
            private readonly HtmlAgilityPack.HtmlWeb web = new HtmlAgilityPack.HtmlWeb();
            public Enroller(Microsoft.ProjectOxford.Face.IFaceServiceClient faces) { this.faces = faces; }
            public async Task EnrollAsync(string pageUrl, Guid person)
            {
                var page = web.Load(pageUrl);
                foreach (var img in page.DocumentNode.SelectNodes("//img"))
                {
                    await {|#0:faces.AddPersonFaceAsync("members", person, img.GetAttributeValue("src", ""))|};
                    await {|#1:faces.AddPersonFaceAsync("members", person, "https://cdn.social.example/p/" + img.Id + ".jpg")|};
                }
            }
        }
        """,
    };

    public static TheoryData<string> CloudFaceSilent => new()
    {
        // Uploads and camera frames as streams.
        """
        public class Onboarding
        {
            private readonly Microsoft.ProjectOxford.Face.FaceServiceClient client = new Microsoft.ProjectOxford.Face.FaceServiceClient("key");
            public async Task<bool> HasFace(Stream upload) => (await client.DetectAsync(upload)).Length > 0;
            public async Task<bool> FrameHasFace(string framePath) => (await client.DetectAsync(File.OpenRead(framePath))).Length > 0;
        }
        public class Camera
        {
            public Task<bool> Check(Onboarding onboarding, byte[] frame) => onboarding.HasFace(new MemoryStream(frame));
        }
        """,
        // The project's own storage and a local service.
        """
        using Microsoft.Azure.CognitiveServices.Vision.Face;
        public class Selfies
        {
            private readonly IFaceClient client;
            public Selfies(IFaceClient client) { this.client = client; }
            public Task<IList<DetectedFace>> Check(Azure.Storage.Blobs.BlobClient blob) => client.Face.DetectWithUrlAsync(blob.Uri.ToString());
            public Task<IList<DetectedFace>> Local(int id) => client.Face.DetectWithUrlAsync($"http://localhost:5000/selfies/{id}.jpg");
            public Task<IList<DetectedFace>> Stored(string name) => client.Face.DetectWithUrlAsync("https://contoso.blob.core.windows.net/uploads/" + name);
        }
        """,
    };

    [Theory]
    [MemberData(nameof(CloudFacePositives))]
    public Task CloudFaceServiceOnWebImagesIsReported(string source)
        => Verify.VerifyAsync(Id, new[] { Usings + source, Usings + CloudFaceStubs }, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary,
            Verify.Diagnostic(Id).WithLocation(0), Verify.Diagnostic(Id).WithLocation(1));

    [Theory]
    [MemberData(nameof(CloudFaceSilent))]
    public Task CloudFaceServiceOnUploadsOwnStorageAndFramesIsSilent(string source)
        => Verify.VerifyAsync(Id, new[] { Usings + source, Usings + CloudFaceStubs }, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);

    [Fact]
    public Task ImageUrlOnAnAllowedHostIsSilent()
        => Verify.VerifyAsync(Id, new[] { Usings + """
            using Microsoft.Azure.CognitiveServices.Vision.Face;
            public class Staff
            {
                public Task<IList<DetectedFace>> Check(IFaceClient client, string id) => client.Face.DetectWithUrlAsync("https://photos.acme.example/staff/" + id + ".jpg");
            }
            """, Usings + CloudFaceStubs }, "scrapelint.allowed_domains = acme.example", Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);

    [Fact]
    public Task UrlMessageNamesTheImage()
        => Verify.VerifyAsync(Id, new[] { Usings + """
            using Microsoft.Azure.CognitiveServices.Vision.Face;
            public class Staff
            {
                public Task<IList<DetectedFace>> Check(IFaceClient client, string id) => {|#0:client.Face.DetectWithUrlAsync("https://photos.acme.example/staff/" + id + ".jpg")|};
            }
            """, Usings + CloudFaceStubs }, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments(
                "FaceOperationsExtensions.DetectWithUrlAsync", "the web image at 'https://photos.acme.example/staff/{id}.jpg' (the face service downloads it)"));
}
