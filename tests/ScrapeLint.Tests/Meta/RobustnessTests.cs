using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScrapeLint.Tests.Corpus;

namespace ScrapeLint.Tests.Meta;

/// <summary>
/// Half-typed code in an IDE: every analyzer runs over truncated and damaged versions of the sample and
/// corpus sources and must never throw (an AD0001 fails the test inside <see cref="AllAnalyzers.RunAsync"/>).
/// </summary>
public class RobustnessTests
{
    public static TheoryData<string> Sources
    {
        get
        {
            var data = new TheoryData<string>();
            var roots = new[] { Path.Combine(Repository.Root, "samples", "ProfileHarvester"), Path.Combine(Repository.Root, "tests", "ScrapeLint.Tests", "Corpus") };
            foreach (var file in roots.SelectMany(r => Directory.GetFiles(r, "*.cs", SearchOption.AllDirectories))
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.EndsWith("CorpusTests.cs", StringComparison.Ordinal))
                .OrderBy(f => f))
            {
                data.Add(Path.GetRelativePath(Repository.Root, file).Replace('\\', '/'));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task TruncatedSourcesNeverCrashTheAnalyzers(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Repository.Root, file));
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().ToList();
        const int cuts = 12;
        for (var i = 1; i <= cuts; i++)
        {
            var token = tokens[tokens.Count * i / (cuts + 1)];
            await AllAnalyzers.RunAsync(text.Substring(0, token.Span.End), OutputKind.DynamicallyLinkedLibrary, requireNoErrors: false);
        }
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task DamagedSourcesNeverCrashTheAnalyzers(string file)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Repository.Root, file));
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
        var random = new Random(file.Length * 7919);
        for (var round = 0; round < 6; round++)
        {
            // Delete or duplicate a few tokens, working from the end so earlier spans stay valid.
            var damaged = text;
            foreach (var token in Enumerable.Range(0, 4).Select(_ => tokens[random.Next(tokens.Count)]).Distinct().OrderByDescending(t => t.SpanStart))
            {
                damaged = random.Next(2) == 0
                    ? damaged.Remove(token.SpanStart, token.Span.Length)
                    : damaged.Insert(token.SpanStart, token.Text + " ");
            }

            await AllAnalyzers.RunAsync(damaged, OutputKind.DynamicallyLinkedLibrary, requireNoErrors: false);
        }
    }

    [Fact]
    public async Task AnalysisHonoursCancellation()
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "samples", "ProfileHarvester", "LinkCrawler.cs"));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AllAnalyzers.RunAsync(text, OutputKind.DynamicallyLinkedLibrary, requireNoErrors: false, cancelled.Token));
    }
}
