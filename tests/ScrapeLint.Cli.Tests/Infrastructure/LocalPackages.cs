using System.IO.Compression;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ScrapeLint.Cli.Tests.Infrastructure;

/// <summary>Packages made in the test, never downloaded: a NuGet cache layout, or .nupkg files for a local feed.</summary>
public static class LocalPackages
{
    /// <summary>
    /// Writes &lt;cache&gt;/&lt;id&gt;/&lt;version&gt;/lib/&lt;framework&gt;/&lt;assembly&gt;.dll (netstandard2.0 and the id by default),
    /// compiled from <paramref name="source"/>.
    /// </summary>
    public static void AddToCache(string cache, string id, string version, string source, string? assembly = null, string framework = "netstandard2.0")
    {
        var folder = Path.Combine(cache, id.ToLowerInvariant(), version, "lib", framework);
        Directory.CreateDirectory(folder);
        WriteAssembly(Path.Combine(folder, (assembly ?? id) + ".dll"), assembly ?? id, source);
        File.WriteAllText(Path.Combine(cache, id.ToLowerInvariant(), version, id.ToLowerInvariant() + ".nuspec"), Nuspec(id, version));
    }

    /// <summary>Compiles <paramref name="source"/> into an assembly named <paramref name="name"/> at <paramref name="path"/>.</summary>
    public static void WriteAssembly(string path, string name, string source)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Compile(name, source));
    }

    /// <summary>A package with only a nuspec (no assemblies), as a .nupkg in <paramref name="feed"/>.</summary>
    public static void AddToFeed(string feed, string id, string version)
    {
        Directory.CreateDirectory(feed);
        using var zip = ZipFile.Open(Path.Combine(feed, $"{id}.{version}.nupkg"), ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry(id + ".nuspec").Open());
        writer.Write(Nuspec(id, version));
    }

    private static string Nuspec(string id, string version) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
          <metadata><id>{id}</id><version>{version}</version><authors>tests</authors><description>A package made by the test.</description></metadata>
        </package>
        """;

    private static byte[] Compile(string name, string source)
    {
        var references = ScrapeLint.Cli.Scanning.FrameworkReferences.References;
        var compilation = CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return stream.ToArray();
    }
}
