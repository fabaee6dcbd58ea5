using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ScrapeLint.CodeFixes;
using ScrapeLint.Rules;
using ScrapeLint.Tests.Verifiers;
using Verify = ScrapeLint.Tests.Verifiers.EvasionCodeFixVerifier<ScrapeLint.CodeFixes.UserAgentCodeFixProvider>;

namespace ScrapeLint.Tests.CodeFixes;

/// <summary>SL3001's fix: the value at the set site becomes the crawler's own identifying User-Agent.</summary>
public class SL3001UserAgentFixTests
{
    private const string Id = "SL3001";

    private const string Configured = "scrapelint.user_agent = ForumReader/2.1 (+https://forum-reader.example/about)";

    [Fact]
    public Task ParseAddWithInlineLiteral_GetsTheAssemblyProductToken() => Verify.VerifyAsync(Id, """
        using System.Net.Http;

        public class ShopScraper
        {
            private readonly HttpClient http = new HttpClient();

            public ShopScraper()
            {
                // Looks like a desktop browser.
                {|SL3001:http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36")|};
            }
        }
        """, """
        using System.Net.Http;

        public class ShopScraper
        {
            private readonly HttpClient http = new HttpClient();

            public ShopScraper()
            {
                // Looks like a desktop browser.
                http.DefaultRequestHeaders.UserAgent.ParseAdd("TestProject/1.0 (+https://example.com/bot)");
            }
        }
        """, equivalenceKey: UserAgentCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task ConfiguredUserAgent_IsWritten() => Verify.VerifyAsync(Id, """
        using System.Net.Http;

        public class ShopScraper
        {
            public void Configure(HttpClient http) => {|SL3001:http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0")|};
        }
        """, """
        using System.Net.Http;

        public class ShopScraper
        {
            public void Configure(HttpClient http) => http.DefaultRequestHeaders.UserAgent.ParseAdd("ForumReader/2.1 (+https://forum-reader.example/about)");
        }
        """, editorConfig: Configured);

    [Fact]
    public Task PrivateConstantOnlySent_IsChangedWhereItIsDefined() => Verify.VerifyAsync(Id, """
        using System.Net.Http;
        using System.Threading.Tasks;

        public class Fetcher
        {
            private const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36";

            public async Task<string> GetAsync(HttpClient client, string url)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                {|SL3001:request.Headers.TryAddWithoutValidation("User-Agent", Chrome)|};
                using var response = await client.SendAsync(request);
                return await response.Content.ReadAsStringAsync();
            }
        }
        """, """
        using System.Net.Http;
        using System.Threading.Tasks;

        public class Fetcher
        {
            private const string Chrome = "ForumReader/2.1 (+https://forum-reader.example/about)";

            public async Task<string> GetAsync(HttpClient client, string url)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation("User-Agent", Chrome);
                using var response = await client.SendAsync(request);
                return await response.Content.ReadAsStringAsync();
            }
        }
        """, editorConfig: Configured);

    [Fact]
    public Task RequestHeadersAdd_ThroughAConstantOfAnotherClass() => Verify.VerifyAsync(Id, """
        using System.Net.Http;

        static class Browsers { public const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"; }

        public class Fetcher
        {
            public HttpRequestMessage Build(string url)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                {|SL3001:request.Headers.Add("User-Agent", Browsers.Chrome)|};
                return request;
            }
        }
        """, """
        using System.Net.Http;

        static class Browsers { public const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"; }

        public class Fetcher
        {
            public HttpRequestMessage Build(string url)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Add("User-Agent", "TestProject/1.0 (+https://example.com/bot)");
                return request;
            }
        }
        """);

    [Fact]
    public Task WebClientHeadersIndexer_PrivateConstantIsChangedWhereItIsDefined() => Verify.VerifyAsync(Id, """
        using System.Net;

        public class LegacyDownloader
        {
            private const string Agent = "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; Trident/6.0)";

            public string Download(string url)
            {
        #pragma warning disable SYSLIB0014
                using var client = new WebClient();
        #pragma warning restore SYSLIB0014
                {|SL3001:client.Headers[HttpRequestHeader.UserAgent] = Agent|};
                return client.DownloadString(url);
            }
        }
        """, """
        using System.Net;

        public class LegacyDownloader
        {
            private const string Agent = "TestProject/1.0 (+https://example.com/bot)";

            public string Download(string url)
            {
        #pragma warning disable SYSLIB0014
                using var client = new WebClient();
        #pragma warning restore SYSLIB0014
                client.Headers[HttpRequestHeader.UserAgent] = Agent;
                return client.DownloadString(url);
            }
        }
        """);

    [Fact]
    public Task HttpWebRequestUserAgent_FromAReadonlyField_TheFieldIsChanged() => Verify.VerifyAsync(Id, """
        using System.Net;

        public class PageLoader
        {
            private readonly string agent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";

            public WebResponse Load(string url)
            {
        #pragma warning disable SYSLIB0014
                var request = (HttpWebRequest)WebRequest.Create(url);
        #pragma warning restore SYSLIB0014
                {|SL3001:request.UserAgent = agent|};
                return request.GetResponse();
            }
        }
        """, """
        using System.Net;

        public class PageLoader
        {
            private readonly string agent = "ForumReader/2.1 (+https://forum-reader.example/about)";

            public WebResponse Load(string url)
            {
        #pragma warning disable SYSLIB0014
                var request = (HttpWebRequest)WebRequest.Create(url);
        #pragma warning restore SYSLIB0014
                request.UserAgent = agent;
                return request.GetResponse();
            }
        }
        """, editorConfig: Configured);

    [Fact]
    public Task PuppeteerSetUserAgentAsync() => Verify.VerifyAsync(Id, """
        using System.Threading.Tasks;

        public class HeadlessScraper
        {
            public async Task OpenAsync(PuppeteerSharp.IPage page, string url)
            {
                await {|SL3001:page.SetUserAgentAsync("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36")|};
                await page.GoToAsync(url);
            }
        }
        """, """
        using System.Threading.Tasks;

        public class HeadlessScraper
        {
            public async Task OpenAsync(PuppeteerSharp.IPage page, string url)
            {
                await page.SetUserAgentAsync("TestProject/1.0 (+https://example.com/bot)");
                await page.GoToAsync(url);
            }
        }
        """);

    [Fact]
    public Task PlaywrightContextOptions() => Verify.VerifyAsync(Id, """
        using System.Threading.Tasks;
        using Microsoft.Playwright;

        public class PlaywrightSession
        {
            public Task<IBrowserContext> NewContextAsync(IBrowser browser)
                => browser.NewContextAsync(new()
                {
                    Locale = "en-GB",
                    {|SL3001:UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0"|}, // desktop Firefox
                });
        }
        """, """
        using System.Threading.Tasks;
        using Microsoft.Playwright;

        public class PlaywrightSession
        {
            public Task<IBrowserContext> NewContextAsync(IBrowser browser)
                => browser.NewContextAsync(new()
                {
                    Locale = "en-GB",
                    UserAgent = "ForumReader/2.1 (+https://forum-reader.example/about)", // desktop Firefox
                });
        }
        """, editorConfig: Configured);

    [Fact]
    public Task SeleniumUserAgentSwitch_KeepsTheSwitch_TheVersionConstantGoesWithTheString() => Verify.VerifyAsync(Id, """
        using OpenQA.Selenium.Chrome;

        public class SeleniumFactory
        {
            private const string Version = "124.0.6367.91";

            public ChromeOptions Options()
            {
                var options = new ChromeOptions();
                options.AddArgument("--headless=new");
                {|SL3001:options.AddArgument($"--user-agent=Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/{Version} Safari/537.36")|};
                return options;
            }
        }
        """, """
        using OpenQA.Selenium.Chrome;

        public class SeleniumFactory
        {
            public ChromeOptions Options()
            {
                var options = new ChromeOptions();
                options.AddArgument("--headless=new");
                options.AddArgument("--user-agent=TestProject/1.0 (+https://example.com/bot)");
                return options;
            }
        }
        """);

    [Fact]
    public Task SeleniumSwitchAmongOthers_TheSwitchConstantIsChanged_TheOthersStay() => Verify.VerifyAsync(Id, """
        using OpenQA.Selenium.Chrome;

        public class SeleniumFactory
        {
            private const string Agent = "user-agent=Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0";

            public ChromeOptions Options()
            {
                var options = new ChromeOptions();
                {|SL3001:options.AddArguments("--headless=new", Agent, "--window-size=1280,800")|};
                return options;
            }
        }
        """, """
        using OpenQA.Selenium.Chrome;

        public class SeleniumFactory
        {
            private const string Agent = "user-agent=ForumReader/2.1 (+https://forum-reader.example/about)";

            public ChromeOptions Options()
            {
                var options = new ChromeOptions();
                options.AddArguments("--headless=new", Agent, "--window-size=1280,800");
                return options;
            }
        }
        """, editorConfig: Configured);

    [Fact]
    public Task RotationArray_ThePickIsReplaced_TheListAndItsRandomGo() => Verify.VerifyAsync(Id, """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        public class RotatingClient
        {
            private static readonly string[] UserAgents =
            {
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36",
                "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
            };

            private readonly Random random = new Random();

            public async Task<string> FetchAsync(HttpClient client, string url)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                {|SL3001:request.Headers.TryAddWithoutValidation("User-Agent", UserAgents[random.Next(UserAgents.Length)])|};
                using var response = await client.SendAsync(request);
                return await response.Content.ReadAsStringAsync();
            }
        }
        """, """
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        public class RotatingClient
        {
            public async Task<string> FetchAsync(HttpClient client, string url)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation("User-Agent", "TestProject/1.0 (+https://example.com/bot)");
                using var response = await client.SendAsync(request);
                return await response.Content.ReadAsStringAsync();
            }
        }
        """);

    [Fact]
    public Task ProductInfoHeaderValue_BecomesParseAdd() => Verify.VerifyAsync(Id, """
        using System.Net.Http;
        using System.Net.Http.Headers;

        public class ProductHeader
        {
            public void Apply(HttpClient client) => {|SL3001:client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Mozilla", "5.0"))|};
        }
        """, """
        using System.Net.Http;
        using System.Net.Http.Headers;

        public class ProductHeader
        {
            public void Apply(HttpClient client) => client.DefaultRequestHeaders.UserAgent.ParseAdd("TestProject/1.0 (+https://example.com/bot)");
        }
        """);

    [Fact]
    public Task FixAll_AcrossTwoDocuments() => Verify.VerifyAsync(
        Id,
        new[]
        {
            """
            using System.Net.Http;

            public class ListingClient
            {
                private const string Desktop = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36";

                public void Configure(HttpClient listings, HttpClient details)
                {
                    {|SL3001:listings.DefaultRequestHeaders.UserAgent.ParseAdd(Desktop)|};
                    {|SL3001:details.DefaultRequestHeaders.Add("User-Agent", Desktop)|};
                }
            }
            """,
            """
            using System.Threading.Tasks;

            public class PageOpener
            {
                public Task OpenAsync(PuppeteerSharp.IPage page)
                    => {|SL3001:page.SetUserAgentAsync(ListingClient2.Mobile)|};
            }

            public static class ListingClient2
            {
                public const string Mobile = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
            }
            """,
        },
        new[]
        {
            """
            using System.Net.Http;

            public class ListingClient
            {
                private const string Desktop = "ForumReader/2.1 (+https://forum-reader.example/about)";

                public void Configure(HttpClient listings, HttpClient details)
                {
                    listings.DefaultRequestHeaders.UserAgent.ParseAdd(Desktop);
                    details.DefaultRequestHeaders.Add("User-Agent", Desktop);
                }
            }
            """,
            """
            using System.Threading.Tasks;

            public class PageOpener
            {
                public Task OpenAsync(PuppeteerSharp.IPage page)
                    => page.SetUserAgentAsync("ForumReader/2.1 (+https://forum-reader.example/about)");
            }

            public static class ListingClient2
            {
                public const string Mobile = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
            }
            """,
        },
        editorConfig: Configured);

    [Fact]
    public Task ConfiguredBrowserString_OffersNoFix() => Verify.VerifyAsync(Id, """
        using System.Net.Http;

        public class ShopScraper
        {
            public void Configure(HttpClient http) => {|SL3001:http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0")|};
        }
        """, """
        using System.Net.Http;

        public class ShopScraper
        {
            public void Configure(HttpClient http) => {|SL3001:http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0")|};
        }
        """, editorConfig: "scrapelint.user_agent = Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0");

    [Theory]
    [InlineData("""
        public class Single
        {
            public void Apply(HttpClient client) => client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0");
        }
        """, "Identify the crawler: use 'TestProject/1.0 (+https://example.com/bot)' as User-Agent")]
    [InlineData("""
        public class Rotating
        {
            private static readonly string[] Agents = { "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0", "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0" };
            public void Apply(HttpClient client, Random random) => client.DefaultRequestHeaders.UserAgent.ParseAdd(Agents[random.Next(Agents.Length)]);
        }
        """, "Identify the crawler instead of rotating browser User-Agents")]
    public async Task Title_NamesTheStringOrTheRotation(string source, string title)
    {
        var workspace = new AdhocWorkspace();
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.ThirdParty);
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "TestProject", "TestProject", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            metadataReferences: references));
        var document = project.AddDocument("Test.cs", "using System;\nusing System.Net.Http;\n\n" + source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostic = Assert.Single(await compilation.WithAnalyzers([new EvasionAnalyzer()]).GetAnalyzerDiagnosticsAsync(), d => d.Id == Id);

        var actions = new List<CodeAction>();
        await new UserAgentCodeFixProvider().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));

        var action = Assert.Single(actions);
        Assert.Equal(title, action.Title);
        Assert.Equal(UserAgentCodeFixProvider.EquivalenceKey, action.EquivalenceKey);
    }

    [Fact]
    public Task PrivateConstantAlsoReadElsewhere_IsReplacedWhereItIsSent_TheConstantStays() => Verify.VerifyAsync(Id, """
        using System;
        using System.Net.Http;

        public class Fetcher
        {
            private const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36";

            public HttpRequestMessage Build(string url)
            {
                Console.WriteLine("Sending as " + Chrome);
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                {|SL3001:request.Headers.TryAddWithoutValidation("User-Agent", Chrome)|};
                return request;
            }
        }
        """, """
        using System;
        using System.Net.Http;

        public class Fetcher
        {
            private const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36";

            public HttpRequestMessage Build(string url)
            {
                Console.WriteLine("Sending as " + Chrome);
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation("User-Agent", "ForumReader/2.1 (+https://forum-reader.example/about)");
                return request;
            }
        }
        """, editorConfig: Configured);

    [Fact]
    public Task LocalOnlySent_IsChangedWhereItIsDeclared() => Verify.VerifyAsync(Id, """
        using System.Net.Http;

        public class Fetcher
        {
            public HttpRequestMessage Build(string url)
            {
                var agent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36";
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                {|SL3001:request.Headers.TryAddWithoutValidation("User-Agent", agent)|};
                return request;
            }
        }
        """, """
        using System.Net.Http;

        public class Fetcher
        {
            public HttpRequestMessage Build(string url)
            {
                var agent = "ForumReader/2.1 (+https://forum-reader.example/about)";
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation("User-Agent", agent);
                return request;
            }
        }
        """, editorConfig: Configured);

    [Fact]
    public Task PrivateFieldReadOnlyInTheReplacedValue_IsRemoved_SoNoCS0414() => Verify.VerifyAsync(Id, """
        using System.Net.Http;

        public class Fetcher
        {
            // The browser the site expects.
            private readonly string chromeVersion = "124.0";

            public HttpRequestMessage Build(string url)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                {|SL3001:request.Headers.TryAddWithoutValidation("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/" + chromeVersion + " Safari/537.36")|};
                return request;
            }
        }
        """, """
        using System.Net.Http;

        public class Fetcher
        {
            public HttpRequestMessage Build(string url)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation("User-Agent", "ForumReader/2.1 (+https://forum-reader.example/about)");
                return request;
            }
        }
        """, editorConfig: Configured);
}
