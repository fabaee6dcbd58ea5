using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.ProfilePagesInLoopRule>;

namespace ScrapeLint.Tests.Rules;

/// <summary>
/// SL1001: a request sink in iteration context whose variant URL is a personal profile
/// (SPEC "Rules" / "Vocabulary"). The span is the request invocation without <c>await</c>, or the call
/// of the project's helper inside the loop when the request goes through one.
/// </summary>
public class SL1001ProfilePagesTests
{
    private static DiagnosticResult Profile(int location) => Verify.Diagnostic("SL1001").WithLocation(location);

    #region Reports

    [Fact]
    public Task LinkedInHandlesInForeach_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Recruiting.Sourcing
        {
            public sealed class LinkedInProfileCollector
            {
                private readonly HttpClient _http;

                public LinkedInProfileCollector(HttpClient http) => _http = http;

                public async Task<Dictionary<string, string>> CollectAsync(IEnumerable<string> handles, CancellationToken ct)
                {
                    var pages = new Dictionary<string, string>();
                    foreach (var handle in handles)
                    {
                        var url = $"https://www.linkedin.com/in/{handle}";
                        pages[handle] = await {|#0:_http.GetStringAsync(url, ct)|};
                    }

                    return pages;
                }
            }
        }
        """, Profile(0));

    [Fact]
    public Task ConcatenatedProfileUrlInForLoop_Reports() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public class ProfileDump
        {
            private static readonly HttpClient Client = new HttpClient();

            public static async Task<string[]> DumpAsync(string[] handles)
            {
                var result = new string[handles.Length];
                for (var i = 0; i < handles.Length; i++)
                {
                    result[i] = await {|#0:Client.GetStringAsync("https://www.linkedin.com/in/" + handles[i] + "/")|};
                }

                return result;
            }
        }
        """, Profile(0));

    [Fact]
    public Task FacebookProfilePhpIdViaStringFormat_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public class FacebookIdResolver
        {
            private const string ProfileTemplate = "https://www.facebook.com/profile.php?id={0}";
            private readonly HttpClient _http;

            public FacebookIdResolver(HttpClient http) { _http = http; }

            public async Task<List<string>> ResolveAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
            {
                var html = new List<string>();
                foreach (var id in ids)
                {
                    var url = string.Format(ProfileTemplate, id);
                    using var response = await {|#0:_http.GetAsync(url, cancellationToken)|};
                    html.Add(await response.Content.ReadAsStringAsync(cancellationToken));
                }

                return html;
            }
        }
        """, Profile(0));

    [Fact]
    public Task ConstBaseUrlFieldPlusUsername_Instagram_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        internal sealed class InstagramScraper
        {
            private const string BaseUrl = "https://www.instagram.com/";
            private readonly HttpClient _client;

            public InstagramScraper(HttpClient client) => _client = client;

            public async Task ScrapeAsync(List<string> usernames)
            {
                foreach (var username in usernames)
                {
                    var body = await {|#0:_client.GetStringAsync(BaseUrl + username + "/")|};
                    System.Console.WriteLine($"{username}: {body.Length} bytes");
                }
            }
        }
        """, Profile(0));

    [Fact]
    public Task StaticReadonlyBaseUriWithRelativeHandle_XCom_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class XTimelineReader
        {
            private static readonly Uri XBase = new Uri("https://x.com/");
            private readonly HttpClient _http;

            public XTimelineReader(HttpClient http) => _http = http;

            public async Task<int> CountAsync(IEnumerable<string> accounts, CancellationToken ct)
            {
                var total = 0;
                foreach (var account in accounts)
                {
                    var profileUri = new Uri(XBase, account);
                    var html = await {|#0:_http.GetStringAsync(profileUri, ct)|};
                    total += html.Length;
                }

                return total;
            }
        }
        """, Profile(0));

    [Fact]
    public Task UriBuilderTikTokAtHandle_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        public class TikTokCreatorIndex
        {
            private readonly HttpClient _http;

            public TikTokCreatorIndex(HttpClient http) => _http = http;

            public async Task IndexAsync(IEnumerable<string> creators)
            {
                foreach (var creator in creators)
                {
                    var builder = new UriBuilder("https", "www.tiktok.com") { Path = "/@" + creator };
                    var html = await {|#0:_http.GetStringAsync(builder.Uri)|};
                    Save(creator, html);
                }
            }

            private static void Save(string creator, string html) { }
        }
        """, Profile(0));

