using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ScrapeLint.Rules;
using ScrapeLint.Tests.Corpus;
using ScrapeLint.Tests.Verifiers;

namespace ScrapeLint.Tests.Meta;

/// <summary>
/// A project that cannot send a request gets no syntax-node action at all: the crawl and evasion analyzers
/// register only when the project references a scraping, browser or CAPTCHA library, configures request
/// methods, or some file names a .NET HTTP type; the face analyzer only when a face library is visible.
/// </summary>
public class RegistrationTests
{
    private const string Orders = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;

        namespace Contoso.Orders;

        public sealed record Order(int Id, string Customer, decimal Total);

        public sealed class OrderReport
        {
            private readonly Dictionary<string, decimal> totals = new();

            public async Task<IReadOnlyList<string>> BuildAsync(IEnumerable<Order> orders)
            {
                foreach (var order in orders)
                {
                    totals[order.Customer] = totals.GetValueOrDefault(order.Customer) + order.Total;
                }

                await Task.Yield();
                var lines = new List<string>();
                foreach (var (customer, total) in totals.OrderByDescending(p => p.Value))
                {
                    lines.Add($"{customer}: {total:N2}");
                }

                return lines;
            }
        }
        """;

    [Fact]
    public async Task AProjectWithoutHttpRegistersNoAction()
    {
        var counts = await ActionCountsAsync(new[] { Orders }, libraries: false);

        Assert.Equal(0, counts[nameof(CrawlAnalyzer)]);
        Assert.Equal(0, counts[nameof(EvasionAnalyzer)]);
        Assert.Equal(0, counts[nameof(FaceAnalyzer)]);
    }

    [Theory]
    [InlineData("private readonly System.Net.Http.HttpClient http = new();")]
    [InlineData("private static void Register(object services) => AddHttpClient(services); private static void AddHttpClient(object services) { }")]
    [InlineData("private static System.Net.WebRequest Open(string url) => System.Net.WebRequest.Create(url);")]
    [InlineData("private readonly System.Net.WebClient web = new();")]
    [InlineData("private readonly System.Net.Http.SocketsHttpHandler handler = new();")]
    [InlineData("private static void Tag(System.Net.Http.HttpRequestMessage request) => request.Headers.Add(\"X-Trace\", \"1\");")]
    public async Task OneFileNamingAnHttpTypeRegistersTheCrawlAndEvasionRules(string member)
    {
        var client = $$"""
            namespace Contoso.Net;

            public sealed class Gateway
            {
                {{member}}
            }
            """;

        var counts = await ActionCountsAsync(new[] { Orders, client }, libraries: false);

        Assert.True(counts[nameof(CrawlAnalyzer)] > 0);
        Assert.True(counts[nameof(EvasionAnalyzer)] > 0);
        Assert.Equal(0, counts[nameof(FaceAnalyzer)]);
    }

    [Fact]
    public async Task HttpInACommentOrAnotherIdentifierDoesNotCount()
    {
        var other = """
            namespace Contoso.Web;

