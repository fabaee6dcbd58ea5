using Profiles = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.ProfilePagesInLoopRule>;
using Robots = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.RobotsTxtRule>;
using ScrapeLint.Tests.Verifiers;

namespace ScrapeLint.Tests.Rules;

/// <summary>Findings follow a constant's value, not how it is spelled or where in the type it is written.</summary>
public class ConstantSpellingTests
{
    private const string Visitor = """
        using System.Collections.Generic;
        using OpenQA.Selenium;

        public partial class Visitor
        {
            private readonly IWebDriver driver;

            public Visitor(IWebDriver driver) => this.driver = driver;

            public void VisitAll(List<string> profileUrls)
            {
                driver.Navigate().GoToUrl(Home);
                foreach (var profileUrl in profileUrls)
                {
                    {|#0:driver.Navigate().GoToUrl(profileUrl)|};
                }
            }
        }
        """;

    [Fact]
    public Task PlatformHostInAnotherPartialDeclaration_NamesThePlatform() => Profiles.VerifyAsync(
        new[] { Visitor, "public partial class Visitor { private const string Home = \"https://www.instagram.com/\"; }" },
        editorConfig: null,
        Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary,
        Profiles.Diagnostic("SL1001").WithLocation(0));

    [Fact]
    public Task PlatformHostInARawString_NamesThePlatform() => Profiles.VerifyAsync(
        new[] { Visitor, "public partial class Visitor { private const string Home = \"\"\"https://www.instagram.com/\"\"\"; }" },
        editorConfig: null,
        Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary,
        Profiles.Diagnostic("SL1001").WithLocation(0));

    [Fact]
    public Task OwnHostInAnotherPartialDeclaration_IsSilent() => Profiles.VerifyAsync(
        new[] { Visitor.Replace("{|#0:", "").Replace(")|};", ");"), "public partial class Visitor { private const string Home = \"https://intranet.example.org/\"; }" },
        editorConfig: null,
        Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);

    [Fact]
    public Task RobotsPathSpelledInParts_IsARobotsCheck() => Robots.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        public class Spider
        {
            private readonly HttpClient http = new HttpClient();

            public async Task Crawl(Queue<string> frontier, string origin)
            {
                var rules = await http.GetStringAsync(origin + "/robo" + "ts.txt");
                while (frontier.Count > 0)
                {
                    var html = await http.GetStringAsync(frontier.Dequeue());
                    if (rules.Length > 0 && html.Contains("href=")) frontier.Enqueue(html);
                    await Task.Delay(1000);
                }
            }
        }
        """);

    [Fact]
    public Task RobotsLookalikeInParts_IsNoRobotsCheck() => Robots.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        public class Spider
        {
            private readonly HttpClient http = new HttpClient();

            public async Task Crawl(Queue<string> frontier, string origin)
            {
                var rules = await http.GetStringAsync(origin + "/robo" + "ts.json");
                while (frontier.Count > 0)
                {
                    var html = await {|#0:http.GetStringAsync(frontier.Dequeue())|};
                    if (rules.Length > 0 && html.Contains("href=")) frontier.Enqueue(html);
                    await Task.Delay(1000);
                }
            }
        }
        """, Robots.Diagnostic("SL2001").WithLocation(0));

    [Fact]
    public Task SinkNameSpelledWithAnEscape_IsTheSink() => Robots.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        public class Spider
        {
            private readonly HttpClient http = new HttpClient();

            public async Task Crawl(Queue<string> frontier)
            {
                while (frontier.Count > 0)
                {
                    var html = await {|#0:http.GetStr\u0069ngAsync(frontier.Dequeue())|};
                    if (html.Contains("href=")) frontier.Enqueue(html);
                    await Task.Delay(1000);
                }
            }
        }
        """, Robots.Diagnostic("SL2001").WithLocation(0));

    private const string ConfiguredVisitor = """
        using System.Collections.Generic;
        using OpenQA.Selenium;

        public class Visitor
        {
            private readonly IWebDriver driver;
            private readonly string home;

            public Visitor(IWebDriver driver, string home)
            {
                this.driver = driver;
                this.home = home;
            }

            public void VisitAll(List<string> profileUrls)
            {
                driver.Navigate().GoToUrl(home);
                foreach (var profileUrl in profileUrls)
                {
                    {|#0:driver.Navigate().GoToUrl(profileUrl)|};
                }
            }
        }
        """;

    [Fact]
    public Task PlatformNamedInAppSettings_NamesThePlatform()
    {
        var test = Profiles.CreateTest(new[] { ConfiguredVisitor }, editorConfig: null, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{ \"Visitor\": { \"Home\": \"https://www.linkedin.com/feed/\" } }"));
        test.ExpectedDiagnostics.Add(Profiles.Diagnostic("SL1001").WithLocation(0));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task OwnHostInAppSettings_IsSilent()
    {
        var test = Profiles.CreateTest(new[] { TestMarkup.Strip(ConfiguredVisitor) }, editorConfig: null, Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary);
        test.TestState.AdditionalFiles.Add(("/0/appsettings.json", "{ \"Visitor\": { \"Home\": \"https://intranet.example.org/people/\" } }"));
        test.TestState.AdditionalFiles.Add(("/0/notes.json", "{ \"seeAlso\": \"https://www.linkedin.com/company/example\" }"));
        return test.RunAsync(CancellationToken.None);
    }
}