    [Fact]
    public Task HttpRequestMessageSendAsyncVk_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class VkProfileFetcher
        {
            private readonly HttpClient _http;

            public VkProfileFetcher(HttpClient http) => _http = http;

            public async Task<List<string>> FetchAllAsync(IEnumerable<string> screenNames, CancellationToken ct)
            {
                var pages = new List<string>();
                foreach (var screenName in screenNames)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, $"https://vk.com/{screenName}");
                    request.Headers.Add("Accept-Language", "en");
                    using var response = await {|#0:_http.SendAsync(request, ct)|};
                    response.EnsureSuccessStatusCode();
                    pages.Add(await response.Content.ReadAsStringAsync(ct));
                }

                return pages;
            }
        }
        """, Profile(0));

    [Fact]
    public Task ServiceBuildsProfileUrlTwoCallsDeep_ReportsAtCallInLoop() => Verify.VerifyAsync(new[]
    {
        """
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Sourcing.Infrastructure
        {
            public sealed class HtmlDownloader
            {
                private readonly HttpClient _http;

                public HtmlDownloader(HttpClient http) => _http = http;

                public async Task<string> DownloadAsync(string url, CancellationToken ct)
                {
                    using var response = await _http.GetAsync(url, ct);
                    response.EnsureSuccessStatusCode();
                    return await response.Content.ReadAsStringAsync(ct);
                }
            }

            public sealed class LinkedInScraper
            {
                private readonly HtmlDownloader _downloader;

                public LinkedInScraper(HtmlDownloader downloader) => _downloader = downloader;

                public Task<string> FetchProfileAsync(string handle, CancellationToken ct)
                    => _downloader.DownloadAsync($"https://www.linkedin.com/in/{handle}/", ct);
            }
        }
        """,
        """
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Sourcing.Infrastructure;

        namespace Sourcing.Jobs
        {
            public sealed class EnrichCandidatesJob
            {
                private readonly LinkedInScraper _scraper;

                public EnrichCandidatesJob(LinkedInScraper scraper) => _scraper = scraper;

                public async Task RunAsync(IReadOnlyList<string> handles, CancellationToken ct)
                {
                    foreach (var handle in handles)
                    {
                        var html = await {|#0:_scraper.FetchProfileAsync(handle, ct)|};
                        System.Console.WriteLine(html.Length);
                    }
                }
            }
        }
        """,
    }, editorConfig: null, OutputKind.DynamicallyLinkedLibrary, Profile(0));

    [Fact]
    public Task LoopBuildsUrlAndPassesItThroughTwoWrappers_ReportsAtWrapperCall() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        public class ProfileCrawler
        {
            private readonly HttpClient _http;

            public ProfileCrawler(HttpClient http) => _http = http;

            public async Task CrawlAsync(IEnumerable<string> handles)
            {
                foreach (var handle in handles)
                {
                    var html = await {|#0:FetchAsync($"https://www.linkedin.com/in/{handle}")|};
                    Parse(html);
                }
            }

            private Task<string> FetchAsync(string url) => FetchWithRetryAsync(url, 3);

            private async Task<string> FetchWithRetryAsync(string url, int attempts)
            {
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        return await _http.GetStringAsync(url);
                    }
                    catch (HttpRequestException) when (attempt < attempts)
                    {
                        await Task.Delay(500 * attempt);
                    }
                }
            }

            private static void Parse(string html) { }
        }
        """, Profile(0));

    [Fact]
    public Task SelectWithTaskWhenAll_ReportsInsideLambda() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class BulkProfileLoader
        {
            private readonly HttpClient _http;

            public BulkProfileLoader(HttpClient http) => _http = http;

            public async Task<string[]> LoadAsync(IEnumerable<string> handles)
            {
                var tasks = handles.Select(h => {|#0:_http.GetStringAsync($"https://www.linkedin.com/in/{h}")|});
                return await Task.WhenAll(tasks);
            }
        }
        """, Profile(0));

    [Fact]
    public Task ParallelForEachAsyncOverTwitterUsers_Reports() => Verify.VerifyAsync("""
        using System.Collections.Concurrent;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public class TwitterProfileSnapshotter
        {
            private readonly HttpClient _http;

            public TwitterProfileSnapshotter(HttpClient http) => _http = http;

            public async Task<IDictionary<string, string>> SnapshotAsync(IEnumerable<string> usernames, CancellationToken ct)
            {
                var snapshots = new ConcurrentDictionary<string, string>();
                var options = new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct };
                await Parallel.ForEachAsync(usernames, options, async (name, token) =>
                {
                    snapshots[name] = await {|#0:_http.GetStringAsync($"https://twitter.com/{name}", token)|};
                });
                return snapshots;
            }
        }
        """, Profile(0));

    [Fact]
    public Task AwaitForeachOverAsyncHandleStream_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public interface IHandleSource
        {
            IAsyncEnumerable<string> ReadHandlesAsync(CancellationToken ct);
        }

        public sealed class StreamingProfileScraper
        {
            private readonly HttpClient _http;
            private readonly IHandleSource _source;

            public StreamingProfileScraper(HttpClient http, IHandleSource source)
            {
                _http = http;
                _source = source;
            }

            public async Task RunAsync(CancellationToken ct)
            {
                await foreach (var handle in _source.ReadHandlesAsync(ct))
                {
                    var html = await {|#0:_http.GetStringAsync($"https://www.instagram.com/{handle}/", ct)|};
                    System.Console.WriteLine($"{handle}: {html.Length}");
                }
            }
        }
        """, Profile(0));

    [Fact]
    public Task RecordPropertyWithPlaywright_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Playwright;

        public record Candidate(string Name, string Handle);

        public sealed class CandidateEnricher
        {
            private readonly IPage _page;

            public CandidateEnricher(IPage page) => _page = page;

            public async Task<List<string>> HeadlinesAsync(IEnumerable<Candidate> candidates)
            {
                var headlines = new List<string>();
                foreach (var c in candidates)
                {
                    await {|#0:_page.GotoAsync($"https://www.linkedin.com/in/{c.Handle}/")|};
                    headlines.Add(await _page.InnerTextAsync("h1"));
                }

                return headlines;
            }
        }
        """, Profile(0));

    [Fact]
    public Task TopLevelProgramReadingHandlesFromFile_Reports() => Verify.VerifyProgramAsync("""
        using System;
        using System.IO;
        using System.Net.Http;

        using var http = new HttpClient();
        Directory.CreateDirectory("profiles");
        foreach (var line in File.ReadLines("handles.txt"))
        {
            var handle = line.Trim();
            var html = await {|#0:http.GetStringAsync($"https://www.instagram.com/{handle}/")|};
            await File.WriteAllTextAsync(Path.Combine("profiles", handle + ".html"), html);
        }

        Console.WriteLine("done");
        """, Profile(0));

    [Fact]
    public Task SeleniumPageObjectOpenCalledInLoop_ReportsAtPageObjectCall() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using OpenQA.Selenium;

        public sealed class LinkedInProfilePage
        {
            private readonly IWebDriver _driver;

            public LinkedInProfilePage(IWebDriver driver) => _driver = driver;

            public void Open(string handle) => _driver.Navigate().GoToUrl($"https://www.linkedin.com/in/{handle}/");

            public string Headline => _driver.FindElement(By.CssSelector(".text-body-medium")).Text;
        }

        public sealed class ProfileExportRunner
        {
            private readonly LinkedInProfilePage _profilePage;

            public ProfileExportRunner(LinkedInProfilePage profilePage) => _profilePage = profilePage;

            public Dictionary<string, string> Export(IEnumerable<string> handles)
            {
                var headlines = new Dictionary<string, string>();
                foreach (var handle in handles)
                {
                    {|#0:_profilePage.Open(handle)|};
                    headlines[handle] = _profilePage.Headline;
                }

                return headlines;
            }
        }
        """, Profile(0));

    [Fact]
    public Task SeleniumUrlSetterInLoop_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using OpenQA.Selenium;

        public static class FacebookWalker
        {
            public static void Walk(IWebDriver driver, IEnumerable<string> usernames)
            {
                foreach (var username in usernames)
                {
                    {|#0:driver.Url = "https://www.facebook.com/" + username|};
                    System.Console.WriteLine(driver.Title);
                }
            }
        }
        """, Profile(0));

    [Fact]
    public Task PuppeteerFacebookUsernames_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using PuppeteerSharp;

        public class FacebookPageCapture
        {
            public async Task CaptureAsync(IBrowser browser, IReadOnlyList<string> usernames)
            {
                await using var page = await browser.NewPageAsync();
                foreach (var username in usernames)
                {
                    await {|#0:page.GoToAsync($"https://www.facebook.com/{username}")|};
                    await page.ScreenshotAsync($"shots/{username}.png");
                }
            }
        }
        """, Profile(0));

    [Fact]
    public Task ForumMembersPagesOnUnknownHostWithHtmlAgilityPack_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using HtmlAgilityPack;

        public sealed class ForumMemberExtractor
        {
            private readonly HtmlWeb _web = new HtmlWeb();

            public IEnumerable<string> ExtractLocations(int firstId, int lastId)
            {
                for (var id = firstId; id <= lastId; id++)
                {
                    var doc = {|#0:_web.Load($"https://forum.example.org/members/{id}")|};
                    var location = doc.DocumentNode.SelectSingleNode("//dd[@class='location']");
                    if (location != null)
                    {
                        yield return location.InnerText.Trim();
                    }
                }
            }
        }
        """, Profile(0));

    [Fact]
    public Task GenericUsersPathOnConfiguredBaseUrl_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using AngleSharp;

        public sealed class CommunityScraper
        {
            private readonly string _baseUrl;
            private readonly IBrowsingContext _context = BrowsingContext.New(Configuration.Default.WithDefaultLoader());

            public CommunityScraper(string baseUrl) => _baseUrl = baseUrl.TrimEnd('/');

            public async Task<List<string>> BiosAsync(IEnumerable<int> userIds, CancellationToken ct)
            {
                var bios = new List<string>();
                foreach (var id in userIds)
                {
                    var document = await {|#0:_context.OpenAsync($"{_baseUrl}/users/{id}", ct)|};
                    bios.Add(document.QuerySelector(".bio")?.TextContent ?? "");
                }

                return bios;
            }
        }
        """, Profile(0));

    [Fact]
    public Task GenericUPathAndAtPathOnUnknownHosts_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Microsoft.Playwright;

        public sealed class CommunityMentionsScraper
        {
            private readonly IPage _page;

            public CommunityMentionsScraper(IPage page) => _page = page;

            public async Task<List<string>> BiosAsync(IReadOnlyList<string> redditors, IReadOnlyList<string> fediverseAccounts)
            {
                var bios = new List<string>();
                foreach (var name in redditors)
                {
                    await {|#0:_page.GotoAsync($"https://old.reddit.com/u/{name}")|};
                    bios.Add(await _page.InnerTextAsync(".titlebox"));
                }

                for (var i = 0; i < fediverseAccounts.Count; i++)
                {
                    await {|#1:_page.GotoAsync("https://mastodon.example.social/@" + fediverseAccounts[i])|};
                    bios.Add(await _page.InnerTextAsync(".account__header__content"));
                }

                return bios;
            }
        }
        """, Profile(0), Profile(1));

    [Fact]
    public Task ProfilePathWithDoWhileOverDiscoveredIds_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Text.RegularExpressions;
        using System.Threading.Tasks;

        public sealed class MemberDirectoryWalker
        {
            private readonly HttpClient _http;

            public MemberDirectoryWalker(HttpClient http) => _http = http;

            public async Task<List<string>> WalkAsync(string firstId)
            {
                var pages = new List<string>();
                var pending = new Stack<string>();
                pending.Push(firstId);
                do
                {
                    var id = pending.Pop();
                    var html = await {|#0:_http.GetStringAsync($"https://directory.example-alumni.org/profile/{id}")|};
                    pages.Add(html);
                    foreach (var next in Regex.Matches(html, "data-member=\"(\\d+)\"").Select(m => m.Groups[1].Value))
                    {
                        pending.Push(next);
                    }
                }
                while (pending.Count > 0 && pages.Count < 500);

                return pages;
            }
        }
        """, Profile(0));

    [Fact]
    public Task FlurlTikTokAtHandleChain_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Flurl;
        using Flurl.Http;

        public class TikTokBioScraper
        {
            public async Task<List<string>> ScrapeAsync(IEnumerable<string> handles)
            {
                var pages = new List<string>();
                foreach (var h in handles)
                {
                    pages.Add(await {|#0:"https://www.tiktok.com".AppendPathSegment("@" + h).GetStringAsync()|});
                }

                return pages;
            }
        }
        """, Profile(0));

    [Fact]
    public Task ExtraPathAfterProfileHole_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class ExperienceHarvester
        {
            private readonly HttpClient _http;

            public ExperienceHarvester(HttpClient http) => _http = http;

            public async Task HarvestAsync(IEnumerable<string> handles, CancellationToken ct)
            {
                foreach (var h in handles)
                {
                    var experience = await {|#0:_http.GetStringAsync($"https://www.linkedin.com/in/{h}/details/experience/", ct)|};
                    System.Console.WriteLine(experience.Length);
                }
            }
        }
        """, Profile(0));

    [Fact]
    public Task YouTubeChannelHandlesInWhileLoopDrainingQueue_Reports() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class ChannelQueueWorker
        {
            private readonly HttpClient _http;
            private readonly Queue<string> _pending = new Queue<string>();

            public ChannelQueueWorker(HttpClient http) => _http = http;

            public void Enqueue(string channelHandle) => _pending.Enqueue(channelHandle);

            public async Task DrainAsync()
            {
                while (_pending.TryDequeue(out var channelHandle))
                {
                    var html = await {|#0:_http.GetStringAsync("https://www.youtube.com/@" + channelHandle + "/about")|};
                    System.Console.WriteLine(html.Length);
                }
            }
        }
        """, Profile(0));

    [Fact]
    public Task ProfileNamedUrlsTakenFromLinkedInSearchPage_Reports() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Text.RegularExpressions;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class LinkedInSearchHarvester
        {
            private const string SearchUrl = "https://www.linkedin.com/search/results/people/?keywords=";
            private readonly HttpClient _http;

            public LinkedInSearchHarvester(HttpClient http) => _http = http;

            public async Task<List<string>> HarvestAsync(string keywords, CancellationToken ct)
            {
                var searchHtml = await _http.GetStringAsync(SearchUrl + Uri.EscapeDataString(keywords), ct);
                var profileUrls = Regex.Matches(searchHtml, "href=\"(https://www\\.linkedin\\.com/in/[^\"?]+)")
                    .Select(m => m.Groups[1].Value)
                    .Distinct()
                    .ToList();

                var pages = new List<string>();
                foreach (var profileUrl in profileUrls)
                {
                    pages.Add(await {|#0:_http.GetStringAsync(profileUrl, ct)|});
                }

                return pages;
            }
        }
        """, Profile(0));

    [Fact]
    public Task RecursiveCrawlOfPeopleAlsoViewedLinks_ReportsAtRecursiveCall() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;
        using HtmlAgilityPack;

        public sealed class PeopleAlsoViewedCrawler
        {
            private const string ProfilePrefix = "https://www.linkedin.com/in/";
            private readonly HttpClient _http;
            private readonly HashSet<string> _seen = new HashSet<string>();

            public PeopleAlsoViewedCrawler(HttpClient http) => _http = http;

            public async Task VisitAsync(string profileUrl, int depth)
            {
                if (depth > 3 || !_seen.Add(profileUrl))
                {
                    return;
                }

                var doc = new HtmlDocument();
                doc.LoadHtml(await _http.GetStringAsync(profileUrl));
                var related = doc.DocumentNode.SelectNodes("//a[@href]")?
                    .Select(a => a.GetAttributeValue("href", ""))
                    .Where(href => href.StartsWith(ProfilePrefix))
                    .ToList() ?? new List<string>();

                foreach (var relatedProfileUrl in related)
                {
                    await {|#0:VisitAsync(relatedProfileUrl, depth + 1)|};
                }
            }
        }
        """, Profile(0));

    [Fact]
    public Task CustomProfileUrlPatternOption_Reports() => Verify.VerifyAsync(
        PeopleDirectorySource.Replace("REQUEST", "{|#0:_http.GetStringAsync($\"https://example.com/people-directory/{slug}\", ct)|}"),
        "scrapelint.profile_url_patterns = example.com/people-directory/{}",
        Profile(0));

    #endregion

    #region Stays silent

    [Fact]
    public Task CustomProfileUrlPatternNotConfigured_IsSilent() => Verify.VerifyAsync(
        PeopleDirectorySource.Replace("REQUEST", "_http.GetStringAsync($\"https://example.com/people-directory/{slug}\", ct)"));

    [Fact]
    public Task SingleProfileRequestOutsideLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class CompanyFounderCard
        {
            private readonly HttpClient _http;

            public CompanyFounderCard(HttpClient http) => _http = http;

            public Task<string> LoadAsync(CancellationToken ct)
                => _http.GetStringAsync("https://www.linkedin.com/in/satyanadella/", ct);
        }
        """);

    [Fact]
    public Task SinglePollOfFixedProfileUrl_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class OwnProfileUptimeWatcher
        {
            private const string OurCompanyPage = "https://www.linkedin.com/in/acme-official/";
            private readonly HttpClient _http;

            public OwnProfileUptimeWatcher(HttpClient http) => _http = http;

            public async Task WatchAsync(CancellationToken ct)
            {
                while (!ct.IsCancellationRequested)
                {
                    using var response = await _http.GetAsync(OurCompanyPage, ct);
                    Console.WriteLine($"{DateTime.UtcNow:O} {(int)response.StatusCode}");
                    await Task.Delay(TimeSpan.FromMinutes(10), ct);
                }
            }
        }
        """);

    [Fact]
    public Task LinkedInOfficialApiPeopleEndpointInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class LinkedInApiClient
        {
            private readonly HttpClient _http;

            public LinkedInApiClient(HttpClient http) => _http = http;

            public async Task<List<string>> GetMembersAsync(IEnumerable<string> personIds, CancellationToken ct)
            {
                var members = new List<string>();
                foreach (var personId in personIds)
                {
                    members.Add(await _http.GetStringAsync($"https://api.linkedin.com/v2/people/(id:{personId})", ct));
                }

                return members;
            }
        }
        """);

    [Fact]
    public Task GitHubApiUsersInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;

        public record GitHubUser(string Login, string Name, int Followers);

        public sealed class ContributorStats
        {
            private readonly HttpClient _github;

            public ContributorStats(HttpClient github) => _github = github;

            public async Task<int> TotalFollowersAsync(IEnumerable<string> logins, CancellationToken ct)
            {
                var total = 0;
                foreach (var login in logins)
                {
                    var user = await _github.GetFromJsonAsync<GitHubUser>($"https://api.github.com/users/{login}", ct);
                    total += user?.Followers ?? 0;
                }

                return total;
            }
        }
        """);

    [Fact]
    public Task GraphFacebookIdsInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Linq;
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class PageInsightsClient
        {
            private readonly HttpClient _http;
            private readonly string _accessToken;

            public PageInsightsClient(HttpClient http, string accessToken)
            {
                _http = http;
                _accessToken = accessToken;
            }

            public Task<string[]> GetPagesAsync(IEnumerable<string> pageIds)
                => Task.WhenAll(pageIds.Select(id =>
                    _http.GetStringAsync($"https://graph.facebook.com/v19.0/{id}?fields=name,fan_count&access_token={_accessToken}")));
        }
        """);

    [Fact]
    public Task LocalhostUsersEndpointInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class SeedDataVerifier
        {
            private readonly HttpClient _http = new HttpClient();

            public async Task VerifyAsync(int userCount)
            {
                for (var id = 1; id <= userCount; id++)
                {
                    using var response = await _http.GetAsync($"http://localhost:5080/users/{id}");
                    response.EnsureSuccessStatusCode();
                }
            }
        }
        """);

    [Fact]
    public Task AllowedDomainsOptionCoversForumHost_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using HtmlAgilityPack;

        public sealed class OwnForumModerationExport
        {
            private readonly HtmlWeb _web = new HtmlWeb();

            public IEnumerable<HtmlDocument> Export(IEnumerable<int> memberIds)
            {
                foreach (var id in memberIds)
                {
                    yield return _web.Load($"https://forum.example.org/members/{id}");
                }
            }
        }
        """, "scrapelint.allowed_domains = example.org");

    [Fact]
    public Task ApiHostsOptionAddsPartnerApi_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;

        public record PartnerUser(string Id, string Email);

        public sealed class PartnerDirectorySync
        {
            private readonly HttpClient _http;

            public PartnerDirectorySync(HttpClient http) => _http = http;

            public async Task<List<PartnerUser>> SyncAsync(IEnumerable<string> ids, CancellationToken ct)
            {
                var users = new List<PartnerUser>();
                foreach (var id in ids)
                {
                    var user = await _http.GetFromJsonAsync<PartnerUser>($"https://directory.partner.example/users/{id}", ct);
                    if (user != null) users.Add(user);
                }

                return users;
            }
        }
        """, "scrapelint.api_hosts = directory.partner.example");

    [Fact]
    public Task ProductPagesInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class PriceMonitor
        {
            private readonly HttpClient _http;

            public PriceMonitor(HttpClient http) => _http = http;

            public async Task<Dictionary<string, int>> PageSizesAsync(IEnumerable<string> skus, CancellationToken ct)
            {
                var sizes = new Dictionary<string, int>();
                foreach (var sku in skus)
                {
                    var html = await _http.GetStringAsync($"https://shop.example.com/products/{sku}", ct);
                    sizes[sku] = html.Length;
                }

                return sizes;
            }
        }
        """);

    [Fact]
    public Task ProfileLinksBuiltForDisplayButNeverRequested_IsSilent() => Verify.VerifyAsync("""
        using System;
        using System.Collections.Generic;

        public record TeamMember(string Name, string LinkedInHandle);

        public static class TeamPageViewModel
        {
            public static List<string> BuildLinks(IEnumerable<TeamMember> members)
            {
                var links = new List<string>();
                foreach (var member in members)
                {
                    var link = $"https://www.linkedin.com/in/{member.LinkedInHandle}";
                    Console.WriteLine($"{member.Name}: {link}");
                    links.Add(link);
                }

                return links;
            }
        }
        """);

    [Fact]
    public Task SitemapOfOwnMemberPages_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.IO;

        public static class SitemapWriter
        {
            public static void Write(string path, IEnumerable<string> memberSlugs)
            {
                using var writer = new StreamWriter(path);
                writer.WriteLine("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">");
                foreach (var slug in memberSlugs)
                {
                    writer.WriteLine($"  <url><loc>https://community.example.com/members/{slug}</loc></url>");
                }

                writer.WriteLine("</urlset>");
            }
        }
        """);

    [Fact]
    public Task EmployeeNamedValuesWithoutSocialHost_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading;
        using System.Threading.Tasks;

        public record Employee(string Id, string DirectoryUrl);
        public record EmployeeRecord(string Id, string Department);

        public sealed class HrDirectorySync
        {
            private readonly HttpClient _hr;

            public HrDirectorySync(HttpClient hr) => _hr = hr;

            public async Task<List<EmployeeRecord>> SyncAsync(IEnumerable<Employee> employees, CancellationToken ct)
            {
                var records = new List<EmployeeRecord>();
                foreach (var employee in employees)
                {
                    var record = await _hr.GetFromJsonAsync<EmployeeRecord>(employee.DirectoryUrl, ct);
                    if (record != null) records.Add(record);
                }

                return records;
            }
        }
        """);

    [Fact]
    public Task UnitTestWithMockedHandler_IsSilent() => Verify.VerifyAsync("""
        using System.Net;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Sourcing.Tests
        {
            public sealed class CannedHtmlHandler : HttpMessageHandler
            {
                protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
                    => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
                    {
                        Content = new StringContent("<html><h1>" + request.RequestUri!.Segments[^1] + "</h1></html>"),
                    });
            }

            public class ProfileParserTests
            {
                public async Task ParsesHeadlineForEveryFixture()
                {
                    using var http = new HttpClient(new CannedHtmlHandler());
                    foreach (var handle in new[] { "alice", "bob", "carol" })
                    {
                        var html = await http.GetStringAsync($"https://www.linkedin.com/in/{handle}");
                        if (!html.Contains(handle)) throw new System.Exception("fixture mismatch");
                    }
                }
            }
        }
        """);

    [Fact]
    public Task GraphApiUsersPaginationWithNextLink_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json.Serialization;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class GraphUserPage
        {
            [JsonPropertyName("value")] public List<GraphUser> Value { get; set; } = new List<GraphUser>();
            [JsonPropertyName("@odata.nextLink")] public string NextLink { get; set; }
        }

        public sealed class GraphUser
        {
            public string Id { get; set; }
            public string DisplayName { get; set; }
        }

        public sealed class TenantUserExport
        {
            private readonly HttpClient _graph;

            public TenantUserExport(HttpClient graph) => _graph = graph;

            public async Task<List<GraphUser>> ExportAsync(CancellationToken ct)
            {
                var users = new List<GraphUser>();
                var next = "https://graph.microsoft.com/v1.0/users?$top=100";
                while (next != null)
                {
                    var page = await _graph.GetFromJsonAsync<GraphUserPage>(next, ct);
                    users.AddRange(page.Value);
                    next = page.NextLink;
                }

                return users;
            }
        }
        """);

    [Fact]
    public Task GitHubFollowersApiPaginationWithCounter_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        public record Follower(string Login);

        public sealed class FollowerCounter
        {
            private readonly HttpClient _http;

            public FollowerCounter(HttpClient http) => _http = http;

            public async Task<int> CountAsync(string login)
            {
                var count = 0;
                for (var page = 1; ; page++)
                {
                    var batch = await _http.GetFromJsonAsync<List<Follower>>($"https://api.github.com/users/{login}/followers?per_page=100&page={page}");
                    if (batch == null || batch.Count == 0) return count;
                    count += batch.Count;
                }
            }
        }
        """);

    [Fact]
    public Task HealthChecksOfOwnServicesInLoop_IsSilent() => Verify.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public record ServiceEndpoint(string Name, string BaseUrl);

        public sealed class HealthProbe
        {
            private readonly HttpClient _http;

            public HealthProbe(HttpClient http) => _http = http;

            public async Task<Dictionary<string, bool>> ProbeAsync(IEnumerable<ServiceEndpoint> services, CancellationToken ct)
            {
                var status = new Dictionary<string, bool>();
                foreach (var service in services)
                {
                    using var response = await _http.GetAsync($"{service.BaseUrl}/health", ct);
                    status[service.Name] = response.IsSuccessStatusCode;
                }

                return status;
            }
        }
        """);

    [Fact]
    public Task LinkedInJobSearchPagination_IsSilent() => Verify.VerifyAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public sealed class JobBoardCounter
        {
            private readonly HttpClient _http;

            public JobBoardCounter(HttpClient http) => _http = http;

            public async Task<int> CountAsync()
            {
                var total = 0;
                for (var start = 0; start < 100; start += 25)
                {
                    var html = await _http.GetStringAsync($"https://www.linkedin.com/jobs/search/?keywords=dotnet&start={start}");
                    total += html.Length;
                }

                return total;
            }
        }
        """);

    #endregion

    private const string PeopleDirectorySource = """
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        public sealed class DirectoryMirror
        {
            private readonly HttpClient _http;

            public DirectoryMirror(HttpClient http) => _http = http;

            public async Task<List<string>> MirrorAsync(IEnumerable<string> slugs, CancellationToken ct)
            {
                var pages = new List<string>();
                foreach (var slug in slugs)
                {
                    pages.Add(await REQUEST);
                }

                return pages;
            }
        }
        """;
}
