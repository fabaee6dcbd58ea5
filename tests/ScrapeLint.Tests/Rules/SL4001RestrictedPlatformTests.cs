using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.RestrictedPlatformRule>;

namespace ScrapeLint.Tests.Rules;

/// <summary>
/// SL4001: any request sink (loop or not) whose URL targets the web host of a platform in
/// <c>scrapelint.restricted_domains</c>; official API hosts, loopback and allowed domains are exempt.
/// </summary>
public class SL4001RestrictedPlatformTests
{
    private static DiagnosticResult Restricted(int location) => Verify.Diagnostic("SL4001", DiagnosticSeverity.Info).WithLocation(location);

    #region Reports

    [Fact]
    public Task SingleLinkedInProfileGetString_Reports() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class FounderBio
        {
            private readonly HttpClient _http;

            public FounderBio(HttpClient http) => _http = http;

            public Task<string> LoadAsync(CancellationToken ct)
                => {|#0:_http.GetStringAsync("https://www.linkedin.com/in/satya", ct)|};
        }
        """, Restricted(0));

    [Fact]
    public Task SeleniumGoToUrlFacebookLogin_Reports() => Verify.VerifyAsync("""
        using OpenQA.Selenium;

        public sealed class FacebookSession
        {
            private readonly IWebDriver _driver;

            public FacebookSession(IWebDriver driver) => _driver = driver;

            public void SignIn(string email, string password)
            {
                {|#0:_driver.Navigate().GoToUrl("https://www.facebook.com/login")|};
                _driver.FindElement(By.Id("email")).SendKeys(email);
                _driver.FindElement(By.Id("pass")).SendKeys(password);
                _driver.FindElement(By.Name("login")).Click();
            }
        }
        """, Restricted(0));

    [Fact]
    public Task SeleniumUrlSetterLinkedInFeed_Reports() => Verify.VerifyAsync("""
        using OpenQA.Selenium;

        public static class FeedReader
        {
            public static string FirstPost(IWebDriver driver)
            {
                {|#0:driver.Url = "https://www.linkedin.com/feed/"|};
                return driver.FindElement(By.CssSelector(".feed-shared-update-v2")).Text;
            }
        }
        """, Restricted(0));

    [Fact]
    public Task PlaywrightGotoInstagramExplore_Reports() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using Microsoft.Playwright;

        public sealed class InstagramExplore
        {
            public async Task<string> TopPostAsync(IBrowser browser)
            {
                var page = await browser.NewPageAsync();
                await {|#0:page.GotoAsync("https://www.instagram.com/explore/")|};
                return await page.InnerTextAsync("article");
            }
        }
        """, Restricted(0));

    [Fact]
    public Task MobileFacebookSubdomain_Reports() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public class LightweightGroupReader
        {
            private readonly HttpClient _http = new HttpClient();

            public async Task<int> PostCountAsync(string groupId)
            {
                var html = await {|#0:_http.GetStringAsync($"https://m.facebook.com/groups/{groupId}")|};
                return html.Split("<article").Length - 1;
            }
        }
        """, Restricted(0));

    [Fact]
    public Task XComAndTwitterComRequests_ReportEach() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class TrendingTopics
        {
            private readonly HttpClient _http;

            public TrendingTopics(HttpClient http) => _http = http;

            public async Task<(string, string)> LoadAsync(CancellationToken ct)
            {
                var explore = await {|#0:_http.GetStringAsync("https://x.com/explore/tabs/trending", ct)|};
                var legacy = await {|#1:_http.GetStringAsync("https://twitter.com/i/trends", ct)|};
                return (explore, legacy);
            }
        }
        """, Restricted(0), Restricted(1));

    [Fact]
    public Task YouTubeWatchPageWithHtmlAgilityPack_Reports() => Verify.VerifyAsync("""
        using HtmlAgilityPack;

        public static class VideoTitle
        {
            public static string Get(string videoId)
            {
                var web = new HtmlWeb();
                var doc = {|#0:web.Load("https://www.youtube.com/watch?v=" + videoId)|};
                return doc.DocumentNode.SelectSingleNode("//title")?.InnerText ?? "";
            }
        }
        """, Restricted(0));

    [Fact]
    public Task TikTokPuppeteerNavigation_Reports() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using PuppeteerSharp;

        public class TikTokTrendingCapture
        {
            public async Task CaptureAsync(IPage page, string path)
            {
                await {|#0:page.GoToAsync("https://www.tiktok.com/explore")|};
                await page.ScreenshotAsync(path);
            }
        }
        """, Restricted(0));

    [Fact]
    public Task VkAngleSharpOpenAsync_Reports() => Verify.VerifyAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        using AngleSharp;

        public sealed class VkCommunityReader
        {
            private readonly IBrowsingContext _context = BrowsingContext.New(Configuration.Default.WithDefaultLoader());

            public async Task<string> TitleAsync(CancellationToken ct)
            {
                var document = await {|#0:_context.OpenAsync("https://vk.com/durov", ct)|};
                return document.Title ?? "";
            }
        }
        """, Restricted(0));

    [Fact]
    public Task ThreadsNetWithFlurl_Reports() => Verify.VerifyAsync("""
        using System.Threading.Tasks;
        using Flurl;
        using Flurl.Http;

        public static class ThreadsReader
        {
            public static Task<string> ReadAsync(string user)
                => {|#0:"https://www.threads.net".AppendPathSegment("@" + user).GetStringAsync()|};
        }
        """, Restricted(0));

    [Fact]
    public Task LegacyWebRequestCreateToFacebook_Reports() => Verify.VerifyAsync("""
        using System.IO;
        using System.Net;

        public static class LegacyPageFetcher
        {
            public static string Fetch(string pageName)
            {
                var request = {|#0:WebRequest.Create("https://www.facebook.com/" + pageName)|};
                using var response = request.GetResponse();
                using var reader = new StreamReader(response.GetResponseStream());
                return reader.ReadToEnd();
            }
        }
        """, Restricted(0));

    [Fact]
    public Task HostFromConstField_Reports() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class CompanyPageReader
        {
            private const string LinkedInBase = "https://www.linkedin.com";
            private readonly HttpClient _http;

            public CompanyPageReader(HttpClient http) => _http = http;

            public async Task<string> AboutAsync(string company, CancellationToken ct)
            {
                var url = LinkedInBase + "/company/" + company + "/about/";
                using var response = await {|#0:_http.GetAsync(url, ct)|};
                return await response.Content.ReadAsStringAsync(ct);
            }
        }
        """, Restricted(0));

    [Fact]
    public Task HttpRequestMessageToInstagramViaStaticReadonlyUri_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class InstagramTagPage
        {
            private static readonly Uri Root = new Uri("https://www.instagram.com/");
            private readonly HttpClient _http;

            public InstagramTagPage(HttpClient http) => _http = http;

            public async Task<string> LoadAsync(string tag, CancellationToken ct)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Root, $"explore/tags/{tag}/"));
                using var response = await {|#0:_http.SendAsync(request, ct)|};
                return await response.Content.ReadAsStringAsync(ct);
            }
        }
        """, Restricted(0));

    [Fact]
    public Task HelperWithLiteralHost_ReportsAtSinkInsideHelper() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class FacebookPageClient
        {
            private readonly HttpClient _http;

            public FacebookPageClient(HttpClient http) => _http = http;

            public Task<string> GetPageAsync(string slug)
                => {|#0:_http.GetStringAsync("https://www.facebook.com/" + slug)|};
        }

        public sealed class BrandMonitor
        {
            private readonly FacebookPageClient _facebook;

            public BrandMonitor(FacebookPageClient facebook) => _facebook = facebook;

            public async Task<List<string>> CheckAsync(IEnumerable<string> brands)
            {
                var pages = new List<string>();
                foreach (var brand in brands)
                {
                    pages.Add(await _facebook.GetPageAsync(brand));
                }

                return pages;
            }
        }
        """, Restricted(0));

    [Fact]
    public Task GenericHelperCalledWithLinkedInUrl_ReportsAtCallSupplyingHost() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class PageSource
        {
            private readonly HttpClient _http;

            public PageSource(HttpClient http) => _http = http;

            public async Task<string> CompanyPageAsync()
                => await {|#0:FetchAsync("https://www.linkedin.com/company/contoso/")|};

            private async Task<string> FetchAsync(string url)
            {
                using var response = await _http.GetAsync(url);
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsStringAsync();
            }
        }
        """, Restricted(0));

    [Fact]
    public Task LinkedInProfilesInLoop_ReportsOncePerSinkSite() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        public class ProfileLoop
        {
            public static async Task RunAsync(HttpClient http, IEnumerable<string> handles)
            {
                foreach (var handle in handles)
                {
                    var html = await {|#0:http.GetStringAsync($"https://www.linkedin.com/in/{handle}")|};
                    System.Console.WriteLine(html.Length);
                }
            }
        }
        """, Restricted(0));

    [Fact]
    public Task TopLevelProgramFetchingTwitterProfile_Reports() => Verify.VerifyProgramAsync("""
        using System;
        using System.Net.Http;

        using var http = new HttpClient();
        var html = await {|#0:http.GetStringAsync("https://twitter.com/" + args[0])|};
        Console.WriteLine(html.Length);
        """, Restricted(0));

    [Fact]
    public Task AbotCrawlOfFacebook_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Threading.Tasks;
        using Abot2.Crawler;
        using Abot2.Poco;

        public static class FacebookSiteCrawl
        {
            public static async Task RunAsync()
            {
                var config = new CrawlConfiguration { MaxPagesToCrawl = 50, IsRespectRobotsDotTextEnabled = true, MinCrawlDelayPerDomainMilliSeconds = 2000 };
                var crawler = new PoliteWebCrawler(config);
                await {|#0:crawler.CrawlAsync(new Uri("https://www.facebook.com/"))|};
            }
        }
        """, Restricted(0));

    [Fact]
    public Task CustomRestrictedDomainOption_Reports() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class CommunityFeed
        {
            private readonly HttpClient _http;

            public CommunityFeed(HttpClient http) => _http = http;

            public Task<string> LatestAsync(string user)
                => {|#0:_http.GetStringAsync($"https://www.example-social.com/{user}/posts")|};
        }
        """, "scrapelint.restricted_domains = example-social.com", Restricted(0));

    [Fact]
    public Task CustomRestrictedDomainWithCustomApiHost_ReportsOnlyWebHost() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class CommunityClient
        {
            private readonly HttpClient _http;

            public CommunityClient(HttpClient http) => _http = http;

            public async Task<(string, string)> LoadAsync(string user)
            {
                var viaApi = await _http.GetStringAsync($"https://api.example-social.com/v1/users/{user}");
                var viaWeb = await {|#0:_http.GetStringAsync($"https://www.example-social.com/{user}")|};
                return (viaApi, viaWeb);
            }
        }
        """, "scrapelint.restricted_domains = example-social.com\nscrapelint.api_hosts = api.example-social.com", Restricted(0));

    #endregion

    #region Stays silent

    [Fact]
    public Task LinkedInOfficialApi_IsSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class LinkedInShareClient
        {
            private readonly HttpClient _http;

            public LinkedInShareClient(HttpClient http) => _http = http;

            public async Task<string> MeAsync(string accessToken, CancellationToken ct)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "https://api.linkedin.com/v2/userinfo");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
                using var response = await _http.SendAsync(request, ct);
                return await response.Content.ReadAsStringAsync(ct);
            }
        }
        """);

    [Fact]
    public Task FacebookGraphApi_IsSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        public record PagePost(string Id, string Message);

        public sealed class PagePublisher
        {
            private readonly HttpClient _http;

            public PagePublisher(HttpClient http) => _http = http;

            public Task<HttpResponseMessage> PublishAsync(string pageId, string token, string message)
                => _http.PostAsJsonAsync($"https://graph.facebook.com/v19.0/{pageId}/feed?access_token={token}", new { message });
        }
        """);

