using Microsoft.CodeAnalysis;
using Robots = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.RobotsTxtRule>;
using RateLimit = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.RateLimitRule>;
using Images = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.BulkImageDownloadRule>;
using Profiles = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.ProfilePagesInLoopRule>;
using Terms = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.RestrictedPlatformRule>;

namespace ScrapeLint.Tests.Rules;

/// <summary>Shapes of real crawler code the engine once missed or misread, one test each.</summary>
public class EngineRegressionTests
{
    [Fact]
    public Task SeleniumUrlSetterInsideAHelper_IsAWrapper() => Terms.VerifyAsync("""
        using OpenQA.Selenium;

        public class FacebookBrowser
        {
            private readonly IWebDriver driver;

            public FacebookBrowser(IWebDriver driver) => this.driver = driver;

            private void GoTo(string url) { driver.Url = url; }

            public void OpenGroups() => {|#0:GoTo("https://www.facebook.com/groups/feed")|};
        }
        """, Terms.Diagnostic("SL4001", DiagnosticSeverity.Info).WithLocation(0));

    [Fact]
    public Task UrlRewrittenByAHelperBeforeNavigation_KeepsItsHost() => Terms.VerifyAsync("""
        using OpenQA.Selenium;

        public class MobileBrowser
        {
            private readonly IWebDriver driver;

            public MobileBrowser(IWebDriver driver) => this.driver = driver;

            private static string ToMobile(string url) => url.Replace("www.facebook.com", "mbasic.facebook.com");

            public void Open() => {|#0:driver.Navigate().GoToUrl(ToMobile("https://www.facebook.com/groups/feed"))|};
        }
        """, Terms.Diagnostic("SL4001", DiagnosticSeverity.Info).WithLocation(0));

    [Fact]
    public Task RestRequestBuiltByAHelper_CarriesItsUrl() => Terms.VerifyAsync("""
        using RestSharp;

        public class TimelineClient
        {
            private readonly RestClient client = new RestClient();

            private static RestRequest Make(string url) => new RestRequest(url);

            public RestResponse Guide() => {|#0:client.Get(Make("https://twitter.com/i/api/2/guide.json"))|};
        }
        """, Terms.Diagnostic("SL4001", DiagnosticSeverity.Info).WithLocation(0));

