namespace ScrapeLint.Tests.Verifiers;

/// <summary>
/// Libraries that do not restore here (FaceRecognitionDotNet, DlibDotNet, Emgu CV, ViewFaceCore, FaceAiSharp with
/// ImageSharp, Azure AI Face with BinaryData, AWS Rekognition, PuppeteerExtraSharp, 2captcha-csharp, CapMonster Cloud): minimal
/// stubs of the members the tests call, under the libraries' real namespaces and type names.
/// OpenCvSharp is the real package.
/// </summary>
public static class EvasionStubs
{
    public const string Source = """
        #nullable enable
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;

        namespace FaceRecognitionDotNet
        {
            public enum Mode { Rgb, Greyscale }
            public enum Model { Hog, Cnn }
            public sealed class Image : IDisposable { public void Dispose() { } }
            public sealed class Location { public int Top { get; } public int Left { get; } }
            public sealed class FaceEncoding : IDisposable { public void Dispose() { } }
            public sealed class FaceRecognition : IDisposable
            {
                public static FaceRecognition Create(string directory) => new FaceRecognition();
                public static Image LoadImageFile(string file, Mode mode = Mode.Rgb) => new Image();
                public static Image LoadImage(byte[] array, int row, int column, int stride, Mode mode) => new Image();
                public IEnumerable<Location> FaceLocations(Image image, int numberOfTimesToUpsample = 1, Model model = Model.Hog) => Array.Empty<Location>();
                public IEnumerable<FaceEncoding> FaceEncodings(Image image, IEnumerable<Location>? knownFaceLocation = null, int numJitters = 1) => Array.Empty<FaceEncoding>();
                public static bool CompareFace(FaceEncoding knownFaceEncoding, FaceEncoding faceEncodingToCheck, double tolerance = 0.6) => false;
                public void Dispose() { }
            }
        }

        namespace DlibDotNet
        {
            public struct RgbPixel { }
            public struct Rectangle { }
            public class Array2D<T> : IDisposable where T : struct { public void Dispose() { } }
            public sealed class FullObjectDetection : IDisposable { public uint Parts { get; } public void Dispose() { } }
            public sealed class FrontalFaceDetector : IDisposable
            {
                public Rectangle[] Operator<T>(Array2D<T> image) where T : struct => Array.Empty<Rectangle>();
                public void Dispose() { }
            }
            public sealed class ShapePredictor : IDisposable
            {
                public static ShapePredictor Deserialize(string path) => new ShapePredictor();
                public FullObjectDetection Detect<T>(Array2D<T> image, Rectangle rect) where T : struct => new FullObjectDetection();
                public void Dispose() { }
            }
            public static class Dlib
            {
                public static FrontalFaceDetector GetFrontalFaceDetector() => new FrontalFaceDetector();
                public static Array2D<T> LoadImage<T>(string path) where T : struct => new Array2D<T>();
                public static Array2D<T> LoadImageData<T>(byte[] data, uint rows, uint columns, uint steps) where T : struct => new Array2D<T>();
            }
        }

        namespace Emgu.CV.CvEnum { public enum ImreadModes { Unchanged = -1, Grayscale = 0, Color = 1 } }
        namespace Emgu.CV
        {
            public interface IInputArray { }
            public class Mat : IInputArray, IDisposable
            {
                public Mat() { }
                public Mat(string fileName, Emgu.CV.CvEnum.ImreadModes loadType = Emgu.CV.CvEnum.ImreadModes.Color) { }
                public void Dispose() { }
            }
            public static class CvInvoke
            {
                public static Mat Imread(string filename, Emgu.CV.CvEnum.ImreadModes loadType = Emgu.CV.CvEnum.ImreadModes.Color) => new Mat();
                public static void Imdecode(byte[] buf, Emgu.CV.CvEnum.ImreadModes loadType, Mat dst) { }
            }
            public class CascadeClassifier : IDisposable
            {
                public CascadeClassifier(string fileName) { }
                public System.Drawing.Rectangle[] DetectMultiScale(IInputArray image, double scaleFactor = 1.1, int minNeighbors = 3, System.Drawing.Size minSize = default, System.Drawing.Size maxSize = default) => Array.Empty<System.Drawing.Rectangle>();
                public void Dispose() { }
            }
        }
        namespace Emgu.CV.Face
        {
            public struct PredictionResult { public int Label; public double Distance; }
            public abstract class FaceRecognizer : IDisposable
            {
                public PredictionResult Predict(Emgu.CV.IInputArray image) => default;
                public void Dispose() { }
            }
            public class LBPHFaceRecognizer : FaceRecognizer { public LBPHFaceRecognizer(int radius = 1, int neighbors = 8, int gridX = 8, int gridY = 8, double threshold = double.MaxValue) { } }
        }

        namespace ViewFaceCore.Model
        {
            public sealed class FaceImage { public FaceImage(int width, int height, int channels, byte[] buffer) { } }
            public sealed class FaceInfo { public int Score { get; } }
            public sealed class FaceMarkPoint { }
        }
        namespace ViewFaceCore.Core
        {
            using ViewFaceCore.Model;
            public sealed class FaceDetector : IDisposable { public FaceInfo[] Detect(FaceImage image) => Array.Empty<FaceInfo>(); public void Dispose() { } }
            public sealed class FaceLandmarker : IDisposable { public FaceMarkPoint[] Mark(FaceImage image, FaceInfo info) => Array.Empty<FaceMarkPoint>(); public void Dispose() { } }
            public sealed class FaceRecognizer : IDisposable { public float[] Extract(FaceImage image, FaceMarkPoint[] points) => Array.Empty<float>(); public void Dispose() { } }
        }

        namespace SixLabors.ImageSharp.PixelFormats { public struct Rgb24 { } }
        namespace SixLabors.ImageSharp
        {
            public class Image<TPixel> : IDisposable where TPixel : struct { public void Dispose() { } }
            public static class Image
            {
                public static Image<TPixel> Load<TPixel>(byte[] data) where TPixel : struct => new Image<TPixel>();
                public static Image<TPixel> Load<TPixel>(Stream stream) where TPixel : struct => new Image<TPixel>();
                public static Image<TPixel> Load<TPixel>(string path) where TPixel : struct => new Image<TPixel>();
            }
        }
        namespace FaceAiSharp
        {
            using SixLabors.ImageSharp;
            using SixLabors.ImageSharp.PixelFormats;
            public readonly record struct FaceDetectorResult(float Confidence);
            public interface IFaceDetector { IReadOnlyCollection<FaceDetectorResult> DetectFaces(Image<Rgb24> image); }
            public interface IFaceEmbeddingsGenerator { float[] GenerateEmbedding(Image<Rgb24> alignedImage); }
            public static class FaceAiSharpBundleFactory
            {
                public static IFaceDetector CreateFaceDetectorWithLandmarks() => null!;
                public static IFaceEmbeddingsGenerator CreateFaceEmbeddingsGenerator() => null!;
            }
        }

        namespace System
        {
            public class BinaryData
            {
                public static BinaryData FromBytes(byte[] data) => new BinaryData();
                public static BinaryData FromStream(Stream stream) => new BinaryData();
            }
        }
        namespace Azure { public class AzureKeyCredential { public AzureKeyCredential(string key) { } } }
        namespace Azure.AI.Vision.Face
        {
            public sealed class FaceDetectionResult { public Guid? FaceId { get; } }
            public class FaceClient
            {
                public FaceClient(Uri endpoint, Azure.AzureKeyCredential credential) { }
                public virtual Task<IReadOnlyList<FaceDetectionResult>> DetectAsync(BinaryData imageContent, bool returnFaceId = false, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<FaceDetectionResult>>(Array.Empty<FaceDetectionResult>());
            }
        }

        namespace Amazon.Rekognition.Model
        {
            public class Image { public MemoryStream? Bytes { get; set; } public S3Object? S3Object { get; set; } }
            public class S3Object { public string? Bucket { get; set; } public string? Name { get; set; } }
            public class FaceDetail { public float Confidence { get; set; } }
            public class DetectFacesRequest { public Image? Image { get; set; } public List<string> Attributes { get; set; } = new(); }
            public class DetectFacesResponse { public List<FaceDetail> FaceDetails { get; set; } = new(); }
            public class SearchFacesByImageRequest { public string? CollectionId { get; set; } public Image? Image { get; set; } }
            public class SearchFacesByImageResponse { }
            public class IndexFacesRequest { public string? CollectionId { get; set; } public Image? Image { get; set; } public string? ExternalImageId { get; set; } }
            public class IndexFacesResponse { }
        }
        namespace Amazon.Rekognition
        {
            using Amazon.Rekognition.Model;
            public interface IAmazonRekognition
            {
                Task<DetectFacesResponse> DetectFacesAsync(DetectFacesRequest request, CancellationToken cancellationToken = default);
                Task<SearchFacesByImageResponse> SearchFacesByImageAsync(SearchFacesByImageRequest request, CancellationToken cancellationToken = default);
                Task<IndexFacesResponse> IndexFacesAsync(IndexFacesRequest request, CancellationToken cancellationToken = default);
            }
            public class AmazonRekognitionClient : IAmazonRekognition
            {
                public Task<DetectFacesResponse> DetectFacesAsync(DetectFacesRequest request, CancellationToken cancellationToken = default) => Task.FromResult(new DetectFacesResponse());
                public Task<SearchFacesByImageResponse> SearchFacesByImageAsync(SearchFacesByImageRequest request, CancellationToken cancellationToken = default) => Task.FromResult(new SearchFacesByImageResponse());
                public Task<IndexFacesResponse> IndexFacesAsync(IndexFacesRequest request, CancellationToken cancellationToken = default) => Task.FromResult(new IndexFacesResponse());
            }
        }

        namespace PuppeteerExtraSharp.Plugins { public abstract class PuppeteerExtraPlugin { } }
        namespace PuppeteerExtraSharp.Plugins.ExtraStealth { public class StealthPlugin : PuppeteerExtraSharp.Plugins.PuppeteerExtraPlugin { } }
        namespace PuppeteerExtraSharp.Plugins.AnonymizeUa { public class AnonymizeUaPlugin : PuppeteerExtraSharp.Plugins.PuppeteerExtraPlugin { } }
        namespace PuppeteerExtraSharp.Plugins.Recaptcha
        {
            public interface IRecaptchaProvider { }
            public class RecaptchaPlugin : PuppeteerExtraSharp.Plugins.PuppeteerExtraPlugin { public RecaptchaPlugin(IRecaptchaProvider provider) { } }
        }
        namespace PuppeteerExtraSharp.Plugins.Recaptcha.Provider.AntiCaptcha
        {
            public class AntiCaptcha : PuppeteerExtraSharp.Plugins.Recaptcha.IRecaptchaProvider { public AntiCaptcha(string userKey) { } }
        }
        namespace PuppeteerExtraSharp
        {
            public class PuppeteerExtra
            {
                public PuppeteerExtra Use(PuppeteerExtraSharp.Plugins.PuppeteerExtraPlugin plugin) => this;
                public Task<PuppeteerSharp.IBrowser> LaunchAsync(PuppeteerSharp.LaunchOptions options) => PuppeteerSharp.Puppeteer.LaunchAsync(options);
            }
        }

        namespace TwoCaptcha.Captcha
        {
            public abstract class Captcha { public string? Code { get; set; } }
            public class ReCaptcha : Captcha { public void SetSiteKey(string siteKey) { } public void SetUrl(string url) { } }
            public class Normal : Captcha { public void SetBase64(string base64) { } }
        }
        namespace TwoCaptcha
        {
            public class TwoCaptcha
            {
                public TwoCaptcha(string apiKey) { }
                public Task Solve(global::TwoCaptcha.Captcha.Captcha captcha) => Task.CompletedTask;
            }
        }

        namespace Zennolab.CapMonsterCloud.Requests { public class RecaptchaV2Request { public string? WebsiteUrl { get; set; } public string? WebsiteKey { get; set; } } }
        namespace Zennolab.CapMonsterCloud.Responses { public class RecaptchaV2TaskResponse { public string? Value { get; set; } } }
        namespace Zennolab.CapMonsterCloud
        {
            public class CaptchaResult<T> { public T? Solution { get; set; } }
            public class ClientOptions { public string? ClientKey { get; set; } }
            public interface ICapMonsterCloudClient
            {
                Task<CaptchaResult<Zennolab.CapMonsterCloud.Responses.RecaptchaV2TaskResponse>> SolveAsync(Zennolab.CapMonsterCloud.Requests.RecaptchaV2Request task, CancellationToken cancellationToken = default);
            }
            public static class CapMonsterCloudClientFactory { public static ICapMonsterCloudClient Create(ClientOptions options) => null!; }
        }
        """;
}
