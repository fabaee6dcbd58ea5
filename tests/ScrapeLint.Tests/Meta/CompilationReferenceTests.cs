using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeLint.Tests.Corpus;

namespace ScrapeLint.Tests.Meta;

/// <summary>
/// A project that references another project's compilation (a workspace <c>ProjectReference</c>, as the CLI's folder
/// mode builds them): the referenced project's symbols carry syntax that is not part of the analysed compilation. Every
/// analyzer must treat them as metadata, never ask this compilation for a semantic model of them.
/// </summary>
public class CompilationReferenceTests
{
    private const string Library = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Lib;

        public class Loader
        {
            public event Action<string, string>? Loaded;
            public readonly string Home = "https://www.instagram.com/";
            public static readonly string Agent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36";
            private readonly Queue<string> frontier = new Queue<string>();
            private readonly HttpClient http = new HttpClient { BaseAddress = new Uri("https://www.instagram.com/") };

            public string Next() => frontier.Dequeue();
            public virtual async Task Load(string url) => Loaded?.Invoke(url, await http.GetStringAsync(url));
        }
        """;

    private const string Application = """
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Lib;

        public class Crawler
        {
            private readonly Loader loader = new Loader();
            private readonly HttpClient http = new HttpClient();

            public Crawler() => loader.Loaded += (url, html) => { Step(); };

            public async Task Step()
            {
                http.DefaultRequestHeaders.Add("User-Agent", Loader.Agent);
                await loader.Load(loader.Next());
                await http.GetStringAsync(loader.Home + loader.Next());
            }

            public async Task Run(IEnumerable<string> handles)
            {
                foreach (var handle in handles)
                {
                    await loader.Load(loader.Home + handle);
                    await http.GetStringAsync(loader.Home + handle);
                }
            }
        }
        """;

    [Fact]
    public async Task SymbolsOfAReferencedCompilation_AreAnalysedAsMetadata()
    {
        var references = await AllAnalyzers.ReferencesAsync();
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        var library = CSharpCompilation.Create("Lib", new[] { CSharpSyntaxTree.ParseText(Library, parse, "Lib.cs") }, references, options);
        var application = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText(Application, parse, "App.cs") }, references.Add(library.ToMetadataReference()), options);
        Assert.Empty(application.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var analysis = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        var diagnostics = await application.WithAnalyzers(AllAnalyzers.Analyzers, analysis).GetAllDiagnosticsAsync();

        var crashes = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()).ToList();
        Assert.True(crashes.Count == 0, "An analyzer threw:\n" + string.Join("\n", crashes));

        // Findings are the application's: nothing is reported in, or read out of, the referenced project's source.
        Assert.All(diagnostics.Where(d => d.Id.StartsWith("SL", StringComparison.Ordinal)), d => Assert.Equal("App.cs", d.Location.SourceTree?.FilePath));
    }
}
