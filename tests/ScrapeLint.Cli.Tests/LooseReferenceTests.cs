using System.Text.Json;
using ScrapeLint.Cli.Scanning;
using ScrapeLint.Cli.Tests.Infrastructure;

namespace ScrapeLint.Cli.Tests;

/// <summary>
/// Folder mode resolves what a project names besides PackageReferences: packages.config-era HintPaths and packages.config,
/// ProjectReferences; and it never lets a package take the place of the framework's own assemblies.
/// </summary>
public sealed class LooseReferenceTests : IDisposable
{
    /// <summary>The part of Selenium's API a navigation needs (assembly WebDriver, as Selenium.WebDriver ships it).</summary>
    private const string SeleniumStub = """
        namespace OpenQA.Selenium
        {
            public interface INavigation { void GoToUrl(string url); }
            public interface IWebDriver { INavigation Navigate(); }
        }
        """;

    /// <summary>A Selenium of another version without the navigation API: a scan that takes it misses the line.</summary>
    private const string WrongSeleniumStub = """
        namespace OpenQA.Selenium
        {
            public interface IWebDriver { }
        }
        """;

    private const string LegacyVisit = """
        using OpenQA.Selenium;
        public static class Program
        {
            public static void Visit(IWebDriver driver)
            {
                driver.Navigate().GoToUrl("https://www.instagram.com/explore/people/suggested/");
            }
        }
        """;

    private const string LegacyProject = """
        <Project ToolsVersion="15.0" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">
          <PropertyGroup><OutputType>Exe</OutputType><TargetFrameworkVersion>v4.6.1</TargetFrameworkVersion></PropertyGroup>
          <ItemGroup>
            <Reference Include="System" />
            <Reference Include="System.Net.Http, Version=4.1.1.3, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a">
              <HintPath>..\packages\System.Net.Http.4.3.4\lib\net46\System.Net.Http.dll</HintPath>
            </Reference>
            <Reference Include="WebDriver, Version=3.14.0.0, Culture=neutral, processorArchitecture=MSIL">
              <HintPath>..\packages\Selenium.WebDriver.3.14.0\lib\net45\WebDriver.dll</HintPath>
            </Reference>
          </ItemGroup>
          <ItemGroup><Compile Include="Program.cs" /></ItemGroup>
        </Project>
        """;