    [Fact]
    public Task SecondOrderWrapper_ReportsTheHostOnce() => Terms.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public class InstagramPages
        {
            private readonly HttpClient http = new HttpClient();

            private Task<string> Page(string url) => http.GetStringAsync(url);

            public Task<string> Profile(string user) => {|#0:Page($"https://www.instagram.com/{user}/")|};

            public Task<string> Refresh(string user) => Profile(user);
        }
        """, Terms.Diagnostic("SL4001", DiagnosticSeverity.Info).WithLocation(0));

    [Fact]
    public Task DeconstructedItemsReceivedInAWhileLoop_AreVariant() => Images.VerifyAsync("""
        using System;
        using System.Collections.Concurrent;
        using System.Net;

        public class MediaDownloader
        {
            private readonly BlockingCollection<(string Name, string Uri)> queue = new();

            public void Run(string folder)
            {
                using var client = new WebClient();
                while (!queue.IsCompleted)
                {
                    var (name, uri) = queue.Take();
                    {|#0:client.DownloadFile(new Uri(uri), folder + name + ".jpg")|};
                }
            }
        }
        """, Images.Diagnostic("SL1002").WithLocation(0));

    [Fact]
    public Task PatternDeclaredPhotoUrl_IsFollowed() => Images.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        public record Alumnus(string Name, string? PhotoUrl);

        public class PhotoCollector
        {
            private readonly HttpClient http = new HttpClient();

            public async Task<List<byte[]>> CollectAsync(IEnumerable<Alumnus> alumni)
            {
                var photos = new List<byte[]>();
                foreach (var alumnus in alumni)
                {
                    if (alumnus.PhotoUrl is { Length: > 0 } photoUrl)
                    {
                        photos.Add(await {|#0:http.GetByteArrayAsync(photoUrl)|});
                    }
                }

                return photos;
            }
        }
        """, Images.Diagnostic("SL1002").WithLocation(0));

    [Fact]
    public Task ImageSourceReadOffAPageFetchedInTheLoop_IsVariant() => Images.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net;
        using HtmlAgilityPack;

        public class SellerAvatars
        {
            public void Save(IEnumerable<string> sellerPages, string folder)
            {
                using var web = new WebClient();
                foreach (var page in sellerPages)
                {
                    var doc = new HtmlDocument();
                    doc.LoadHtml(web.DownloadString(page));
                    var avatar = doc.DocumentNode.SelectSingleNode("//img[@class='avatar']").GetAttributeValue("src", "");
                    {|#0:web.DownloadFile(avatar, folder + "/" + page.GetHashCode() + ".png")|};
                }
            }
        }
        """, Images.Diagnostic("SL1002").WithLocation(0));

    [Fact]
    public Task UriTryCreateOfAnImageSource_IsFollowed() => Images.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class ArticleImages
        {
            private readonly HttpClient http = new HttpClient();

            public async Task SaveAsync(Uri article, HtmlDocument doc)
            {
                foreach (var img in doc.DocumentNode.SelectNodes("//img"))
                {
                    if (Uri.TryCreate(article, img.GetAttributeValue("src", ""), out var source))
                    {
                        var bytes = await {|#0:http.GetByteArrayAsync(source)|};
                    }
                }
            }
        }
        """, Images.Diagnostic("SL1002").WithLocation(0));

    [Fact]
    public Task RecursiveCrawlWhoseLinksComeFromAParsingHelper_Reports() => Robots.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Text.RegularExpressions;
        using System.Threading.Tasks;

        public class LinkWalker
        {
            private readonly HttpClient client = new HttpClient();

            public async Task WalkAsync(string url, int depth)
            {
                if (depth == 0) return;
                var body = await client.GetStringAsync(url);
                foreach (var link in LinksOf(body))
                {
                    await {|#0:WalkAsync(link, depth - 1)|};
                }
            }

            private static IEnumerable<string> LinksOf(string html)
            {
                foreach (Match match in Regex.Matches(html, "href=\"(http[^\"]+)\""))
                {
                    yield return match.Groups[1].Value;
                }
            }
        }
        """, Robots.Diagnostic("SL2001").WithLocation(0));

    [Fact]
    public Task TaskRunInsideALoop_IsConcurrentNotSequential() => RateLimit.VerifyAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public class BoundedCrawler
        {
            private readonly HttpClient client = new HttpClient();
            private readonly SemaphoreSlim gate = new SemaphoreSlim(4);

            public async Task RunAsync(ConcurrentQueue<string> frontier)
            {
                var tasks = new List<Task>();
                while (frontier.TryDequeue(out var url))
                {
                    await gate.WaitAsync();
                    tasks.Add(Task.Run(async () =>
                    {
                        try
                        {
                            var doc = new HtmlDocument();
                            doc.LoadHtml(await client.GetStringAsync(url));
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }));
                }

                await Task.WhenAll(tasks);
            }
        }
        """);

    [Fact]
    public Task RelativeApiPathOnABaseAddress_IsNotAProfile() => Profiles.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Text.Json;
        using System.Threading.Tasks;

        public record User(string Id, string Name);

        public class UserDirectory
        {
            private readonly HttpClient http = new HttpClient { BaseAddress = new Uri("https://intranet.acme.example/") };

            public async Task<List<User>> LoadAsync(IEnumerable<string> ids)
            {
                var users = new List<User>();
                foreach (var id in ids)
                {
                    var json = await http.GetStringAsync($"api/users/{id}");
                    users.Add(JsonSerializer.Deserialize<User>(json)!);
                }

                return users;
            }
        }
        """);

    [Fact]
    public Task MockedClientHeldInAField_IsSilent() => Profiles.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public class CannedPages : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html></html>") });
        }

        public class ProfileParserTests
        {
            private readonly HttpClient client = new HttpClient(new CannedPages());

            public async Task ParsesEveryProfile()
            {
                foreach (var handle in new[] { "ada", "grace" })
                {
                    var html = await client.GetStringAsync($"https://www.linkedin.com/in/{handle}/");
                }
            }
        }
        """);

    [Fact]
    public Task BaseAddressFromTheConstructor_GivesTheHost() => Terms.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;

        public class LinkedInPages
        {
            private readonly HttpClient http;

            public LinkedInPages(HttpClient http)
            {
                this.http = http;
                this.http.BaseAddress = new Uri("https://www.linkedin.com");
            }

            public Task<string> Company(string slug) => {|#0:http.GetStringAsync($"/company/{slug}/")|};
        }
        """, Terms.Diagnostic("SL4001", DiagnosticSeverity.Info).WithLocation(0));

    private const string PublicPageFetcher = """
        using System.Net.Http;
        using System.Threading.Tasks;

