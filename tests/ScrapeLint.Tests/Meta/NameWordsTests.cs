using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ScrapeLint.Model;
using Xunit;

namespace ScrapeLint.Tests.Meta;

/// <summary>The word and text helpers the messages and the profile evidence are built from.</summary>
public class NameWordsTests
{
    private static readonly string[] Words = { "profile", "user" };

    [Theory]
    [InlineData("profileUrl", true)]
    [InlineData("ProfileUrls", true)]
    [InlineData("userProfiles", true)]
    [InlineData("_users", true)]
    [InlineData("linked_in_profile_2", true)]
    [InlineData("USER_IDS", true)]
    [InlineData("userses", false)]
    [InlineData("profiler", false)]
    [InlineData("superuser", false)]
    [InlineData("usersList", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("2profiles", true)]
    [InlineData("profilees", true)]
    public void HasWord_FindsAWordOfItsOwn_SingularOrPlural(string? name, bool expected)
        => Assert.Equal(expected, RequestClassifier.HasWord(name, Words));

    [Fact]
    public void HasWord_TakesTheEsPlural()
        => Assert.True(RequestClassifier.HasWord("matchesFound", new[] { "match" }));

    [Fact]
    public void Short_KeepsAShortNodeWhole()
    {
        var expression = Parse("var x = handles.Where(h => h.Length > 0);").DescendantNodes().OfType<InvocationExpressionSyntax>().First();
        Assert.Equal("handles.Where(h => h.Length > 0)", SourceStrings.Short(expression));
    }

    [Fact]
    public void Short_CutsALongNodeOnOneLine()
    {
        var source = "var x = handles\r\n    .Where(h => h.Length > 0)\r\n" + string.Concat(Enumerable.Repeat("    .Select(h => h.Trim())\r\n", 20)) + "    .ToList();";
        var expression = Parse(source).DescendantNodes().OfType<InvocationExpressionSyntax>().First();
        var whole = expression.ToString().Replace("\r", "").Replace("\n", " ");
        Assert.Equal(whole.Substring(0, 37) + "...", SourceStrings.Short(expression));
    }

    private static Microsoft.CodeAnalysis.SyntaxNode Parse(string statement)
        => CSharpSyntaxTree.ParseText("class C { void M(string[] handles) { " + statement + " } }").GetRoot();
}
