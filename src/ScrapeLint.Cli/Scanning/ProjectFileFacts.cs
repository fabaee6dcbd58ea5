using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>A package a project file names, with the version it states (null when it states none).</summary>
    internal sealed record PackageReference(string Id, string? Version);

    /// <summary>
    /// What a project file says about global usings and packages, read as plain XML: no MSBuild
    /// evaluation, no imports, no properties expanded, no DTDs. Enough to compile loose files the way the
    /// project would see them, without running anything the repository ships.
    /// </summary>
    internal sealed class ProjectFileFacts
    {
        /// <summary>The global usings of Microsoft.NET.Sdk when ImplicitUsings is on.</summary>
        internal static readonly string[] SdkImplicitUsings =
        {
            "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
        };

        private static readonly string[] WebSdkImplicitUsings =
        {
            "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
            "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
            "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
        };

        private ProjectFileFacts(IReadOnlyList<string> globalUsings, IReadOnlyList<PackageReference> packageReferences)
        {
            GlobalUsings = globalUsings;
            PackageReferences = packageReferences;
        }

        public IReadOnlyList<string> GlobalUsings { get; }

        public IReadOnlyList<PackageReference> PackageReferences { get; }

        /// <param name="projectFile">The project file's path, for messages; null for loose files without a project.</param>
        /// <param name="text">The project file's text, read through <see cref="SourceFileGate"/>.</param>
        public static ProjectFileFacts Read(string? projectFile, string? text, List<string> warnings)
        {
            // Loose files with no project: assume a current SDK-style project, where implicit usings are the norm.
            if (projectFile is null || text is null)
            {
                return new ProjectFileFacts(SdkImplicitUsings, Array.Empty<PackageReference>());
            }

            var usings = new List<string>();
            var removed = new List<string>();
            var packages = new List<PackageReference>();
            var implicitUsings = false;
            var web = false;
            try
            {
                foreach (var element in Elements(text))
                {
                    switch (element.Name)
                    {
                        case "Project":
                            web = element.Attribute("Sdk")?.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) == true;
                            break;
                        case "ImplicitUsings":
                            implicitUsings = element.Text.Trim() is var value
                                && (value.Equals("enable", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase));
                            break;
                        case "Using" when element.Attribute("Include") is { Length: > 0 } include && element.Attribute("Alias") is null && element.Attribute("Static") is null:
                            usings.Add(include);
                            break;
                        case "Using" when element.Attribute("Remove") is { Length: > 0 } remove:
                            removed.Add(remove);
                            break;
                        case "PackageReference" when element.Attribute("Include") is { Length: > 0 } id:
                            packages.Add(new PackageReference(id, element.Attribute("VersionOverride") ?? element.Attribute("Version")));
                            break;
                    }
                }
            }
            catch (XmlException ex)
            {
                warnings.Add($"{projectFile}: not readable as XML ({ex.Message}); its files are analysed without its global usings and packages");
            }

            var all = (implicitUsings ? SdkImplicitUsings.Concat(web ? WebSdkImplicitUsings : Array.Empty<string>()) : Enumerable.Empty<string>())
                .Concat(usings)
                .Except(removed, StringComparer.Ordinal)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            // A package named more than once (unconditionally and under a condition, or by two items) is one package:
            // the first stated version wins.
            var distinctPackages = packages
                .GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.FirstOrDefault(p => p.Version is not null) ?? g.First())
                .ToList();
            return new ProjectFileFacts(all, distinctPackages);
        }

        /// <summary>The package versions of a Directory.Packages.props (central package management).</summary>
        public static Dictionary<string, string> ReadCentralVersions(string propsFile)
        {
            var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            try
            {
                if (SourceFileGate.Read(propsFile, realRoot: null).Text is not { } text)
                {
                    return versions;
                }

                foreach (var element in Elements(text.ToString()))
                {
                    if (element.Name == "PackageVersion" && element.Attribute("Include") is { Length: > 0 } id && element.Attribute("Version") is { Length: > 0 } version)
                    {
                        versions[id] = version;
                    }
                }
            }
            catch (XmlException)
            {
                // An unreadable props file gives no versions: the newest cached version is used instead.
            }

            return versions;
        }

        /// <summary>Every element with its attributes (and text, for simple elements), in document order.</summary>
        private static IEnumerable<XmlElementFacts> Elements(string text)
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                var name = reader.LocalName;
                var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute())
                {
                    attributes[reader.LocalName] = reader.Value;
                }

                reader.MoveToElement();
                var content = string.Empty;
                if (name is "ImplicitUsings")
                {
                    content = reader.ReadElementContentAsString();
                }
                else
                {
                    reader.Read();
                }

                yield return new XmlElementFacts(name, attributes, content);
            }
        }

        private sealed record XmlElementFacts(string Name, Dictionary<string, string> Attributes, string Text)
        {
            public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;
        }
    }
}