        public class PageFetcher
        {
            private readonly HttpClient http = new HttpClient();

            public Task<string> FetchAsync(string url) => http.GetStringAsync(url);
        }
        """;

    // The syntax index follows a wrapper into the other files only when they can call it: a private method of a
    // partial class can be called from another part, a public one from anywhere; a private method of a class that is
    // not partial only from its own file. Each case has a second-order wrapper in the calling file, which the index
    // finds only when that file is walked.
    [Fact]
    public Task PrivateWrapperOfAPartialClass_IsFollowedIntoTheOtherPart() => Profiles.VerifyAsync(
        new[]
        {
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            public partial class AlumniCrawler
            {
                private readonly HttpClient http = new HttpClient();

                private Task<string> FetchAsync(string url) => http.GetStringAsync(url);
            }
            """,
            """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public partial class AlumniCrawler
            {
                private Task<string> ProfileAsync(string handle) => FetchAsync("https://www.linkedin.com/in/" + handle);

                public async Task RunAsync(IEnumerable<string> handles)
                {
                    foreach (var handle in handles)
                    {
                        await {|#0:ProfileAsync(handle)|};
                    }
                }
            }
            """,
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary,
        Profiles.Diagnostic("SL1001").WithLocation(0));

    [Fact]
    public Task PublicWrapper_IsFollowedIntoAnotherFile() => Profiles.VerifyAsync(
        new[]
        {
            PublicPageFetcher,
            """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public class AlumniCrawler
            {
                private readonly PageFetcher fetcher = new PageFetcher();

                private Task<string> ProfileAsync(string handle) => fetcher.FetchAsync("https://www.linkedin.com/in/" + handle);

                public async Task RunAsync(IEnumerable<string> handles)
                {
                    foreach (var handle in handles)
                    {
                        await {|#0:ProfileAsync(handle)|};
                    }
                }
            }
            """,
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary,
        Profiles.Diagnostic("SL1001").WithLocation(0));

    [Fact]
    public Task PrivateWrapperChain_InOneFile_IsFollowed() => Profiles.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        public class AlumniCrawler
        {
            private readonly HttpClient http = new HttpClient();

            private Task<string> FetchAsync(string url) => http.GetStringAsync(url);

            private Task<string> ProfileAsync(string handle) => FetchAsync("https://www.linkedin.com/in/" + handle);

            public async Task RunAsync(IEnumerable<string> handles)
            {
                foreach (var handle in handles)
                {
                    await {|#0:ProfileAsync(handle)|};
                }
            }
        }
        """, Profiles.Diagnostic("SL1001").WithLocation(0));

    [Fact]
    public Task SameNameAsAPrivateWrapperElsewhere_StaysSilent() => Profiles.VerifyAsync(
        new[]
        {
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            public class PageFetcher
            {
                private readonly HttpClient http = new HttpClient();

                private Task<string> FetchAsync(string url) => http.GetStringAsync(url);

                public Task<string> HomeAsync() => FetchAsync("https://example.org/");
            }
            """,
            """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public class ReportCache
            {
                private readonly Dictionary<string, string> pages = new();

                private Task<string> FetchAsync(string key) => Task.FromResult(pages[key]);

                public async Task WarmAsync(IEnumerable<string> handles)
                {
                    foreach (var handle in handles)
                    {
                        await FetchAsync("https://www.linkedin.com/in/" + handle);
                    }
                }
            }
            """,
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary);

    [Fact]
    public Task PublicWrapperSharingANameWithAPrivateOne_IsFollowedIntoItsCallers() => Profiles.VerifyAsync(
        new[]
        {
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            public class Mirror
            {
                private readonly HttpClient http = new HttpClient();

                private Task<string> Grab(string url) => http.GetStringAsync(url);

                public Task<string> HomeAsync() => Grab("https://example.org/");
            }
            """,
            PublicPageFetcher,
            """
            using System.Threading.Tasks;

            public class Pages
            {
                private readonly PageFetcher fetcher = new PageFetcher();

                public Task<string> Grab(string url) => fetcher.FetchAsync(url);
            }
            """,
            """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            public class AlumniCrawler
            {
                private readonly Pages pages = new Pages();

                public async Task RunAsync(IEnumerable<string> handles)
                {
                    foreach (var handle in handles)
                    {
                        await {|#0:pages.Grab("https://www.linkedin.com/in/" + handle)|};
                    }
                }
            }
            """,
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary,
        Profiles.Diagnostic("SL1001").WithLocation(0));
}