            // Serves the HttpContext of the request; no client here.
            public sealed class HttpStatusText
            {
                public static string Of(int code) => code == 404 ? "Not Found" : "Web page";
            }
            """;

        var counts = await ActionCountsAsync(new[] { Orders, other }, libraries: false);

        Assert.Equal(0, counts[nameof(CrawlAnalyzer)]);
        Assert.Equal(0, counts[nameof(EvasionAnalyzer)]);
    }

    [Fact]
    public async Task AReferencedScrapingLibraryRegistersTheRulesWithoutAnyHttpType()
    {
        var counts = await ActionCountsAsync(new[] { Orders }, libraries: true);

        Assert.True(counts[nameof(CrawlAnalyzer)] > 0);
        Assert.True(counts[nameof(EvasionAnalyzer)] > 0);
        Assert.True(counts[nameof(FaceAnalyzer)] > 0, "OpenCvSharp is referenced");
    }

    /// <summary>
    /// A library's namespace declared in the project (the library's own source, or stubs of it) counts as the library: the
    /// start of the analysis sees it from the declaration, before anything is bound.
    /// </summary>
    [Theory]
    [InlineData("namespace HtmlAgilityPack { public class HtmlWeb { } }", true, false)]
    [InlineData("namespace OpenQA.Selenium { public interface INavigation { } }", true, false)]
    [InlineData("namespace TwoCaptcha { public class Solver { } }", true, false)]
    [InlineData("namespace OpenCvSharp { public class CascadeClassifier { } }", false, true)]
    public async Task ALibraryDeclaredInTheProjectRegistersItsRules(string declaration, bool crawl, bool face)
    {
        var counts = await ActionCountsAsync(new[] { Orders, declaration }, libraries: false);

        Assert.Equal(crawl, counts[nameof(CrawlAnalyzer)] > 0);
        Assert.Equal(crawl, counts[nameof(EvasionAnalyzer)] > 0);
        Assert.Equal(face, counts[nameof(FaceAnalyzer)] > 0);
    }

    /// <summary>A namespace that only ends or starts like a library's, or a type named like one of its types, is not the library.</summary>
    [Theory]
    [InlineData("namespace Contoso.HtmlAgilityPack { public class HtmlWeb { } }")]
    [InlineData("namespace OpenQA.Tools { public class Selenium { } }")]
    [InlineData("namespace Contoso.Vision { public class CascadeClassifier { } public class AngleSharp { } }")]
    [InlineData("namespace OpenCvSharpExtras { public class Captcha { } }")]
    public async Task ANamespaceOnlyNamedLikeALibraryRegistersNothing(string declaration)
    {
        var counts = await ActionCountsAsync(new[] { Orders, declaration }, libraries: false);

        Assert.Equal(0, counts[nameof(CrawlAnalyzer)]);
        Assert.Equal(0, counts[nameof(EvasionAnalyzer)]);
        Assert.Equal(0, counts[nameof(FaceAnalyzer)]);
    }

    /// <summary>A configured request method of the project's own transport counts as a request with no HTTP type named anywhere.</summary>
    [Fact]
    public async Task AConfiguredRequestMethodIsFollowedInAProjectWithoutHttp()
    {
        var source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            namespace Contoso.Transport;

            public sealed class PageFetcher
            {
                public Task<string> FetchAsync(string url) => Task.FromResult(url);
            }

            public sealed class Harvester
            {
                private readonly PageFetcher fetcher = new();

                public async Task HarvestAsync(IEnumerable<string> handles)
                {
                    foreach (var handle in handles)
                    {
                        await {|#0:fetcher.FetchAsync($"https://www.linkedin.com/in/{handle}")|};
                    }
                }
            }
            """;
        var test = new CSharpAnalyzerTest<CrawlAnalyzer, DefaultVerifier> { ReferenceAssemblies = TestReferences.Net80 };
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nscrapelint.request_methods = Contoso.Transport.PageFetcher.FetchAsync\n"));
        test.DisabledDiagnostics.AddRange(new CrawlAnalyzer().SupportedDiagnostics.Select(d => d.Id).Where(id => id != "SL1001"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("SL1001", DiagnosticSeverity.Warning).WithLocation(0));

        await test.RunAsync(CancellationToken.None);
    }

    private static async Task<Dictionary<string, int>> ActionCountsAsync(string[] sources, bool libraries)
    {
        var references = libraries
            ? await AllAnalyzers.ReferencesAsync()
            : await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "Registration",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), $"File{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var withAnalyzers = compilation.WithAnalyzers(AllAnalyzers.Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync());
        var counts = new Dictionary<string, int>();
        foreach (var analyzer in AllAnalyzers.Analyzers)
        {
            // The crawl analyzer runs once per file (a semantic model action), the others on syntax nodes.
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            counts[analyzer.GetType().Name] = telemetry.SyntaxNodeActionsCount + telemetry.SemanticModelActionsCount;
        }

        return counts;
    }
}