    [Fact]
    public Task TwitterAndXApiHosts_AreSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class TweetLookup
        {
            private readonly HttpClient _http;

            public TweetLookup(HttpClient http) => _http = http;

            public async Task<(string, string)> LookupAsync(string id, CancellationToken ct)
            {
                var v2 = await _http.GetStringAsync($"https://api.x.com/2/tweets/{id}", ct);
                var legacy = await _http.GetStringAsync($"https://api.twitter.com/2/tweets/{id}", ct);
                return (v2, legacy);
            }
        }
        """);

    [Fact]
    public Task YouTubeDataApiOnGoogleApis_IsSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class VideoStats
        {
            private readonly HttpClient _http;
            private readonly string _apiKey;

            public VideoStats(HttpClient http, string apiKey)
            {
                _http = http;
                _apiKey = apiKey;
            }

            public Task<string> StatisticsAsync(string videoId)
                => _http.GetStringAsync($"https://www.googleapis.com/youtube/v3/videos?part=statistics&id={videoId}&key={_apiKey}");
        }
        """);

    [Fact]
    public Task ShareLinkBuiltForUiButNeverRequested_IsSilent() => Verify.VerifyAsync("""
        using System;

        public static class ShareButtons
        {
            public static string LinkedIn(string articleUrl)
                => $"https://www.linkedin.com/sharing/share-offsite/?url={Uri.EscapeDataString(articleUrl)}";

            public static string Facebook(string articleUrl)
                => "https://www.facebook.com/sharer/sharer.php?u=" + Uri.EscapeDataString(articleUrl);
        }
        """);

    [Fact]
    public Task SocialUrlOnlyInLogMessage_IsSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        public sealed class NewsletterSender
        {
            private readonly HttpClient _http;
            private readonly ILogger<NewsletterSender> _logger;

            public NewsletterSender(HttpClient http, ILogger<NewsletterSender> logger)
            {
                _http = http;
                _logger = logger;
            }

            public async Task SendAsync(string subscriberId)
            {
                _logger.LogInformation("Follow us on https://www.linkedin.com/company/contoso ({Subscriber})", subscriberId);
                using var response = await _http.PostAsync($"https://mail.contoso.example/api/send/{subscriberId}", new StringContent("newsletter"));
                response.EnsureSuccessStatusCode();
            }
        }
        """);

    [Fact]
    public Task LookalikeHostsEndingInRestrictedName_AreSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class VendorChecks
        {
            private readonly HttpClient _http;

            public VendorChecks(HttpClient http) => _http = http;

            public async Task RunAsync()
            {
                await _http.GetStringAsync("https://notlinkedin.com/about");
                await _http.GetStringAsync("https://app.box.com/folder/0");
                await _http.GetStringAsync("https://www.dropbox.com/home");
            }
        }
        """);

    [Fact]
    public Task RestrictedNameAsLeftmostLabelsOfOtherDomain_IsSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public static class PhishingSimulation
        {
            public static Task<string> ProbeAsync(HttpClient http)
                => http.GetStringAsync("https://linkedin.com.evil.example/login");
        }
        """);

    [Fact]
    public Task AllowedDomainsOptionCoversLinkedIn_IsSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class CompanyPageSnapshot
        {
            private readonly HttpClient _http;

            public CompanyPageSnapshot(HttpClient http) => _http = http;

            public Task<string> TakeAsync() => _http.GetStringAsync("https://www.linkedin.com/company/contoso/");
        }
        """, "scrapelint.allowed_domains = linkedin.com");

    [Fact]
    public Task RequestToUnrestrictedSite_IsSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        using OpenQA.Selenium;

        public sealed class DocsSmokeTest
        {
            public async Task RunAsync(HttpClient http, IWebDriver driver)
            {
                var html = await http.GetStringAsync("https://example.com/");
                driver.Navigate().GoToUrl("https://docs.example.com/getting-started");
                System.Console.WriteLine(html.Length + driver.Title);
            }
        }
        """);

    [Fact]
    public Task EmailAddressAtFacebookInRequestBody_IsSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        public sealed class PressContactNotifier
        {
            private readonly HttpClient _http;

            public PressContactNotifier(HttpClient http) => _http = http;

            public Task<HttpResponseMessage> NotifyAsync(string subject)
                => _http.PostAsJsonAsync("https://mailer.contoso.example/api/messages", new { to = "press@fb.com", cc = "partners@support.facebook.com", subject });
        }
        """);

    [Fact]
    public Task RestrictedDomainsOptionWithoutLinkedIn_IsSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class CompanyPageSnapshot
        {
            private readonly HttpClient _http;

            public CompanyPageSnapshot(HttpClient http) => _http = http;

            public Task<string> TakeAsync() => _http.GetStringAsync("https://www.linkedin.com/company/contoso/");
        }
        """, "scrapelint.restricted_domains = example-social.com, example-forum.net");

    [Fact]
    public Task ApiHostsOptionExemptsVkApi_IsSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class VkWallClient
        {
            private readonly HttpClient _http;

            public VkWallClient(HttpClient http) => _http = http;

            public Task<string> WallAsync(string ownerId, string token)
                => _http.GetStringAsync($"https://api.vk.com/method/wall.get?owner_id={ownerId}&access_token={token}&v=5.199");
        }
        """, "scrapelint.api_hosts = api.vk.com");

    [Fact]
    public Task LoopbackMockOfLinkedInPath_IsSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public static class ContractTest
        {
            public static Task<string> ProfileFixtureAsync(HttpClient http)
                => http.GetStringAsync("http://localhost:4010/linkedin.com/in/fixture-user");
        }
        """);

    [Fact]
    public Task MicrosoftGraphAndGitHubApi_AreSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class DirectoryLookups
        {
            private readonly HttpClient _http;

            public DirectoryLookups(HttpClient http) => _http = http;

            public async Task<(string, string)> LoadAsync(string upn, string login)
            {
                var me = await _http.GetStringAsync($"https://graph.microsoft.com/v1.0/users/{upn}");
                var gh = await _http.GetStringAsync($"https://api.github.com/users/{login}");
                return (me, gh);
            }
        }
        """);

    #endregion

    /// <summary>The official API hosts of the restricted platforms are exempt (issue 16); their web hosts are not.</summary>
    [Theory]
    [InlineData("https://graph.instagram.com/v21.0/me/media?fields=id,caption")]
    [InlineData("https://api.instagram.com/oauth/access_token")]
    [InlineData("https://open.tiktokapis.com/v2/user/info/?fields=open_id")]
    [InlineData("https://open-api.tiktok.com/user/info/")]
    [InlineData("https://graph.threads.net/v1.0/me/threads")]
    [InlineData("https://api.vk.com/method/users.get?user_ids=1&v=5.199")]
    [InlineData("https://youtube.googleapis.com/youtube/v3/channels?part=snippet&mine=true")]
    public Task OfficialApiHostOfARestrictedPlatform_IsSilent(string url) => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class OfficialApi
        {
            public Task<string> LoadAsync(HttpClient http) => http.GetStringAsync("{{url}}");
        }
        """);

    [Theory]
    [InlineData("https://www.instagram.com/accounts/login/")]
    [InlineData("https://www.tiktok.com/@creator")]
    [InlineData("https://www.threads.net/@creator")]
    [InlineData("https://vk.com/id1")]
    public Task WebHostNextToAnApiHost_Reports(string url) => Verify.VerifyAsync($$"""
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class WebPage
        {
            public Task<string> LoadAsync(HttpClient http) => {|#0:http.GetStringAsync("{{url}}")|};
        }
        """, Restricted(0));
}