    private const string SdkNet8 = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
          <ItemGroup>
        {0}
          </ItemGroup>
        </Project>
        """;

    private const string PrivateApi = """
        using System.Net.Http;
        using System.Threading.Tasks;
        internal static class PrivateApi
        {
            public static Task<HttpResponseMessage> Info() => new HttpClient().GetAsync("https://i.instagram.com/api/v1/users/1/info/");
        }
        """;

    /// <summary>A polyfill package that carries its own copy of a framework type (as Microsoft.Bcl.AsyncInterfaces carries IAsyncEnumerable).</summary>
    private const string HttpClientCopy = """
        namespace System.Net.Http
        {
            public class HttpResponseMessage { }
            public class HttpClient { public System.Threading.Tasks.Task<HttpResponseMessage> GetAsync(string url) => null!; }
        }
        """;

    private readonly FixtureFolder folder = new();
    private readonly FixtureFolder cache = new();

    public void Dispose()
    {
        folder.Dispose();
        cache.Dispose();
    }

    [Fact]
    public async Task A_HintPath_into_a_packages_folder_that_is_not_there_takes_the_nearest_cached_version()
    {
        // 3.14.0 is not cached: 3.141.0 is the nearest (4.1.0, the newest, lacks the API); only a net45 lib folder.
        LocalPackages.AddToCache(cache.Root, "Selenium.WebDriver", "3.141.0", SeleniumStub, assembly: "WebDriver", framework: "net45");
        LocalPackages.AddToCache(cache.Root, "Selenium.WebDriver", "4.1.0", WrongSeleniumStub, assembly: "WebDriver", framework: "net45");
        folder.Write("Legacy/Legacy.csproj", LegacyProject);
        folder.Write("Legacy/Program.cs", LegacyVisit);

        var run = await RunWithCache("scan", folder.Root, "--format", "json", "--fail-on", "info");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(new[] { ("SL4001", "Legacy/Program.cs", 6) }, Findings(run));
    }

    [Fact]
    public async Task A_HintPath_whose_assembly_was_renamed_in_the_cached_version_takes_the_package()
    {
        // Selenium.WebDriver 4 ships Selenium.WebDriver.dll where 3.x shipped WebDriver.dll.
        LocalPackages.AddToCache(cache.Root, "Selenium.WebDriver", "4.52.0", SeleniumStub, assembly: "Selenium.WebDriver", framework: "net8.0");
        folder.Write("Legacy/Legacy.csproj", LegacyProject);
        folder.Write("Legacy/Program.cs", LegacyVisit);

        var run = await RunWithCache("scan", folder.Root, "--format", "json", "--fail-on", "info");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(new[] { ("SL4001", "Legacy/Program.cs", 6) }, Findings(run));
    }

    [Fact]
    public async Task A_HintPath_to_an_assembly_in_the_folder_and_a_packages_config_resolve_without_a_warning()
    {
        // The repository ships its packages folder: the HintPath is taken as it is (the cache is empty).
        LocalPackages.WriteAssembly(Path.Combine(folder.Root, "packages", "Selenium.WebDriver.3.14.0", "lib", "net45", "WebDriver.dll"), "WebDriver", SeleniumStub);
        folder.Write("Legacy/Legacy.csproj", LegacyProject);
        folder.Write("Legacy/Program.cs", LegacyVisit);

        // A project that names its package only in packages.config: taken from the cache.
        LocalPackages.AddToCache(cache.Root, "Selenium.WebDriver", "3.14.0", SeleniumStub, assembly: "WebDriver", framework: "net45");
        folder.Write("Config/Config.csproj", LegacyProject.Replace("<Reference Include=\"WebDriver", "<Reference Include=\"Other", StringComparison.Ordinal).Replace("Selenium.WebDriver.3.14.0", "Other.1.0.0", StringComparison.Ordinal).Replace("WebDriver.dll", "Other.dll", StringComparison.Ordinal));
        folder.Write("Config/packages.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <packages>
              <package id="Selenium.WebDriver" version="3.14.0" targetFramework="net461" />
              <package id="System.Net.Http" version="4.3.4" targetFramework="net461" />
            </packages>
            """);
        folder.Write("Config/Visit.cs", LegacyVisit.Replace("class Program", "class Visitor", StringComparison.Ordinal));
        LocalPackages.AddToCache(cache.Root, "Other", "1.0.0", "namespace Other { public class Thing { } }");

        var run = await RunWithCache("scan", folder.Root, "--format", "json", "--fail-on", "info");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(new[] { ("SL4001", "Config/Visit.cs", 6), ("SL4001", "Legacy/Program.cs", 6) }, Findings(run));
    }

    [Fact]
    public async Task A_HintPath_that_cannot_be_resolved_is_warned_about_like_a_missing_package()
    {
        folder.Write("Legacy/Legacy.csproj", LegacyProject.Replace("</ItemGroup>\n  <ItemGroup><Compile", "  <Reference Include=\"Acme.Vendor\"><HintPath>..\\lib\\Acme.Vendor.dll</HintPath></Reference>\n  </ItemGroup>\n  <ItemGroup><Compile", StringComparison.Ordinal));
        folder.Write("Legacy/Program.cs", LegacyVisit);
        folder.Write("Sdk/Sdk.csproj", string.Format(SdkNet8, "<PackageReference Include=\"Acme.Missing\" Version=\"1.0.0\" />"));
        folder.Write("Sdk/ProfileLoop.cs", Sources.ProfileLoop);

        var run = await RunWithCache("scan", folder.Root, "--format", "json", "--fail-on", "info");

        // As for a missing PackageReference: a warning naming what is unresolved, and the scan is complete.
        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.True(json.RootElement.GetProperty("summary").GetProperty("complete").GetBoolean());
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.Contains("Legacy.csproj: Selenium.WebDriver (WebDriver.dll) not in the local NuGet cache; their types are unresolved", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains(@"Legacy.csproj: Acme.Vendor (HintPath ..\lib\Acme.Vendor.dll) not found; their types are unresolved", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("Sdk.csproj: Acme.Missing not in the local NuGet cache; their types are unresolved", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("System.Net.Http", StringComparison.Ordinal));
        Assert.Contains("Selenium.WebDriver (WebDriver.dll) not in the local NuGet cache", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_package_the_framework_supplies_never_replaces_the_framework_assembly()
    {
        // A polyfill whose assembly carries its own HttpClient, cached; System.Net.Http and System.Net.Http.Json are not cached.
        LocalPackages.AddToCache(cache.Root, "Microsoft.Bcl.AsyncInterfaces", "8.0.0", HttpClientCopy);
        folder.Write("Conditional/Conditional.csproj", string.Format(SdkNet8, """
                <PackageReference Include="System.Net.Http" Version="4.3.4" Condition="'$(TargetFramework)' == 'net461'" />
                <PackageReference Include="Microsoft.Bcl.AsyncInterfaces" Version="8.0.0" Condition="'$(TargetFramework)' == 'net461'" />
            """));
        folder.Write("Conditional/PrivateApi.cs", PrivateApi);
        folder.Write("Plain/Plain.csproj", string.Format(SdkNet8, """
                <PackageReference Include="System.Net.Http" Version="4.3.4" />
                <PackageReference Include="System.Net.Http.Json" Version="8.0.0" />
                <PackageReference Include="Microsoft.Bcl.AsyncInterfaces" Version="8.0.0" />
            """));
        folder.Write("Plain/PrivateApi.cs", PrivateApi);

        var run = await RunWithCache("scan", folder.Root, "--format", "json", "--fail-on", "info");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(new[] { ("SL4001", "Conditional/PrivateApi.cs", 5), ("SL4001", "Plain/PrivateApi.cs", 5) }, Findings(run));
    }

    [Fact]
    public void Conditions_on_items_and_item_groups_are_judged_for_the_framework_folder_mode_compiles_for()
    {
        var warnings = new List<string>();
        var facts = ProjectFileFacts.Read("/repo/App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFrameworks>net461;net8.0</TargetFrameworks></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Old.Only" Condition="'$(TargetFramework)' == 'net461'" />
                <PackageReference Include="Not.Old" Condition=" '$(TargetFramework)' != 'net461' " />
                <PackageReference Include="Unknown" Condition="'$(Configuration)' == 'Debug'" />
                <PackageReference Include="Framework.Family" Condition="$(TargetFramework.StartsWith('net4'))" />
                <PackageReference Include="Not.Framework.Family" Condition="!$(TargetFramework.StartsWith('net4'))" />
              </ItemGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'net461' Or '$(TargetFramework)' == 'net472'">
                <PackageReference Include="In.Old.Group" />
                <Reference Include="Old.Assembly"><HintPath>..\lib\Old.Assembly.dll</HintPath></Reference>
              </ItemGroup>
              <ItemGroup Condition="'$(TargetFramework)' == 'net8.0' and '$(Configuration)' == 'Release'">
                <PackageReference Include="Maybe" />
              </ItemGroup>
              <ItemGroup>
                <Reference Include="Kept.Assembly, Version=1.0.0.0"><HintPath>..\lib\Kept.Assembly.dll</HintPath></Reference>
                <ProjectReference Include="..\Lib\Lib.csproj" />
              </ItemGroup>
            </Project>
            """, warnings, "net10.0");

        Assert.Empty(warnings);
        Assert.Equal(new[] { "Not.Old", "Unknown", "Not.Framework.Family", "Maybe" }, facts.PackageReferences.Select(p => p.Id));
        Assert.Equal(new[] { new HintPathReference("Kept.Assembly", @"..\lib\Kept.Assembly.dll") }, facts.HintPathReferences);
        Assert.Equal(new[] { @"..\Lib\Lib.csproj" }, facts.ProjectReferences);
    }

    [Theory]
    [InlineData("<TargetFramework>net461</TargetFramework>", "net461")]
    [InlineData("<TargetFrameworks>net461;netstandard2.0</TargetFrameworks>", "netstandard2.0")]
    [InlineData("<TargetFrameworks> net48 ; netcoreapp3.1 ; netstandard2.1 </TargetFrameworks>", "netcoreapp3.1")]
    [InlineData("<TargetFrameworks>net6.0;net8.0-windows;net472</TargetFrameworks>", "net8.0-windows")]
    [InlineData("<TargetFrameworks>net45;net472</TargetFrameworks>", "net472")]
    [InlineData("<TargetFrameworks>$(LibraryFrameworks)</TargetFrameworks>", null)]
    [InlineData("<TargetFrameworkVersion>v4.6.1</TargetFrameworkVersion>", null)]
    public void The_framework_conditions_are_judged_for_is_the_project_target_nearest_to_current_dotnet(string property, string? expected)
        => Assert.Equal(expected, ProjectFileFacts.OwnFramework($"<Project><PropertyGroup>{property}</PropertyGroup></Project>"));

    [Theory]
    [InlineData("'$(TargetFramework)' == 'net461'", false)]
    [InlineData("'$(TargetFramework)'=='NET10.0'", true)]
    [InlineData("'$(TargetFramework)' != 'net461'", true)]
    [InlineData("'net461' == '$(TargetFramework)'", false)]
    [InlineData("$(TargetFramework.StartsWith('netstandard'))", false)]
    [InlineData("'$(TargetFramework.StartsWith(`net1`))' == 'true'", true)]
    [InlineData("'$(TargetFrameworkIdentifier)' == '.NETFramework'", false)]
    [InlineData("('$(TargetFramework)' == 'net461' or '$(TargetFramework)' == 'net10.0') and !false", true)]
    [InlineData("'$(TargetFramework)' == 'net461' and '$(Configuration)' == 'Debug'", false)]
    [InlineData("'$(TargetFramework)' == 'net10.0' and '$(Configuration)' == 'Debug'", null)]
    [InlineData("'$(TargetFramework)' == 'net10.0' or '$(Configuration)' == 'Debug'", true)]
    [InlineData("$([MSBuild]::IsTargetFrameworkCompatible('$(TargetFramework)', 'net6.0'))", null)]
    [InlineData("Exists('packages.config')", null)]
    [InlineData("'$(TargetFramework)' == 'net461", null)]
    public void Simple_conditions_are_evaluated_and_the_rest_are_unknown(string condition, bool? expected)
        => Assert.Equal(expected, new MSBuildCondition("net10.0").Evaluate(condition));

    [Fact]
    public void HintPaths_into_a_packages_folder_name_the_package()
    {
        Assert.Equal(new PackageReference("Selenium.WebDriver", "3.14.0", "WebDriver", "net45"), PackageCache.FromPackagesFolder(@"..\packages\Selenium.WebDriver.3.14.0\lib\net45\WebDriver.dll"));
        Assert.Equal(new PackageReference("Newtonsoft.Json", "12.0.3-beta1", "Newtonsoft.Json", "net45"), PackageCache.FromPackagesFolder(@"$(SolutionDir)packages\Newtonsoft.Json.12.0.3-beta1\lib\net45\Newtonsoft.Json.dll"));
        Assert.Equal(new PackageReference("Old.Package", "1.2.3.4", "Old", null), PackageCache.FromPackagesFolder("../../packages/Old.Package.1.2.3.4/lib/Old.dll"));
        Assert.Null(PackageCache.FromPackagesFolder(@"..\lib\Vendor.dll"));
    }

    [Fact]
    public async Task A_ProjectReference_makes_the_referenced_sources_and_packages_visible_and_findings_are_reported_once()
    {
        // Lib's own package carries a plugin the tests use: it flows through the reference, as in a build.
        LocalPackages.AddToCache(cache.Root, "PuppeteerExtraSharp.Recaptcha", "1.0.0", "namespace PuppeteerExtraSharp.Plugins.Recaptcha { public class RecaptchaPlugin { } }");
        folder.Write("Lib/Lib.csproj", string.Format(SdkNet8, """<PackageReference Include="PuppeteerExtraSharp.Recaptcha" Version="1.0.0" />"""));
        folder.Write("Lib/StealthPlugin.cs", "namespace PuppeteerExtraSharp.Plugins.ExtraStealth { public class StealthPlugin { } }");
        folder.Write("Lib/ProfileLoop.cs", Sources.ProfileLoop);
        folder.Write("Tests/Tests.csproj", string.Format(SdkNet8, """<ProjectReference Include="..\Lib\Lib.csproj" />"""));
        folder.Write("Tests/UseStealth.cs", """
            using PuppeteerExtraSharp.Plugins.ExtraStealth;
            using PuppeteerExtraSharp.Plugins.Recaptcha;
            public class UseStealth
            {
                public object Make() => new StealthPlugin();
                public object Solve() => new RecaptchaPlugin();
            }
            """);

        var run = await RunWithCache("scan", folder.Root, "--format", "json", "--fail-on", "info");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(string.Empty, run.Stderr);
        var findings = Findings(run);
        Assert.Contains(("SL3003", "Tests/UseStealth.cs", 5), findings);
        Assert.Contains(("SL3003", "Tests/UseStealth.cs", 6), findings);
        // Lib's loop is Lib's: once, although Tests compiles against it.
        Assert.Equal(findings.Distinct().Count(), findings.Count);
        Assert.Contains(("SL1001", "Lib/ProfileLoop.cs", 12), findings);
        Assert.DoesNotContain(findings, f => f.Path.StartsWith("Tests/", StringComparison.Ordinal) && f.Rule != "SL3003");
    }

    [Fact]
    public async Task Project_reference_cycles_and_missing_projects_are_warnings()
    {
        folder.Write("Scan/A/A.csproj", string.Format(SdkNet8, """
                <ProjectReference Include="..\B\B.csproj" />
                <ProjectReference Include="..\Gone\Gone.csproj" />
                <ProjectReference Include="..\..\Outside\Outside.csproj" />
            """));
        folder.Write("Scan/A/UseStealth.cs", "public class UseStealth { public object Make() => new PuppeteerExtraSharp.Plugins.ExtraStealth.StealthPlugin(); }");
        folder.Write("Scan/B/B.csproj", string.Format(SdkNet8, """<ProjectReference Include="../A/A.csproj" />"""));
        folder.Write("Scan/B/StealthPlugin.cs", "namespace PuppeteerExtraSharp.Plugins.ExtraStealth { public class StealthPlugin { } }");
        folder.Write("Outside/Outside.csproj", Sources.SdkProject);
        folder.Write("Outside/ProfileLoop.cs", Sources.ProfileLoop);

        var run = await RunWithCache("scan", Path.Combine(folder.Root, "Scan"), "--format", "json", "--fail-on", "info");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.True(json.RootElement.GetProperty("summary").GetProperty("complete").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("projects").GetInt32());
        var warnings = json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.Contains(warnings, w => w.Contains(@"A.csproj: referenced project ..\Gone\Gone.csproj does not exist; its types are unresolved", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains(@"A.csproj: referenced project ..\..\Outside\Outside.csproj is not in the scanned folder; its types are unresolved", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("closes a cycle of project references and is left out", StringComparison.Ordinal));
        Assert.Equal(new[] { ("SL3003", "A/UseStealth.cs", 1) }, Findings(run));
    }

    private static List<(string Rule, string Path, int Line)> Findings(CliRun run)
    {
        using var json = JsonDocument.Parse(run.Stdout);
        return json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("path").GetString()!, f.GetProperty("line").GetInt32()))
            .OrderBy(f => f.Item2, StringComparer.Ordinal).ThenBy(f => f.Item3).ThenBy(f => f.Item1, StringComparer.Ordinal)
            .ToList();
    }

    private async Task<CliRun> RunWithCache(params string[] args)
    {
        PackageCache.RootOverride.Value = cache.Root;
        try
        {
            return await CliRun.RunAsync(args);
        }
        finally
        {
            PackageCache.RootOverride.Value = null;
        }
    }
}
