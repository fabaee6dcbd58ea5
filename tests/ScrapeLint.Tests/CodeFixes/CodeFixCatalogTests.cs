using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeLint.CodeFixes;
using ScrapeLint.Tests.Corpus;
using ScrapeLint.Tests.Meta;
using ScrapeLint.Tests.Verifiers;
using Xunit.Abstractions;

namespace ScrapeLint.Tests.CodeFixes;

/// <summary>
/// Every rule SPEC "Fixes" gives a fix has one exported provider, and every fix a provider offers on the
/// crawlers of the corpus (code the fixes were not written against) compiles and removes its diagnostic.
/// </summary>
public class CodeFixCatalogTests
{
    /// <summary>SPEC "Fixes": the rules with an automatic fix (SL3001's provider joins when its rule does).</summary>
    private static readonly string[] FixableBySpec = { "SL2001", "SL2002", "SL2003", "SL3001" };

    private readonly ITestOutputHelper output;

    public CodeFixCatalogTests(ITestOutputHelper output) => this.output = output;

    private static ImmutableArray<CodeFixProvider> Providers { get; } = typeof(CrawlCodeFixProvider).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static ImmutableHashSet<string> ReportedIds { get; } = AllAnalyzers.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToImmutableHashSet();

    [Fact]
    public void EveryFixableRule_HasExactlyOneExportedProvider()
    {
        foreach (var provider in Providers)
        {
            var export = provider.GetType().GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.True(export is not null && export.Languages.Contains(LanguageNames.CSharp), $"{provider.GetType().Name} is not exported for C#");
            // No [Shared] (System.Composition.AttributedModel): the version this build resolves may be newer than the one
            // a Roslyn 4.8 host carries, and the host would then not load the code fixes (ScrapeLint.Package.Tests
            // checks every reference of the packed assembly against that floor).
            Assert.True(
                provider.GetType().GetCustomAttributes().All(a => a is ExportCodeFixProviderAttribute || a.GetType().Assembly.GetName().Name?.StartsWith("System.Composition", StringComparison.Ordinal) != true),
                $"{provider.GetType().Name} carries a System.Composition attribute such as [Shared]");
        }

        var fixedIds = Providers.SelectMany(p => p.FixableDiagnosticIds).ToList();
        Assert.Equal(fixedIds.Count, fixedIds.Distinct().Count());
        var expected = FixableBySpec.Where(ReportedIds.Contains).OrderBy(id => id);
        Assert.Equal(expected, fixedIds.OrderBy(id => id));
    }

    [Fact]
    public void EveryProvider_FixesAllInDocumentProjectAndSolution()
    {
        foreach (var provider in Providers)
        {
            var fixAll = provider.GetFixAllProvider();
            Assert.NotNull(fixAll);
            Assert.Equal(
                new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution },
                fixAll.GetSupportedFixAllScopes().OrderBy(s => s));
        }
    }

    public static TheoryData<string, FixLibraries> CorpusCrawlers
    {
        get
        {
            var data = new TheoryData<string, FixLibraries>();
            foreach (var file in Directory.GetFiles(Path.Combine(Repository.Root, "tests", "ScrapeLint.Tests", "Corpus", "Crawlers"), "*.cs").OrderBy(f => f))
            {
                data.Add(Path.GetFileName(file), FixLibraries.All);
                data.Add(Path.GetFileName(file), FixLibraries.None);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CorpusCrawlers))]
    public async Task EveryOfferedFix_OnCorpusCrawlers_CompilesAndRemovesItsDiagnostic(string file, FixLibraries libraries)
    {
        var source = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "tests", "ScrapeLint.Tests", "Corpus", "Crawlers", file));
        var kind = file.EndsWith("Program.cs", StringComparison.Ordinal) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
        var document = await CreateDocumentAsync(source, kind, libraries);
        var original = (await document.Project.GetCompilationAsync())!;
        if (original.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            // The crawler itself needs a library left out of this variant.
            output.WriteLine($"{file} ({libraries}): needs a library this variant leaves out");
            return;
        }

        var before = await DiagnosticsAsync(document);
        var offered = 0;
        var unfixed = new List<string>();
        foreach (var diagnostic in before.Where(d => Providers.Any(p => p.FixableDiagnosticIds.Contains(d.Id))))
        {
            var provider = Providers.Single(p => p.FixableDiagnosticIds.Contains(diagnostic.Id));
            var actions = new List<CodeAction>();
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            if (actions.Count == 0)
            {
                unfixed.Add($"{diagnostic.Id} at line {diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1}");
            }

            foreach (var action in actions)
            {
                offered++;
                var operation = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
                var fixedDocument = operation.ChangedSolution.GetDocument(document.Id)!;
                var fixedText = (await fixedDocument.GetTextAsync()).ToString();
                var compilation = (await fixedDocument.Project.GetCompilationAsync())!;
                var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(errors.Count == 0, $"{file}: '{action.Title}' for {diagnostic} does not compile:\n{string.Join("\n", errors)}\n{fixedText}");

                var after = await DiagnosticsAsync(fixedDocument);
                Assert.True(
                    after.Count(d => d.Id == diagnostic.Id) < before.Count(d => d.Id == diagnostic.Id),
                    $"{file}: '{action.Title}' left {diagnostic.Id} in place:\n{fixedText}");
            }
        }

        output.WriteLine($"{file} ({libraries}): {before.Count(d => Providers.Any(p => p.FixableDiagnosticIds.Contains(d.Id)))} fixable diagnostics, {offered} fixes applied; no fix for {string.Join(", ", unfixed)}");
    }

    private static async Task<Document> CreateDocumentAsync(string source, OutputKind kind, FixLibraries libraries)
    {
        var workspace = new AdhocWorkspace();
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
            .AddRange(TestReferences.ThirdParty.Where(r => CodeFixVerifier<ScrapeLint.Rules.RobotsTxtRule, RobotsCheckCodeFixProvider>.Includes(r, libraries)));
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Corpus", "Corpus", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: references));
        project = workspace.AddDocument(project.Id, "Stubs.Abot.cs", Microsoft.CodeAnalysis.Text.SourceText.From(TestReferences.AbotStubs)).Project;
        return project.AddDocument("Source.cs", source);
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document)
    {
        var compilation = (await document.Project.GetCompilationAsync())!;
        var tree = await document.GetSyntaxTreeAsync();
        var all = await compilation.WithAnalyzers(AllAnalyzers.Analyzers).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        return all.Where(d => d.Location.SourceTree == tree).ToImmutableArray();
    }
}
