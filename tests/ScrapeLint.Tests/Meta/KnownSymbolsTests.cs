using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ScrapeLint.Model;

namespace ScrapeLint.Tests.Meta;

/// <summary>Namespaces are compared part by part: a namespace that only starts or ends like the expected one is another.</summary>
public class KnownSymbolsTests
{
    private static readonly Compilation Namespaces = CSharpCompilation.Create(
        "Namespaces",
        new[]
        {
            CSharpSyntaxTree.ParseText("""
                namespace Flurl { class A { } }
                namespace Flurl.Http { class B { } }
                namespace Flurl.Http.Content { class C { } }
                namespace Flurl.HttpExtras { class D { } }
                namespace My.Flurl.Http { class E { } }
                namespace Http { class F { } }
                class G { }
                """),
        });

    [Theory]
    [InlineData("B", "Flurl.Http", true)]
    [InlineData("A", "Flurl", true)]
    [InlineData("A", "Flurl.Http", false)]
    [InlineData("C", "Flurl.Http", false)]
    [InlineData("D", "Flurl.Http", false)]
    [InlineData("E", "Flurl.Http", false)]
    [InlineData("F", "Flurl.Http", false)]
    [InlineData("F", "Http", true)]
    [InlineData("G", "Http", false)]
    public void IsNamespace_IsTheWholeDottedName(string type, string dottedName, bool expected)
        => Assert.Equal(expected, KnownSymbols.IsNamespace(TypeNamed(type).ContainingNamespace, dottedName));

    [Theory]
    [InlineData("B", "Flurl.Http", true)]
    [InlineData("C", "Flurl.Http", true)]
    [InlineData("C", "Flurl", true)]
    [InlineData("A", "Flurl.Http", false)]
    [InlineData("D", "Flurl.Http", false)]
    [InlineData("E", "Flurl.Http", false)]
    [InlineData("G", "Flurl", false)]
    public void IsInNamespace_IsTheNamespaceOrOneNestedInIt(string type, string dottedName, bool expected)
        => Assert.Equal(expected, KnownSymbols.IsInNamespace(TypeNamed(type).ContainingNamespace, dottedName));

    private static INamedTypeSymbol TypeNamed(string name)
        => Namespaces.GetSymbolsWithName(name, SymbolFilter.Type).OfType<INamedTypeSymbol>().Single();
}
