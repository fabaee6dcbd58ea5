using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>
    /// Face detection, landmark and recognition APIs (FaceRecognitionDotNet, DlibDotNet, OpenCvSharp and Emgu CV
    /// cascade classifiers and face recognizers, ViewFaceCore, FaceAiSharp, Azure AI Face, AWS Rekognition), and
    /// where the image they analyse came from.
    /// </summary>
    internal static class FaceApis
    {
        /// <summary>(namespace, the start of its assembly's name, every method of it is about faces, the face methods).</summary>
        private static readonly (string Namespace, string Assembly, bool AllFace, string[] Methods)[] Libraries =
        {
            ("FaceRecognitionDotNet", "FaceRecognitionDotNet", true, new[] { "FaceLocations", "FaceEncodings", "FaceLandmark", "BatchFaceLocations" }),
            ("DlibDotNet", "DlibDotNet", false, new[] { "Operator", "Detect" }),
            ("OpenCvSharp", "OpenCvSharp", false, new[] { "DetectMultiScale", "Predict", "Train", "Update", "Fit" }),
            ("Emgu.CV", "Emgu.CV", false, new[] { "DetectMultiScale", "Predict", "Train", "Update", "Fit" }),
            ("ViewFaceCore", "ViewFaceCore", true, new[] { "Detect", "Mark", "Extract", "FaceDetector", "FaceMark" }),
            ("FaceAiSharp", "FaceAiSharp", true, new[] { "DetectFaces", "GenerateEmbedding", "DetectLandmarks" }),
            ("Azure.AI.Vision.Face", "Azure.AI.Vision.Face", true, new[] { "Detect", "DetectAsync", "DetectFromUrl", "DetectFromUrlAsync" }),
            ("Microsoft.Azure.CognitiveServices.Vision.Face", "Microsoft.Azure.CognitiveServices.Vision.Face", true, new[]
            {
                "DetectWithStreamAsync", "DetectWithStreamWithHttpMessagesAsync", "DetectWithUrlAsync", "DetectWithUrlWithHttpMessagesAsync",
                "AddFaceFromStreamAsync", "AddFaceFromUrlAsync",
            }),
            ("Microsoft.ProjectOxford.Face", "Microsoft.ProjectOxford.Face", true, new[]
            {
                "DetectAsync", "AddPersonFaceAsync", "AddPersonFaceInPersonGroupAsync", "AddPersonFaceInLargePersonGroupAsync", "AddFaceToFaceListAsync",
                "AddFaceToLargeFaceListAsync",
            }),
            ("Amazon.Rekognition", "AWSSDK.Rekognition", true, new[]
            {
                "DetectFaces", "DetectFacesAsync", "IndexFaces", "IndexFacesAsync", "SearchFacesByImage", "SearchFacesByImageAsync",
                "CompareFaces", "CompareFacesAsync", "RecognizeCelebrities", "RecognizeCelebritiesAsync",
            }),
        };

        /// <summary>The cloud face services, which download an image given by URL themselves.</summary>
        private static readonly string[] CloudNamespaces = { "Azure.AI.Vision.Face", "Microsoft.Azure.CognitiveServices.Vision.Face", "Microsoft.ProjectOxford.Face" };

        /// <summary>Types of the project's own storage: an image URL taken from them is an upload, not a web image.</summary>
        private static readonly string[] StorageNamespaces = { "Azure.Storage", "Amazon.S3", "Google.Cloud.Storage" };

        /// <summary>Every face method name: the cheap test before anything is bound.</summary>
        public static readonly HashSet<string> MethodNames = LibraryMethodNames();

        private static readonly HashSet<string> FileWriters = new HashSet<string> { "WriteAllBytes", "WriteAllBytesAsync" };

        /// <summary>
        /// The compilation can see one of the face libraries' namespaces (<c>Microsoft.Azure.CognitiveServices.Vision.Face</c>,
        /// not just <c>Microsoft</c>). Asked of the compilation only for a library a reference's file name or a declared
        /// namespace points to (<see cref="ReferenceHints"/>): a project with none binds nothing here.
        /// </summary>
        public static bool AnyReferenced(Compilation compilation)
        {
            var hints = ReferenceHints.For(compilation);
            // Loops over the table, not LINQ: LINQ over value tuples is compiled on first use in every compiler process.
            foreach (var library in Libraries)
            {
                if ((hints.MayHaveFileStarting(library.Assembly) || hints.MaySee(library.Namespace)) && KnownSymbols.HasNamespace(compilation, library.Namespace))
                {
                    return true;
                }
            }

            return false;
        }

        private static HashSet<string> LibraryMethodNames()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var library in Libraries)
            {
                names.UnionWith(library.Methods);
            }

            return names;
        }

        /// <summary>The face API a method is, as <c>Type.Method</c>, or null.</summary>
        public static string? Match(IMethodSymbol method)
        {
            if (!MethodNames.Contains(method.Name))
            {
                return null;
            }

            var type = method.ContainingType;
            foreach (var (ns, _, allFace, methods) in Libraries)
            {
                if (Array.IndexOf(methods, method.Name) < 0 || !EvasionModel.IsIn(type, ns))
                {
                    continue;
                }

                if (allFace || IsFaceType(type, method.Name))
                {
                    return type.Name + "." + method.Name;
                }
            }

            return null;
        }

        /// <summary>In the general-purpose vision libraries: cascade classifiers, face recognizers, facemarks, dlib's face detector and shape predictor.</summary>
        private static bool IsFaceType(INamedTypeSymbol type, string method)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                var name = current.Name;
                if (method == "DetectMultiScale" ? name == "CascadeClassifier"
                    : name.IndexOf("Face", StringComparison.Ordinal) >= 0 || (method == "Detect" && name == "ShapePredictor"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The image URL a cloud face service is given to download itself (<c>DetectWithUrlAsync(url)</c>, the legacy client's
        /// <c>DetectAsync(imageUrl)</c>, <c>AddPersonFaceAsync(group, person, imageUrl)</c>): a <c>string</c> or <c>Uri</c> parameter named for a URL.
        /// </summary>
        public static IOperation? UrlArgument(IInvocationOperation call)
        {
            var cloud = false;
            foreach (var ns in CloudNamespaces)
            {
                cloud |= EvasionModel.IsIn(call.TargetMethod, ns);
            }

            if (!cloud)
            {
                return null;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue
                    && (parameter.Type.SpecialType == SpecialType.System_String || parameter.Type is { Name: "Uri", ContainingNamespace.Name: "System" })
                    && (parameter.Name.IndexOf("url", StringComparison.OrdinalIgnoreCase) >= 0 || parameter.Name.IndexOf("uri", StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// What a URL given to a cloud face service is, for the message, when it is a web image: an image on a host that is not in
        /// <c>scrapelint.allowed_domains</c> (nor loopback), or a URL whose value the project does not fix (a parameter no caller
        /// fills with an allowed host, a link taken from a fetched page). Null for the project's own hosts and storage.
        /// </summary>
        public static string? WebImage(IOperation url, EvasionModel model, ScrapeLintOptions options, CancellationToken cancellationToken)
        {
            foreach (var part in ValueTracer.Strip(url)!.DescendantsAndSelf())
            {
                var symbol = part switch
                {
                    IMemberReferenceOperation member => (ISymbol)member.Member,
                    IInvocationOperation invocation => invocation.TargetMethod,
                    _ => null,
                };
                if (symbol is not null && StorageNamespaces.Any(ns => EvasionModel.IsIn(symbol, ns)))
                {
                    return null;
                }
            }

            var values = model.Tracer(url, cancellationToken).Trace(url);
            string? unknown = null;
            foreach (var value in values)
            {
                var host = value.Text is null ? null : SessionCookies.HostOf(value.Text);
                if (value.Text is { } whole && whole.IndexOf("://", StringComparison.Ordinal) is var scheme and > 0)
                {
                    var authority = whole.Substring(scheme + 3);
                    var end = authority.IndexOfAny(new[] { '/', ':', '?' });
                    if (HostList.IsLoopback(end >= 0 ? authority.Substring(0, end) : authority))
                    {
                        continue;
                    }
                }

                if (host is null || host.IndexOf('{') >= 0)
                {
                    unknown ??= value.Text is { } text ? $"'{text}'" : value.Origin;
                    continue;
                }

                if (!options.IsAllowed(host) && !HostList.IsLoopback(host) && !IsCloudStorage(host))
                {
                    return $"the web image at '{value.Text}'";
                }
            }

            if (values.Count == 0)
            {
                unknown = $"'{ShapeEvaluator.NameOf(ValueTracer.Strip(url))}'";
            }

            return unknown is null ? null : $"the web image at {unknown}";
        }

        /// <summary>A cloud storage host (Azure blobs, S3, Google Cloud Storage): where a project keeps its own uploads.</summary>
        private static bool IsCloudStorage(string host)
            => host.EndsWith(".blob.core.windows.net", StringComparison.OrdinalIgnoreCase)
                || host.EndsWith(".amazonaws.com", StringComparison.OrdinalIgnoreCase) && host.IndexOf("s3", StringComparison.OrdinalIgnoreCase) >= 0
                || host.Equals("storage.googleapis.com", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The request that downloaded an image, followed back from the value a face API is given: through locals,
        /// decoders and streams (<c>Cv2.ImDecode(bytes)</c>, <c>new MemoryStream(bytes)</c>), a response's content,
        /// a file the method wrote the download to, a project method that returns a download, and the arguments the
        /// project's calls give a helper. Null when the image comes from elsewhere (a local file, an upload, a camera).
        /// </summary>
        public static string? DownloadedBy(IOperation image, EvasionModel model, CancellationToken cancellationToken)
            => new Provenance(model, cancellationToken).From(image, model.FactsOf(image, cancellationToken), 0);

        private sealed class Provenance
        {
            private const int MaxDepth = 12;
            private readonly EvasionModel model;
            private readonly CancellationToken cancellationToken;
            private readonly HashSet<ISymbol> visiting = new(SymbolEqualityComparer.Default);

            public Provenance(EvasionModel model, CancellationToken cancellationToken)
            {
                this.model = model;
                this.cancellationToken = cancellationToken;
            }

            public string? From(IOperation? operation, BodyFacts? facts, int depth)
            {
                operation = ValueTracer.Strip(operation);
                if (operation is null || depth > MaxDepth || operation.ConstantValue.HasValue)
                {
                    return null;
                }

                switch (operation)
                {
                    case IInvocationOperation invocation:
                        if (model.Crawl.Catalog.IsSinkName(invocation.TargetMethod.Name) && model.Crawl.Catalog.Match(invocation.TargetMethod) is not null)
                        {
                            return invocation.TargetMethod.Name;
                        }

                        if (!invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty && visiting.Add(invocation.TargetMethod))
                        {
                            try
                            {
                                foreach (var (returned, calleeFacts) in model.Tracer(invocation, cancellationToken).Returns(invocation.TargetMethod))
                                {
                                    if (From(returned, calleeFacts, depth + 1) is not null)
                                    {
                                        return invocation.TargetMethod.Name;
                                    }
                                }
                            }
                            finally
                            {
                                visiting.Remove(invocation.TargetMethod);
                            }
                        }

                        // Decoders, readers and converters: the image is in the instance or the arguments.
                        return From(invocation.Instance, facts, depth + 1) ?? FirstOf(invocation.Arguments.Select(a => a.Value), facts, depth);
                    case IPropertyReferenceOperation property:
                        return From(property.Instance, facts, depth + 1);
                    case IArrayElementReferenceOperation element:
                        return From(element.ArrayReference, facts, depth + 1);
                    case IObjectCreationOperation creation:
                        return FirstOf(creation.Arguments.Select(a => a.Value), facts, depth)
                            ?? FirstOf(creation.Initializer?.Initializers.Select(i => i is ISimpleAssignmentOperation s ? s.Value : i) ?? Enumerable.Empty<IOperation>(), facts, depth);
                    case ILocalReferenceOperation local:
                        return Local(local.Local, facts, depth);
                    case IParameterReferenceOperation parameter:
                        return Parameter(parameter.Parameter, depth);
                    default:
                        return null;
                }
            }

            private string? FirstOf(IEnumerable<IOperation> operations, BodyFacts? facts, int depth)
            {
                foreach (var operation in operations)
                {
                    if (From(operation, facts, depth + 1) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            }

            private string? Local(ILocalSymbol local, BodyFacts? facts, int depth)
            {
                if (facts is null || !visiting.Add(local))
                {
                    return null;
                }

                try
                {
                    foreach (var assignment in facts.AssignmentsOf(local))
                    {
                        var found = assignment.Kind switch
                        {
                            AssignmentKind.ForEach => Collection(assignment.Value, facts, depth),
                            _ => From(assignment.Value, facts, depth + 1),
                        };
                        if (found is not null)
                        {
                            return found;
                        }
                    }

                    return WrittenTo(local, facts, depth);
                }
                finally
                {
                    visiting.Remove(local);
                }
            }

            /// <summary>A list the method fills with downloads and then loops over.</summary>
            private string? Collection(IOperation? collection, BodyFacts facts, int depth)
            {
                collection = ValueTracer.Strip(collection);
                if (BodyFacts.CollectionSymbol(collection) is { } symbol && facts.CollectionAdds.TryGetValue(symbol, out var adds))
                {
                    foreach (var add in adds)
                    {
                        if (FirstOf(add.Arguments.Select(a => a.Value), facts, depth) is { } found)
                        {
                            return found;
                        }
                    }
                }

                return From(collection, facts, depth + 1);
            }

            /// <summary>
            /// A path the method downloaded to (<c>DownloadFile(url, path)</c>) or wrote a download to (<c>File.WriteAllBytes(path, bytes)</c>),
            /// or an image a decoder filled from a download (<c>CvInvoke.Imdecode(bytes, mode, mat)</c>).
            /// </summary>
            private string? WrittenTo(ILocalSymbol path, BodyFacts facts, int depth)
            {
                foreach (var invocation in facts.Invocations)
                {
                    var pathArgument = invocation.Arguments.FirstOrDefault(a => ValueTracer.Strip(a.Value) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, path));
                    if (pathArgument is null)
                    {
                        continue;
                    }

                    var method = invocation.TargetMethod;
                    if (model.Crawl.Catalog.IsSinkName(method.Name) && model.Crawl.Catalog.Match(method) is { FileParameter: { } file } && file.Ordinal == pathArgument.Parameter?.Ordinal)
                    {
                        return method.Name;
                    }

                    if (FileWriters.Contains(method.Name) && KnownSymbols.Is(method.ContainingType, model.Crawl.Known.File) && invocation.Arguments.Length > 1
                        && From(invocation.Arguments[1].Value, facts, depth + 1) is { } download)
                    {
                        return download;
                    }

                    if (method.Name.IndexOf("decode", StringComparison.OrdinalIgnoreCase) >= 0
                        && FirstOf(invocation.Arguments.Where(a => a != pathArgument).Select(a => a.Value), facts, depth) is { } decoded)
                    {
                        return decoded;
                    }
                }

                return null;
            }

            /// <summary>The images the project's calls of a helper give it (in any type of the project).</summary>
            private string? Parameter(IParameterSymbol parameter, int depth)
            {
                if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method || !visiting.Add(parameter))
                {
                    return null;
                }

                try
                {
                    foreach (var (call, callFacts) in model.CallsOf(method, cancellationToken))
                    {
                        var argument = (call as IInvocationOperation)?.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal);
                        if (argument is not null && From(argument.Value, callFacts, depth + 1) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                }
                finally
                {
                    visiting.Remove(parameter);
                }
            }
        }
    }
}
