using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ScrapeLint.Model;

namespace ScrapeLint.Tests.Meta;

/// <summary>The search that decides whether a compilation is analysed reads each text in pieces: a word cut by a piece's end is found whole.</summary>
public class SourceStringsTests
{
    private static readonly string[] Suffixes = { "Client", "RequestMessage" };

    /// <summary>Every place around the first pieces' ends (16 K characters each, the next starting a word's length before).</summary>
    public static IEnumerable<object[]> Places()
    {
        foreach (var end in new[] { 16 * 1024, 2 * 16 * 1024 - 17 })
        {
            for (var place = end - 24; place <= end + 4; place++)
            {
                yield return new object[] { place };
            }
        }
    }

    [Theory]
    [MemberData(nameof(Places))]
    public void AWordIsFoundWhereverItFallsInAStringOrALargeText(int place)
    {
        foreach (var large in new[] { false, true })
        {
            Assert.True(Has(Text(place, "HttpRequestMessage"), large), $"at {place}, large: {large}");
            Assert.True(Has(Text(place, "HttpClient"), large), $"at {place}, large: {large}");
            Assert.False(Has(Text(place, "HttpClien"), large), $"at {place}, large: {large}");
            Assert.False(Has(Text(place, "Http Client"), large), $"at {place}, large: {large}");
        }
    }

    [Fact]
    public void AStemAtTheEndWithNoSuffixIsNotAWord()
    {
        Assert.False(Has("// " + new string('x', 40_000) + "Http", large: true));
        Assert.True(Has("// " + new string('x', 40_000) + "HttpClient", large: true));
    }

    [Fact]
    public void AKeptStringIsSearchedAsWell()
    {
        var compilation = Compilation("// " + new string('x', 50_000) + " HttpClient", large: true);
        var texts = new SourceStrings(compilation);
        Assert.Equal(50_014, texts.Of(compilation.SyntaxTrees.Single(), CancellationToken.None).Length);

        Assert.True(texts.AnyFileHasOrdinal("Http", Suffixes, CancellationToken.None));
        Assert.False(texts.AnyFileHasOrdinal("Web", Suffixes, CancellationToken.None));
    }

    [Fact]
    public void ALargeTextIsCopiedOnceAndATreeOutsideTheCompilationIsReadAsWell()
    {
        var compilation = Compilation("// " + new string('x', 50_000), large: true);
        var texts = new SourceStrings(compilation);
        var tree = compilation.SyntaxTrees.Single();
        Assert.Same(texts.Of(tree, CancellationToken.None), texts.Of(tree, CancellationToken.None));

        var outside = CSharpSyntaxTree.ParseText("class Outside { }");
        Assert.Equal("class Outside { }", texts.Of(outside, CancellationToken.None));
    }

    private static string Text(int place, string word)
        => "//" + new string('x', place - 2) + word + new string('x', 3 * 16 * 1024 - place);

    private static bool Has(string text, bool large)
        => new SourceStrings(Compilation(text, large)).AnyFileHasOrdinal("Http", Suffixes, CancellationToken.None);

    /// <summary>A large text as the compiler reads a file of over 40 K characters (in chunks), or a string text.</summary>
    private static Compilation Compilation(string text, bool large)
    {
        var source = large ? SourceText.From(new MemoryStream(Encoding.UTF8.GetBytes(text)), Encoding.UTF8) : SourceText.From(text);
        return CSharpCompilation.Create("Texts", new[] { CSharpSyntaxTree.ParseText(source) });
    }
}
