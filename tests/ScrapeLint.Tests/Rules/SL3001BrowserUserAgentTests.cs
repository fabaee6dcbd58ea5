using Microsoft.CodeAnalysis.Testing;
using ScrapeLint.Rules;
using Verify = ScrapeLint.Tests.Verifiers.RuleVerifier<ScrapeLint.Rules.EvasionAnalyzer>;

namespace ScrapeLint.Tests.Rules;

public class SL3001BrowserUserAgentTests
{
    private const string Id = "SL3001";

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading.Tasks;

        """;

    public static TheoryData<string> Positives => new()
    {
        // Default headers, literal.
        """
        public class ShopScraper
        {
            private readonly HttpClient http = new HttpClient();
            public ShopScraper()
            {
                {|#0:http.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36")|};
            }
        }
        """,
        // Through a constant of another class.
        """
        static class Browsers { public const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"; }
        public class Fetcher
        {
            public Task<string> GetAsync(HttpClient client, string url)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                {|#0:request.Headers.Add("User-Agent", Browsers.Chrome)|};
                return client.SendAsync(request).ContinueWith(t => t.Result.ReasonPhrase ?? "");
            }
        }
        """,
        // A rotation list picked at random: one finding.
        """
        public class RotatingClient
        {
            private static readonly string[] UserAgents =
            {
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36",
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15",
                "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
            };
            private readonly Random random = new Random();
            public async Task<string> FetchAsync(HttpClient client, string url)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                {|#0:request.Headers.TryAddWithoutValidation("User-Agent", UserAgents[random.Next(UserAgents.Length)])|};
                using var response = await client.SendAsync(request);
                return await response.Content.ReadAsStringAsync();
            }
        }
        """,
        // WebClient headers indexer with the enum name.
        """
        public class LegacyDownloader
        {
            private const string Agent = "Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; Trident/6.0)";
            public string Download(string url)
            {
                using var client = new WebClient();
                {|#0:client.Headers[HttpRequestHeader.UserAgent] = Agent|};
                return client.DownloadString(url);
            }
        }
        """,
        // HttpWebRequest.UserAgent through a readonly field.
        """
        public class PageLoader
        {
            private readonly string agent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";
            public WebResponse Load(string url)
            {
        #pragma warning disable SYSLIB0014
                var request = (HttpWebRequest)WebRequest.Create(url);
        #pragma warning restore SYSLIB0014
                {|#0:request.UserAgent = agent|};
                return request.GetResponse();
            }
        }
        """,
        // A helper method returns the string.
        """
        public class ClientFactory
        {
            private static string DesktopChrome() => "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0.0.0 Safari/537.36";
            public HttpClient Create()
            {
                var client = new HttpClient();
                {|#0:client.DefaultRequestHeaders.Add("User-Agent", DesktopChrome())|};
                return client;
            }
        }
        """,
        // Assigned in the constructor, set in another method.
        """
        public class ProfileFetcher
        {
            private readonly string userAgent;
            private readonly HttpClient client = new HttpClient();
            public ProfileFetcher() { userAgent = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) Safari/605.1.15"; }
            public void Configure() { {|#0:client.DefaultRequestHeaders.UserAgent.TryParseAdd(userAgent)|}; }
        }
        """,
        // Puppeteer page.
        """
        public class HeadlessScraper
        {
            public async Task OpenAsync(PuppeteerSharp.IPage page, string url)
            {
                await {|#0:page.SetUserAgentAsync("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36")|};
                await page.GoToAsync(url);
            }
        }
        """,
        // Playwright context options.
        """
        public class PlaywrightSession
        {
            public Task<Microsoft.Playwright.IBrowserContext> NewContextAsync(Microsoft.Playwright.IBrowser browser)
                => browser.NewContextAsync(new Microsoft.Playwright.BrowserNewContextOptions
                {
                    {|#0:UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:126.0) Gecko/20100101 Firefox/126.0"|},
                });
        }
        """,
        // Selenium --user-agent switch with interpolation.
        """
        public class SeleniumFactory
        {
            private const string Version = "124.0.6367.91";
            public OpenQA.Selenium.Chrome.ChromeOptions Options()
            {
                var options = new OpenQA.Selenium.Chrome.ChromeOptions();
                {|#0:options.AddArgument($"--user-agent=Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/{Version} Safari/537.36")|};
                return options;
            }
        }
        """,
        // Rotation in turn through a list and a helper.
        """
        public class AgentPool
        {
            private readonly List<string> agents = new List<string>
            {
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36",
                "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
            };
            private int next;
            private string Next() => agents[next++ % agents.Count];
            public void Apply(HttpRequestMessage request) => {|#0:request.Headers.UserAgent.ParseAdd(Next())|};
        }
        """,
        // ProductInfoHeaderValue named Mozilla.
        """
        public class ProductHeader
        {
            public void Apply(HttpClient client) => {|#0:client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Mozilla", "5.0"))|};
        }
        """,
        // A parameter that the method itself gives a browser default.
        """
        public class CrawlerClient
        {
            public string Get(string url, string userAgent = null)
            {
                if (userAgent == null)
                {
                    userAgent = "Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko";
                }

                var request = WebRequest.CreateHttp(url);
                {|#0:request.UserAgent = userAgent|};
                return request.GetResponse().ContentType;
            }
        }
        """,
    };

    public static TheoryData<string> Silent => new()
    {
        // An identifying bot string with a contact URL.
        """
        public class PoliteBot
        {
            public void Configure(HttpClient client) => client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; AcmeBot/1.0; +https://acme.example/bot)");
        }
        """,
        // The product's own token.
        """
        public class ApiClient
        {
            public void Configure(HttpClient client) => client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ContosoSync", "2.3.1"));
        }
        """,
        // Own product string through a constant.
        """
        public class Telemetry
        {
            private const string Agent = "Contoso.Telemetry/4.0 (+https://contoso.example/telemetry)";
            public void Configure(HttpRequestMessage request) => request.Headers.Add("User-Agent", Agent);
        }
        """,
        // A browser string as a value of another header.
        """
        public class Referrer
        {
            public void Configure(HttpRequestMessage request) => request.Headers.Add("X-Original-Agent", "Mozilla/5.0 (Windows NT 10.0) Chrome/124.0");
        }
        """,
        // Logging a browser string is not setting it.
        """
        public class AgentLogger
        {
            private const string Sample = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0";
            public string Describe() => "Sample browser: " + Sample;
        }
        """,
        // The value comes from configuration: unknown, silent.
        """
        public class ConfiguredClient
        {
            private readonly string agent;
            public ConfiguredClient(Func<string, string> settings) { agent = settings("UserAgent"); }
            public void Configure(HttpClient client) => client.DefaultRequestHeaders.UserAgent.ParseAdd(agent);
        }
        """,
        // Crawler string of a spider with a contact page.
        """
        public class ArchiveSpider
        {
            private static readonly string[] Agents = { "ArchiveSpider/2.0 (+https://archive.example/spider)" };
            public void Configure(HttpClient client) => client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", Agents[0]);
        }
        """,
        // Selenium switches that are not a user agent.
        """
        public class HeadlessOptions
        {
            public OpenQA.Selenium.Chrome.ChromeOptions Create()
            {
                var options = new OpenQA.Selenium.Chrome.ChromeOptions();
                options.AddArgument("--headless=new");
                options.AddArgument("--window-size=1280,800");
                return options;
            }
        }
        """,
        // Playwright's own default UA (no option).
        """
        public class PlaywrightDefaults
        {
            public Task<Microsoft.Playwright.IBrowserContext> NewContextAsync(Microsoft.Playwright.IBrowser browser)
                => browser.NewContextAsync(new Microsoft.Playwright.BrowserNewContextOptions { Locale = "en-GB", ViewportSize = new Microsoft.Playwright.ViewportSize { Width = 1280, Height = 800 } });
        }
        """,
        // A project class with its own UserAgent property.
        """
        public class VisitRecord
        {
            public string UserAgent { get; set; } = "";
            public static VisitRecord FromHeader(string header) => new VisitRecord { UserAgent = "Mozilla/5.0 (Windows NT 10.0) Chrome/124.0" };
        }
        """,
        // Reading the incoming User-Agent.
        """
        public class AgentReader
        {
            public string Read(HttpRequestMessage request) => string.Join(" ", request.Headers.UserAgent);
        }
        """,
        // A parameter that the method itself gives an identifying default.
        """
        public class CrawlerClient
        {
            public string Get(string url, string userAgent = null)
            {
                userAgent ??= "AcmeBot/2.1 (+https://acme.example/bot)";
                var request = WebRequest.CreateHttp(url);
                request.UserAgent = userAgent;
                return request.GetResponse().ContentType;
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public Task BrowserUserAgentIsReported(string source)
        => Verify.VerifyAsync(Id, Usings + source, Verify.Diagnostic(Id).WithLocation(0));

    [Theory]
    [MemberData(nameof(Silent))]
    public Task OwnOrIdentifyingUserAgentIsSilent(string source)
        => Verify.VerifyAsync(Id, Usings + source);

    [Fact]
    public Task RotationListHasTheStrongerMessage()
        => Verify.VerifyAsync(Id, Usings + """
            public class RotatingClient
            {
                private static readonly string[] UserAgents =
                {
                    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36",
                    "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
                };
                public void Apply(HttpRequestMessage request, Random random)
                    => {|#0:request.Headers.TryAddWithoutValidation("User-Agent", UserAgents[random.Next(UserAgents.Length)])|};
            }
            """,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments(
                "A User-Agent picked at random from 2 browser strings in 'UserAgents' (rotated to pass as many different visitors)", "HttpRequestMessage.Headers"));

    [Fact]
    public Task MessageNamesTheConstant()
        => Verify.VerifyAsync(Id, Usings + """
            public class Fetcher
            {
                private const string Chrome = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0";
                public void Apply(HttpClient client) => {|#0:client.DefaultRequestHeaders.UserAgent.ParseAdd(Chrome)|};
            }
            """,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("Browser User-Agent 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0' from constant 'Chrome'", "HttpClient.DefaultRequestHeaders"));

    /// <summary>Headers set in collection initializers and header dictionaries (issue 16; real-patterns g01, g15).</summary>
    public static TheoryData<string> HeaderInitializersAndDictionaries => new()
    {
        // g01: the client's default headers in a field initializer.
        """
        public class TimelineClient
        {
            private readonly HttpClient http = new HttpClient
            {
                DefaultRequestHeaders =
                {
                    { "Accept-Language", "en-US" },
                    {|#0:{ "User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Firefox/115.0" }|},
                },
            };
            public Task<string> PageAsync(string url) => http.GetStringAsync(url);
        }
        """,
        // g01: a request's headers in its initializer, through a constant.
        """
        public class PageReader
        {
            private const string Desktop = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36";
            public Task<HttpResponseMessage> PageAsync(HttpClient http, string url)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { {|#0:{ "User-Agent", Desktop }|} } };
                return http.SendAsync(request);
            }
        }
        """,
        // WebClient's header collection, indexer initializer with the enum name.
        """
        public class LegacyPages
        {
            public string Page(string url)
            {
                using var client = new WebClient { Headers = { {|#0:[HttpRequestHeader.UserAgent] = "Mozilla/5.0 (Windows NT 6.1; rv:109.0) Gecko/20100101 Firefox/115.0"|} } };
                return client.DownloadString(url);
            }
        }
        """,
        // g15: a dictionary property filled in another class, copied onto each request.
        """
        public class TransferOptions { public Dictionary<string, string> Headers { get; } = new(); }
        public class Transfer
        {
            private readonly HttpClient http = new HttpClient();
            public Task<HttpResponseMessage> GetAsync(Uri url, TransferOptions options)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                foreach (var (name, value) in options.Headers)
                    {|#0:request.Headers.TryAddWithoutValidation(name, value)|};
                return http.SendAsync(request);
            }
        }
        public class ClipService
        {
            private readonly Transfer transfer = new Transfer();
            public Task<HttpResponseMessage> Clip(string url)
            {
                var options = new TransferOptions();
                options.Headers["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36";
                return transfer.GetAsync(new Uri(url), options);
            }
        }
        """,
        // A local dictionary with an indexer initializer, copied by key and value.
        """
        public class Mirror
        {
            public Task<HttpResponseMessage> GetAsync(HttpClient http, string url)
            {
                var headers = new Dictionary<string, string> { ["Accept"] = "text/html", ["User-Agent"] = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 Safari/605.1.15" };
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                foreach (var header in headers)
                {
                    {|#0:request.Headers.TryAddWithoutValidation(header.Key, header.Value)|};
                }

                return http.SendAsync(request);
            }
        }
        """,
        // A static dictionary field with Add calls in the static constructor, copied onto the client's defaults.
        """
        public static class BrowserHeaders
        {
            public static readonly Dictionary<string, string> All = new Dictionary<string, string>();
            static BrowserHeaders() { All.Add("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36"); }
        }
        public class FeedClient
        {
            private readonly HttpClient http = new HttpClient();
            public FeedClient()
            {
                foreach (var (key, value) in BrowserHeaders.All) {|#0:http.DefaultRequestHeaders.Add(key, value)|};
            }
        }
        """,
        // A dictionary given to a helper by its callers.
        """
        public class Requests
        {
            private readonly HttpClient http = new HttpClient();
            public Task<HttpResponseMessage> Send(string url, IDictionary<string, string> headers)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                foreach (var (k, v) in headers) {|#0:request.Headers.TryAddWithoutValidation(k, v)|};
                return http.SendAsync(request);
            }
            public Task<HttpResponseMessage> Listing(string url) => Send(url, new Dictionary<string, string> { { "User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0" } });
        }
        """,
        // Puppeteer's extra headers.
        """
        public class HeadlessPages
        {
            public Task PrepareAsync(PuppeteerSharp.IPage page)
                => {|#0:page.SetExtraHttpHeadersAsync(new Dictionary<string, string> { ["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36" })|};
        }
        """,
        // HtmlAgilityPack's HtmlWeb.
        """
        public class ListingLoader
        {
            public HtmlAgilityPack.HtmlDocument Load(string url)
            {
                var web = new HtmlAgilityPack.HtmlWeb();
                {|#0:web.UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36"|};
                return web.Load(url);
            }
        }
        """,
        // A private header dictionary copied in one part of a partial class, filled in the constructor of the other part.
        """
        public partial class Crawler
        {
            private readonly HttpClient http = new HttpClient();
            private readonly Dictionary<string, string> headers = new Dictionary<string, string>();
            public void Prepare() { foreach (var (k, v) in headers) {|#0:http.DefaultRequestHeaders.Add(k, v)|}; }
        }
        public class Other { private readonly Dictionary<string, string> headers = new Dictionary<string, string>(); }
        public partial class Crawler
        {
            public Crawler() { headers["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36"; }
        }
        """,
        // An options class's header dictionary, filled by a derived type's constructor.
        """
        public class FetchOptions { public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(); }
        public class DesktopOptions : FetchOptions
        {
            public DesktopOptions() { Headers["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36"; }
        }
        public class Fetcher
        {
            private readonly HttpClient http = new HttpClient();
            public Task<HttpResponseMessage> GetAsync(string url, FetchOptions options)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                foreach (var (k, v) in options.Headers) {|#0:request.Headers.TryAddWithoutValidation(k, v)|};
                return http.SendAsync(request);
            }
        }
        """,
        // The same dictionary filled through a receiver declared as the derived type, in a loop over the options.
        """
        public class FetchOptions { public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(); }
        public class DesktopOptions : FetchOptions { }
        public static class Profiles
        {
            public static void Desktop(IEnumerable<DesktopOptions> all)
            {
                foreach (DesktopOptions options in all) options.Headers.Add("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0");
            }
        }
        public class Fetcher
        {
            private readonly HttpClient http = new HttpClient();
            public Task<HttpResponseMessage> GetAsync(string url, FetchOptions options)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                foreach (var (k, v) in options.Headers) {|#0:request.Headers.TryAddWithoutValidation(k, v)|};
                return http.SendAsync(request);
            }
        }
        """,
        // A private field of a nested class, written by its own method.
        """
        public class Downloader
        {
            private sealed class State
            {
                private readonly Dictionary<string, string> headers = new Dictionary<string, string>();
                public void Browser() => headers.Add("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0");
                public void Apply(HttpRequestMessage request) { foreach (var (k, v) in headers) {|#0:request.Headers.TryAddWithoutValidation(k, v)|}; }
            }
        }
        """,
    };

    /// <summary>Neighbours of the positives above that must stay silent.</summary>
    public static TheoryData<string> SilentHeaderInitializersAndDictionaries => new()
    {
        // A bot with a contact URL in the default headers' initializer.
        """
        public class PoliteClient
        {
            private readonly HttpClient http = new HttpClient
            {
                DefaultRequestHeaders = { { "User-Agent", "Mozilla/5.0 (compatible; AcmeBot/1.0; +https://acme.example/bot)" } },
            };
            public Task<string> PageAsync(string url) => http.GetStringAsync(url);
        }
        """,
        // Initializers with other headers only.
        """
        public class JsonReader
        {
            public Task<HttpResponseMessage> PageAsync(HttpClient http, string url)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept", "application/json" }, { "Accept-Language", "en" } } };
                return http.SendAsync(request);
            }
        }
        """,
        // A copied header dictionary whose User-Agent identifies the crawler.
        """
        public class TransferOptions { public Dictionary<string, string> Headers { get; } = new(); }
        public class Transfer
        {
            private readonly HttpClient http = new HttpClient();
            public Task<HttpResponseMessage> GetAsync(Uri url, TransferOptions options)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                foreach (var (name, value) in options.Headers) request.Headers.TryAddWithoutValidation(name, value);
                return http.SendAsync(request);
            }
        }
        public class ClipService
        {
            public Task<HttpResponseMessage> Clip(Transfer transfer, string url)
            {
                var options = new TransferOptions();
                options.Headers["User-Agent"] = "ClipBot/2.1 (+https://clips.example/bot)";
                options.Headers["Accept"] = "text/html";
                return transfer.GetAsync(new Uri(url), options);
            }
        }
        """,
        // A browser string in a dictionary that is no header collection (a report's columns).
        """
        public class Report
        {
            public Dictionary<string, string> Columns(Dictionary<string, string> row)
            {
                var columns = new Dictionary<string, string> { ["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0) Chrome/124.0" };
                foreach (var (k, v) in row) columns.Add(k, v);
                return columns;
            }
        }
        """,
        // A copy loop over headers that carry no User-Agent.
        """
        public class Forwarder
        {
            public Task<HttpResponseMessage> Forward(HttpClient http, string url, string token)
            {
                var headers = new Dictionary<string, string> { ["Authorization"] = "Bearer " + token, ["Accept"] = "application/json" };
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                foreach (var (k, v) in headers) request.Headers.TryAddWithoutValidation(k, v);
                return http.SendAsync(request);
            }
        }
        """,
        // A browser string in another class's Headers property (a recorded visit, never sent), written through typed receivers.
        """
        public class FetchOptions { public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(); }
        public class Visit { public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(); }
        public class Archive
        {
            private readonly Visit last = new Visit();
            public void Record(Visit visit, string agent) { visit.Headers["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36"; last.Headers["User-Agent"] = agent; }
            public Visit Replay() => new Visit { Headers = { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0" } };
        }
        public class Fetcher
        {
            private readonly HttpClient http = new HttpClient();
            public Task<HttpResponseMessage> GetAsync(string url, FetchOptions options)
            {
                options.Headers["User-Agent"] = "ArchiveBot/1.0 (+https://archive.example/bot)";
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                foreach (var (k, v) in options.Headers) request.Headers.TryAddWithoutValidation(k, v);
                return http.SendAsync(request);
            }
        }
        """,
        // The derived type of another options class, with the same property name, carries the browser string.
        """
        public class FetchOptions { public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(); }
        public class ExportOptions { public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>(); }
        public class BrowserExport : ExportOptions
        {
            public BrowserExport() { Headers["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36"; }
        }
        public class Fetcher
        {
            private readonly HttpClient http = new HttpClient();
            public Task<HttpResponseMessage> GetAsync(string url, FetchOptions options)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                foreach (var (k, v) in options.Headers) request.Headers.TryAddWithoutValidation(k, v);
                return http.SendAsync(request);
            }
        }
        """,
        // Another class's private dictionary of the same name holds the browser string; this one names the crawler.
        """
        public class Disguised
        {
            private readonly Dictionary<string, string> headers = new Dictionary<string, string>();
            public void Fill() => headers["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36";
        }
        public class Honest
        {
            private readonly HttpClient http = new HttpClient();
            private readonly Dictionary<string, string> headers = new Dictionary<string, string>();
            public Honest() { headers["User-Agent"] = "ArchiveBot/1.0 (+https://archive.example/bot)"; }
            public void Prepare() { foreach (var (k, v) in headers) http.DefaultRequestHeaders.Add(k, v); }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(HeaderInitializersAndDictionaries))]
    public Task BrowserUserAgentInAnInitializerOrHeaderDictionaryIsReported(string source)
        => Verify.VerifyAsync(Id, Usings + source, Verify.Diagnostic(Id).WithLocation(0));

    [Theory]
    [MemberData(nameof(SilentHeaderInitializersAndDictionaries))]
    public Task IdentifyingOrOtherHeadersInInitializersAndDictionariesAreSilent(string source)
        => Verify.VerifyAsync(Id, Usings + source);

    private const string VendoredLibrary = """
        namespace RestSharp.Vendored
        {
            public class Requester
            {
                public void AddHeaders(IDictionary<string, string> headers) { }
                public void Defaults() => AddHeaders(new Dictionary<string, string> { ["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36" });
                private sealed class State
                {
                    public void Apply(Requester owner) => owner.AddHeaders(new Dictionary<string, string> { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0" });
                }
            }
            public class MobileRequester : Requester
            {
                public void Mobile() => AddHeaders(new Dictionary<string, string> { ["User-Agent"] = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1" });
            }
        }

        """;

    /// <summary>A library compiled in the project (its own repository, or a vendored copy): its own code setting headers is its implementation.</summary>
    [Fact]
    public Task HeaderDictionaryInsideTheLibrarysOwnCodeIsSilent()
        => Verify.VerifyAsync(Id, Usings + VendoredLibrary);

    /// <summary>The same library's header method called by the project's crawler is a use.</summary>
    [Fact]
    public Task HeaderDictionaryHandedToACompiledLibraryIsReported()
        => Verify.VerifyAsync(Id, Usings + VendoredLibrary + """
            public class Crawler
            {
                public void Run(RestSharp.Vendored.Requester requester)
                    => {|#0:requester.AddHeaders(new Dictionary<string, string> { ["User-Agent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0 Safari/537.36" })|};
            }
            """,
            Verify.Diagnostic(Id).WithLocation(0));

    /// <summary>A header name spelled in parts at an indexer: nothing else in the assignment's text says User-Agent.</summary>
    [Fact]
    public Task UserAgentNameSpelledInPartsAtAnIndexerIsReported()
        => Verify.VerifyAsync(Id, Usings + """
            public class SplitIndexer
            {
                public WebResponse Page(string url)
                {
                    var web = (HttpWebRequest)WebRequest.Create(url);
                    {|#0:web.Headers["User-Ag" + "ent"] = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36"|};
                    return web.GetResponse();
                }
            }
            """,
            Verify.Diagnostic(Id).WithLocation(0));

    [Fact]
    public Task CopiedDictionaryMessageNamesTheDictionary()
        => Verify.VerifyAsync(Id, Usings + """
            public class Mirror
            {
                private static readonly Dictionary<string, string> Browser = new() { ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0" };
                public void Apply(HttpRequestMessage request)
                {
                    foreach (var (k, v) in Browser) {|#0:request.Headers.TryAddWithoutValidation(k, v)|};
                }
            }
            """,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments(
                "Browser User-Agent 'Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0' from a string literal in a header dictionary", "the request headers (copied from 'Browser')"));
}
