using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ScrapeLint.Model;
using ScrapeLint.Tests.Verifiers;

namespace ScrapeLint.Tests.Meta;

/// <summary>
/// The syntax-only test made before a reference to a member of the project by its name is bound
/// (<see cref="ProjectTypes.MayReach"/>): "no" only when the written type of the receiver, of the created object or of
/// the type a bare name is written in shows it cannot be the member's type or one of its subtypes.
/// </summary>
public class ProjectTypesTests
{
    /// <summary>Each line marked <c>// +</c> (may reach) or <c>// -</c> (cannot) has one reference to a <c>Headers</c>.</summary>
    private const string Source = """
        using System.Collections.Generic;
        using System.Net.Http;
        using Opts = Shop.TransferOptions;

        namespace Shop
        {
            public record TransferOptions { public Dictionary<string, string> Headers { get; init; } = new(); }
            public record CrawlOptions : TransferOptions
            {
                public CrawlOptions()
                {
                    Headers["k"] = "v"; // +
                }
            }
            public interface IHasHeaders { Dictionary<string, string> Headers { get; } }
            public class Report : IHasHeaders
            {
                public Dictionary<string, string> Headers { get; } = new();
                public void Fill()
                {
                    Headers["k"] = "v"; // -
                }
            }
            public class Uses
            {
                private readonly HttpRequestMessage message = new HttpRequestMessage();
                private readonly Report other = new Report();

                public void Run(TransferOptions options, CrawlOptions crawl, Report report, HttpResponseMessage response, Opts aliased, Far far, IEnumerable<TransferOptions> all, int[] numbers, object o)
                {
                    options.Headers["k"] = "v"; // +
                    _ = options with { Headers = new() }; // +
                    crawl.Headers["k"] = "v"; // +
                    aliased.Headers["k"] = "v"; // +
                    far.Headers["k"] = "v"; // +
                    report.Headers["k"] = "v"; // -
                    response.Headers.Add("k", "v"); // -
                    message.Headers.Add("k", "v"); // -
                    other.Headers["k"] = "v"; // -
                    this.other.Headers["k"] = "v"; // -
                    var made = new CrawlOptions(); made.Headers["k"] = "v"; // +
                    var madeReport = new Report(); madeReport.Headers["k"] = "v"; // -
                    var fetched = Make(); fetched.Headers["k"] = "v"; // +
                    foreach (TransferOptions each in all) each.Headers["k"] = "v"; // +
                    foreach (var each in all) each.Headers["k"] = "v"; // +
                    foreach (var each in all) report.Headers["k"] = "v"; // -
                    foreach (var each in all) { var local = new Report(); local.Headers["k"] = "v"; } // -
                    _ = new CrawlOptions { Headers = { ["k"] = "v" } }; // +
                    _ = new Report { Headers = { ["k"] = "v" } }; // -
                    _ = new Report[] { new() { Headers = { ["k"] = "v" } } }; // +
                    switch (o)
                    {
                        case 1:
                            var inSection = new Report();
                            break;
                        default:
                            inSection = new Report();
                            inSection.Headers["k"] = "v"; // -
                            break;
                    }
                }

                public void Generic<T>(T value) where T : TransferOptions => value.Headers["k"] = "v"; // +

                public void Lambda() => System.Array.ForEach(new[] { Make() }, x => x.Headers["k"] = "v"); // +

                private static TransferOptions Make() => new CrawlOptions();
            }
        }
        """;

    [Fact]
    public async Task AReferenceIsRuledOutOnlyWhenItsWrittenTypeCannotBeTheMembersType()
    {
        var (compilation, tree) = await CompileAsync();
        var owner = compilation.GetTypeByMetadataName("Shop.TransferOptions")!;
        var types = ProjectTypes.For(compilation);
        var lines = Source.Split('\n');
        var checkedLines = 0;
        foreach (var line in Enumerable.Range(0, lines.Length).Where(l => lines[l].TrimEnd().EndsWith("// +") || lines[l].TrimEnd().EndsWith("// -")))
        {
            var references = References(tree).Where(r => r.GetLocation().GetLineSpan().StartLinePosition.Line == line).ToList();
            Assert.True(references.Count == 1, $"line {line + 1}: {references.Count} references");
            var expected = lines[line].TrimEnd().EndsWith('+');
            Assert.True(expected == types.MayReach(references[0], owner, CancellationToken.None), $"line {line + 1}: {lines[line].Trim()}");
            checkedLines++;
        }

        Assert.Equal(25, checkedLines);
    }

    [Fact]
    public async Task EveryBoundUseOfTheMemberMayBeReached()
    {
        // The filter never drops a real use: each reference the compiler binds to TransferOptions.Headers is a "may be".
        var (compilation, tree) = await CompileAsync();
        var owner = compilation.GetTypeByMetadataName("Shop.TransferOptions")!;
        var member = owner.GetMembers("Headers").Single();
        var semanticModel = compilation.GetSemanticModel(tree);
        var uses = References(tree).Where(r => SymbolEqualityComparer.Default.Equals(
            semanticModel.GetSymbolInfo(r is MemberAccessExpressionSyntax access ? access.Name : r).Symbol, member)).ToList();

        Assert.Equal(13, uses.Count);
        Assert.All(uses, use => Assert.True(ProjectTypes.For(compilation).MayReach(use, owner, CancellationToken.None), use.ToString()));
    }

    /// <summary>Each <c>Headers</c> written as a name: the member access it ends, or the name alone.</summary>
    private static IEnumerable<SyntaxNode> References(SyntaxTree tree)
        => tree.GetRoot().DescendantNodes().OfType<IdentifierNameSyntax>()
            .Where(i => i.Identifier.ValueText == "Headers")
            .Select(i => i.Parent is MemberAccessExpressionSyntax access && access.Name == i ? (SyntaxNode)access : i);

    private static async Task<(Compilation Compilation, SyntaxTree Tree)> CompileAsync()
    {
        var tree = CSharpSyntaxTree.ParseText(Source, new CSharpParseOptions(LanguageVersion.Latest));
        var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        // A global alias of another file names the type too.
        var aliases = CSharpSyntaxTree.ParseText("global using Far = Shop.TransferOptions;", new CSharpParseOptions(LanguageVersion.Latest));
        var compilation = CSharpCompilation.Create("Typed", new[] { tree, aliases }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return (compilation, tree);
    }
}
