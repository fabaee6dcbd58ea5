using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>A package a project file names, with the version it states (null when it states none).</summary>
    /// <param name="Assembly">For a package named by a packages.config-era HintPath: the one assembly (file name without .dll) the reference names.</param>
    /// <param name="Framework">For a HintPath: the lib folder it names (net45), preferred when the package has no folder for current .NET.</param>
    internal sealed record PackageReference(string Id, string? Version, string? Assembly = null, string? Framework = null);

    /// <summary>A <c>&lt;Reference&gt;</c> with a HintPath (packages.config era): the assembly name and the path as written.</summary>
    internal sealed record HintPathReference(string AssemblyName, string HintPath);

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

        private ProjectFileFacts(
            IReadOnlyList<string> globalUsings,
            IReadOnlyList<PackageReference> packageReferences,
            IReadOnlyList<HintPathReference>? hintPathReferences = null,
            IReadOnlyList<string>? projectReferences = null)
        {
            GlobalUsings = globalUsings;
            PackageReferences = packageReferences;
            HintPathReferences = hintPathReferences ?? Array.Empty<HintPathReference>();
            ProjectReferences = projectReferences ?? Array.Empty<string>();
        }

        public IReadOnlyList<string> GlobalUsings { get; }

        /// <summary>PackageReference items whose condition is not known to be false, one per id.</summary>
        public IReadOnlyList<PackageReference> PackageReferences { get; }

        /// <summary>Reference items with a HintPath whose condition is not known to be false.</summary>
        public IReadOnlyList<HintPathReference> HintPathReferences { get; }

        /// <summary>ProjectReference Include values as written (relative to the project's folder, either slash).</summary>
        public IReadOnlyList<string> ProjectReferences { get; }

        /// <param name="projectFile">The project file's path, for messages; null for loose files without a project.</param>
        /// <param name="text">The project file's text, read through <see cref="SourceFileGate"/>.</param>
        /// <param name="framework">The target framework folder mode compiles for (net10.0): the value of <c>$(TargetFramework)</c> in conditions
        /// unless the project names frameworks of its own (<see cref="OwnFramework"/>).</param>
        public static ProjectFileFacts Read(string? projectFile, string? text, List<string> warnings, string? framework = null)
        {
            // Loose files with no project: assume a current SDK-style project, where implicit usings are the norm.
            if (projectFile is null || text is null)
            {
                return new ProjectFileFacts(SdkImplicitUsings, Array.Empty<PackageReference>());
            }

            var usings = new List<string>();
            var removed = new List<string>();
            var packages = new List<PackageReference>();
            var hintPaths = new List<HintPathReference>();
            var projectReferences = new List<string>();
            var implicitUsings = false;
            var web = false;
            var conditions = new MSBuildCondition(OwnFramework(text) ?? framework);
            try
            {
                // The conditions of the elements that enclose the current one (ItemGroup, Choose/When), by depth.
                var enclosing = new List<(int Depth, string? Condition)>();
                (int Depth, string Include)? reference = null;
                foreach (var element in Elements(text))
                {
                    enclosing.RemoveAll(e => e.Depth >= element.Depth);
                    enclosing.Add((element.Depth, element.Attribute("Condition")));
                    if (element.Depth <= (reference?.Depth ?? -1))
                    {
                        reference = null;
                    }

                    if (element.Name is "PackageReference" or "Reference" or "ProjectReference"
                        && enclosing.Any(e => conditions.Evaluate(e.Condition) == false))
                    {
                        // Known not to apply to the framework folder mode compiles for ('$(TargetFramework)' == 'net461').
                        continue;
                    }

                    if (element.Name == "HintPath" && reference is { } owner && owner.Depth == element.Depth - 1 && element.Text.Trim() is { Length: > 0 } hintPath)
                    {
                        hintPaths.Add(new HintPathReference(owner.Include.Split(',')[0].Trim(), hintPath));
                        reference = null;
                        continue;
                    }

                    switch (element.Name)
                    {
                        case "Reference" when element.Attribute("Include") is { Length: > 0 } include:
                            if (element.Attribute("HintPath") is { Length: > 0 } attributeHint)
                            {
                                hintPaths.Add(new HintPathReference(include.Split(',')[0].Trim(), attributeHint));
                            }
                            else
                            {
                                reference = (element.Depth, include);
                            }

                            break;
                        case "ProjectReference" when element.Attribute("Include") is { Length: > 0 } include:
                            projectReferences.AddRange(include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                            break;
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
            return new ProjectFileFacts(
                all,
                distinctPackages,
                hintPaths.DistinctBy(h => h.AssemblyName, StringComparer.OrdinalIgnoreCase).ToList(),
                projectReferences.Distinct(StringComparer.OrdinalIgnoreCase).ToList());
        }

        /// <summary>The packages of a packages.config (id and version of each &lt;package&gt;).</summary>
        public static IReadOnlyList<PackageReference> ReadPackagesConfig(string path, string text, List<string> warnings)
        {
            var packages = new List<PackageReference>();
            try
            {
                foreach (var element in Elements(text))
                {
                    if (element.Name == "package" && element.Attribute("id") is { Length: > 0 } id)
                    {
                        packages.Add(new PackageReference(id, element.Attribute("version") is { Length: > 0 } version ? version : null));
                    }
                }
            }
            catch (XmlException ex)
            {
                warnings.Add($"{path}: not readable as XML ({ex.Message}); its packages are not referenced");
            }

            return packages;
        }

        /// <summary>
        /// The framework the project's conditions are judged for: its TargetFramework when it names one, literally; of a
        /// TargetFrameworks list, the one nearest to what folder mode compiles for (the newest .NET 5+, else .NET Core, else
        /// .NET Standard, else .NET Framework); else null (folder mode's own framework is used).
        /// </summary>
        internal static string? OwnFramework(string text)
        {
            string? single = null;
            string? list = null;
            try
            {
                foreach (var element in Elements(text))
                {
                    if (element.Attribute("Condition") is not null)
                    {
                        continue;
                    }

                    if (element.Name == "TargetFrameworks" && element.Text.Trim().Length > 0)
                    {
                        list = element.Text;
                    }
                    else if (element.Name == "TargetFramework" && element.Text.Trim().Length > 0)
                    {
                        single = element.Text;
                    }
                }
            }
            catch (XmlException)
            {
                return null;
            }

            var frameworks = (list ?? single ?? string.Empty)
                .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToList();
            if (frameworks.Count == 0 || frameworks.Any(f => f.Contains('$', StringComparison.Ordinal)))
            {
                return null;
            }

            return frameworks
                .Select(f => (Name: f, Rank: FrameworkRank(f, out var version), Version: version))
                .OrderBy(f => f.Rank)
                .ThenByDescending(f => f.Version)
                .First().Name;
        }

        private static int FrameworkRank(string framework, out Version version)
        {
            var name = framework.ToLowerInvariant().Split('-')[0];
            var (rank, digits) = name.StartsWith("netcoreapp", StringComparison.Ordinal) ? (1, name[10..])
                : name.StartsWith("netstandard", StringComparison.Ordinal) ? (2, name[11..])
                : name.StartsWith("net", StringComparison.Ordinal) && name.Contains('.', StringComparison.Ordinal) ? (0, name[3..])
                : name.StartsWith("net", StringComparison.Ordinal) ? (3, string.Join('.', name[3..].ToCharArray()))
                : (4, string.Empty);
            version = Version.TryParse(digits.Contains('.', StringComparison.Ordinal) ? digits : digits + ".0", out var v) ? v : new Version(0, 0);
            return rank;
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
                var depth = reader.Depth;
                if (name is "ImplicitUsings" or "HintPath" or "TargetFramework" or "TargetFrameworks" && !reader.IsEmptyElement)
                {
                    content = reader.ReadElementContentAsString();
                }
                else
                {
                    reader.Read();
                }

                yield return new XmlElementFacts(name, attributes, content, depth);
            }
        }

        private sealed record XmlElementFacts(string Name, Dictionary<string, string> Attributes, string Text, int Depth)
        {
            public string? Attribute(string name) => Attributes.TryGetValue(name, out var value) ? value : null;
        }
    }
}
