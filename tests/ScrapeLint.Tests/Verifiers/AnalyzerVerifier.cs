using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using ScrapeLint.Rules;

namespace ScrapeLint.Tests.Verifiers;

/// <summary>
/// Runs one rule of <see cref="CrawlAnalyzer"/> over C# sources written like real code. Locations are given with markup
/// (<c>{|#0:client.GetStringAsync(url)|}</c>) and expected with <c>Diagnostic(id).WithLocation(0)</c>.
/// Third-party types (HtmlAgilityPack, AngleSharp, PuppeteerSharp, Playwright, Selenium, RestSharp,
/// Flurl, RateLimiting) come from the real packages; Abot, which does not restore here, from stubs.
/// </summary>
internal static class AnalyzerVerifier<TRule>
    where TRule : CrawlRule, new()
{
    /// <summary>The rule under test; the other rules of the analyzer are disabled in its tests.</summary>
    private static readonly string RuleId = new TRule().Descriptor.Id;

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static DiagnosticResult Diagnostic(string id, DiagnosticSeverity severity) => new DiagnosticResult(id, severity);

    /// <summary>A library source (class library output).</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => VerifyAsync(new[] { source }, editorConfig: null, OutputKind.DynamicallyLinkedLibrary, expected);

    /// <summary>A library source with <c>.editorconfig</c> lines (e.g. <c>scrapelint.allowed_domains = example.com</c>).</summary>
    public static Task VerifyAsync(string source, string editorConfig, params DiagnosticResult[] expected)
        => VerifyAsync(new[] { source }, editorConfig, OutputKind.DynamicallyLinkedLibrary, expected);

    /// <summary>A program with top-level statements.</summary>
    public static Task VerifyProgramAsync(string source, params DiagnosticResult[] expected)
        => VerifyAsync(new[] { source }, editorConfig: null, OutputKind.ConsoleApplication, expected);

    /// <summary>Several documents of one project (helpers in one file, the loop in another).</summary>
    public static Task VerifyAsync(string[] sources, string? editorConfig, OutputKind outputKind, params DiagnosticResult[] expected)
    {
        var test = CreateTest(sources, editorConfig, outputKind);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static CSharpAnalyzerTest<CrawlAnalyzer, DefaultVerifier> CreateTest(string[] sources, string? editorConfig, OutputKind outputKind)
        => TestReferences.CreateTest<CrawlAnalyzer>(RuleId, sources, editorConfig, outputKind);
}

/// <summary>The testing library's location markup (<c>{|#0:…|}</c>, <c>[|…|]</c>) in test sources.</summary>
public static class TestMarkup
{
    private static readonly System.Text.RegularExpressions.Regex Markup = new(@"\{\|[^:|{}]*:|\|\}|\[\||\|\]", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>The source as the compiler sees it: the silent variant of a reported case, or a robustness input.</summary>
    public static string Strip(string source) => Markup.Replace(source, string.Empty);
}

public static class TestReferences
{
    public static readonly ReferenceAssemblies Net80 = ReferenceAssemblies.Net.Net80;

    /// <summary>
    /// One analyzer over the sources with only <paramref name="ruleId"/> enabled, the third-party references, the
    /// Abot stubs (and any <paramref name="stubs"/>), and <c>.editorconfig</c> lines when given.
    /// </summary>
    internal static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> CreateTest<TAnalyzer>(string ruleId, string[] sources, string? editorConfig, OutputKind outputKind, params string[] stubs)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { ReferenceAssemblies = Net80 };
        test.TestState.OutputKind = outputKind;
        test.DisabledDiagnostics.AddRange(new TAnalyzer().SupportedDiagnostics.Select(d => d.Id).Where(id => id != ruleId));
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Test{i}.cs", sources[i]));
        }

        test.TestState.Sources.Add(("/0/Stubs.Abot.cs", AbotStubs));
        for (var i = 0; i < stubs.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Stubs{i}.cs", stubs[i]));
        }

        test.TestState.AdditionalReferences.AddRange(ThirdParty);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
        }

        return test;
    }

    /// <summary>
    /// The real third-party assemblies, taken from the packages restore put in the global packages folder,
    /// in the build made for .NET 8 (or .NET Standard), so they bind against the .NET 8 reference assemblies.
    /// </summary>
    public static readonly ImmutableArray<MetadataReference> ThirdParty = new[]
    {
        ("HtmlAgilityPack", "HtmlAgilityPack"), ("AngleSharp", "AngleSharp"), ("PuppeteerSharp", "PuppeteerSharp"),
        ("Microsoft.Playwright", "Microsoft.Playwright"), ("Selenium.WebDriver", "Selenium.WebDriver"), ("RestSharp", "RestSharp"),
        ("Flurl", "Flurl"), ("Flurl.Http", "Flurl.Http"), ("System.Threading.RateLimiting", "System.Threading.RateLimiting"),
        ("Microsoft.Bcl.AsyncInterfaces", "Microsoft.Bcl.AsyncInterfaces"), ("OpenCvSharp4", "OpenCvSharp"),
        ("Microsoft.Extensions.Logging.Abstractions", "Microsoft.Extensions.Logging.Abstractions"),
        ("xunit.extensibility.core", "xunit.core"), ("xunit.assert", "xunit.assert"), ("xunit.abstractions", "xunit.abstractions"),
    }.Select(p => (MetadataReference)MetadataReference.CreateFromFile(FindLibrary(p.Item1, p.Item2)))
     .Append(MetadataReference.CreateFromFile(typeof(ScrapeLint.Compliance.CrawlPolicy).Assembly.Location))
     .ToImmutableArray();

    private static string FindLibrary(string packageId, string assemblyName)
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var versions = Directory.GetDirectories(Path.Combine(root, packageId.ToLowerInvariant()))
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version());
        foreach (var version in versions)
        {
            foreach (var framework in new[] { "net8.0", "net6.0", "netstandard2.1", "netstandard2.0", "netstandard1.1" })
            {
                var path = Path.Combine(version, "lib", framework, assemblyName + ".dll");
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new FileNotFoundException($"{assemblyName}.dll of package {packageId} is not in {root}: run dotnet restore.");
    }

    /// <summary>
    /// The libraries of <see cref="EvasionStubs"/> as a referenced assembly (an image in memory), as a package would be: their
    /// source is not among the project's files, whose text decides what the evasion rules look at (a file that names a
    /// CAPTCHA service makes every sink name a site).
    /// </summary>
    public static MetadataReference EvasionStubsImage => EvasionImage.Value;

    private static readonly Lazy<MetadataReference> EvasionImage = new(() =>
    {
        var references = Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult().AddRange(ThirdParty);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "ScrapeLint.Tests.EvasionStubs",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(EvasionStubs.Source, new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest)) },
            references,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The evasion stubs do not compile:\n" + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    });

    /// <summary>Abot does not restore here: minimal stubs under its real namespaces (Abot2 and Abot 1.x).</summary>
    public const string AbotStubs = """
        namespace Abot2.Poco
        {
            public class CrawlConfiguration
            {
                public bool IsRespectRobotsDotTextEnabled { get; set; }
                public int MinCrawlDelayPerDomainMilliSeconds { get; set; }
                public int MaxPagesToCrawl { get; set; }
                public int MaxConcurrentThreads { get; set; }
                public string UserAgentString { get; set; } = "";
            }
            public class CrawlResult { public bool ErrorOccurred { get; set; } }
        }
        namespace Abot2.Crawler
        {
            public interface IWebCrawler { System.Threading.Tasks.Task<Abot2.Poco.CrawlResult> CrawlAsync(System.Uri uri); }
            public class PoliteWebCrawler : IWebCrawler
            {
                public PoliteWebCrawler() { }
                public PoliteWebCrawler(Abot2.Poco.CrawlConfiguration crawlConfiguration) { }
                public System.Threading.Tasks.Task<Abot2.Poco.CrawlResult> CrawlAsync(System.Uri uri) => System.Threading.Tasks.Task.FromResult(new Abot2.Poco.CrawlResult());
                public System.Threading.Tasks.Task<Abot2.Poco.CrawlResult> CrawlAsync(System.Uri uri, System.Threading.CancellationTokenSource cancellationTokenSource) => System.Threading.Tasks.Task.FromResult(new Abot2.Poco.CrawlResult());
            }
        }
        namespace Abot.Poco
        {
            public class CrawlConfiguration
            {
                public bool IsRespectRobotsDotTextEnabled { get; set; }
                public int MinCrawlDelayPerDomainMilliSeconds { get; set; }
                public int MaxConcurrentThreads { get; set; }
                public string UserAgentString { get; set; } = "";
            }
            public class CrawlResult { public bool ErrorOccurred { get; set; } }
        }
        namespace Abot.Crawler
        {
            public interface IWebCrawler { Abot.Poco.CrawlResult Crawl(System.Uri uri); }
            public class WebCrawler : IWebCrawler
            {
                public WebCrawler(Abot.Poco.CrawlConfiguration crawlConfiguration) { }
                public virtual Abot.Poco.CrawlResult Crawl(System.Uri uri) => new Abot.Poco.CrawlResult();
                public virtual Abot.Poco.CrawlResult Crawl(System.Uri uri, System.Threading.CancellationTokenSource cancellationTokenSource) => new Abot.Poco.CrawlResult();
            }
            public class PoliteWebCrawler : WebCrawler
            {
                public PoliteWebCrawler() : base(new Abot.Poco.CrawlConfiguration()) { }
                public PoliteWebCrawler(Abot.Poco.CrawlConfiguration crawlConfiguration) : base(crawlConfiguration) { }
            }
        }
        """;
}
