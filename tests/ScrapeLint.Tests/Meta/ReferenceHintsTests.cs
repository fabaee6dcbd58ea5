using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScrapeLint.Model;
using ScrapeLint.Tests.Corpus;

namespace ScrapeLint.Tests.Meta;

/// <summary>
/// What a compilation's names say before anything is bound: its references' file names (a project reference by its
/// assembly name; an image in memory cannot be told) and the namespaces its files declare.
/// </summary>
public class ReferenceHintsTests
{
    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    [Fact]
    public void AReferenceIsKnownByItsFileNameInAnyCase()
    {
        var compliance = MetadataReference.CreateFromFile(typeof(ScrapeLint.Compliance.CrawlPolicy).Assembly.Location);
        var hints = ReferenceHints.For(Compile(new[] { compliance }));

        Assert.False(hints.HasUnnamed);
        Assert.True(hints.HasFile("ScrapeLint.Compliance"));
        Assert.True(hints.HasFile("scrapelint.compliance"));
        Assert.False(hints.HasFile("ScrapeLint"));
        Assert.True(hints.MayHaveFileWith("COMPLIANCE"));
        Assert.True(hints.MayHaveFileStarting("ScrapeLint."));
        Assert.False(hints.MayHaveFileStarting("Compliance"));
        Assert.False(hints.MayReference("RestSharp", "RestSharp.RestRequest"));
        Assert.False(hints.HasProjects);
        Assert.False(hints.MaySee("TwoCaptcha"));
    }

    [Fact]
    public void AProjectReferenceIsKnownByItsAssemblyName()
    {
        var project = CSharpCompilation.Create("RestSharp", new[] { CSharpSyntaxTree.ParseText("namespace RestSharp { public class RestRequest { } }", Parse) });
        var hints = ReferenceHints.For(Compile(new[] { project.ToMetadataReference() }));

        Assert.False(hints.HasUnnamed);
        Assert.True(hints.MayReference("RestSharp", "RestSharp.RestRequest"));
        Assert.False(hints.MayReference("Flurl.Http", "Flurl.Http.IFlurlRequest"));

        // Another project's namespaces are not read: it may declare any (a plugin's namespace, CompilationReferenceTests).
        Assert.True(hints.HasProjects);
        Assert.True(hints.MaySee("TwoCaptcha"));
    }

    [Fact]
    public void AnImageInMemoryCanBeAnyLibrary()
    {
        var image = Image("Anything", "public class A { }");
        var hints = ReferenceHints.For(Compile(new[] { image }));

        Assert.True(hints.HasUnnamed);
        Assert.True(hints.MayHaveFileWith("captcha"));
        Assert.True(hints.MayHaveFileStarting("AWSSDK.Rekognition"));
        Assert.True(hints.MayReference("RestSharp", "RestSharp.RestRequest"));
    }

    [Theory]
    [InlineData("OpenQA", true)]
    [InlineData("OpenQA.Selenium", true)]
    [InlineData("OpenQA.Selenium.Chrome", false)]
    [InlineData("Selenium", false)]
    [InlineData("Outer.Inner.Deep", true)]
    [InlineData("Outer.Inner", true)]
    [InlineData("Inner", false)]
    [InlineData("Inner.Deep", false)]
    [InlineData("HtmlAgilityPack", true)]
    [InlineData("My.AngleSharp", true)]
    [InlineData("AngleSharp", false)]
    public void DeclaredNamespacesAreWholeDottedNamesWithTheirEnclosingOnes(string dottedName, bool expected)
    {
        var hints = ReferenceHints.For(Declaring());

        Assert.Equal(expected, hints.Declares(dottedName));
    }

    [Theory]
    [InlineData("OpenQA.Selenium.INavigation", true)]
    [InlineData("HtmlAgilityPack.HtmlWeb", true)]
    [InlineData("AngleSharp.BrowsingContextExtensions", false)]
    [InlineData("RestSharp.RestRequest", false)]
    [InlineData("HtmlWeb", false)]
    public void ALibraryTypeCanBeDeclaredOnlyWhereItsNamespaceIs(string metadataName, bool expected)
    {
        var hints = ReferenceHints.For(Declaring());

        Assert.Equal(expected, hints.DeclaresNamespaceOf(metadataName));
        Assert.Equal(expected, hints.MayReference("NotReferenced", metadataName));
    }

    /// <summary>
    /// A library referenced as an image in memory has no file name: the catalogue then asks the compilation for the
    /// referenced assemblies' identities, and HtmlAgilityPack's sinks are there as they are for a file.
    /// </summary>
    [Fact]
    public void ALibraryReferencedAsAnImageInMemoryIsStillCatalogued()
    {
        var library = Image("HtmlAgilityPack", "namespace HtmlAgilityPack { public class HtmlDocument { } public class HtmlWeb { public HtmlDocument Load(string url) => new HtmlDocument(); } }");
        var other = Image("Other", "public class A { }");

        Assert.True(CrawlModel.For(Compile(new[] { library })).Catalog.IsSinkName("LoadFromWebAsync"));
        Assert.False(CrawlModel.For(Compile(new[] { other })).Catalog.IsSinkName("LoadFromWebAsync"));
    }

    private static Compilation Declaring() => CSharpCompilation.Create(
        "Declaring",
        new[]
        {
            CSharpSyntaxTree.ParseText("namespace OpenQA.Selenium { public interface INavigation { } }", Parse),
            CSharpSyntaxTree.ParseText("namespace Outer { namespace Inner . Deep { class C { } } }", Parse),
            CSharpSyntaxTree.ParseText("namespace HtmlAgilityPack; public class HtmlWeb { }", Parse),
            CSharpSyntaxTree.ParseText("namespace My.AngleSharp { public static class BrowsingContextExtensions { } }", Parse),
        });

    private static Compilation Compile(IEnumerable<MetadataReference> references)
        => CSharpCompilation.Create("Hinted", new[] { CSharpSyntaxTree.ParseText("class Program { }", Parse) }, references.Append(CorlibReference()));

    /// <summary>The assembly of the source, as an image in memory (no file name).</summary>
    private static MetadataReference Image(string assemblyName, string source)
    {
        using var stream = new MemoryStream();
        var emitted = CSharpCompilation.Create(assemblyName, new[] { CSharpSyntaxTree.ParseText(source, Parse) }, new[] { CorlibReference() }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .Emit(stream);
        Assert.True(emitted.Success);
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    private static MetadataReference CorlibReference() => MetadataReference.CreateFromFile(typeof(object).Assembly.Location);
}
