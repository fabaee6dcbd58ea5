using Microsoft.CodeAnalysis.Testing;
using Verify = ScrapeLint.Tests.Verifiers.RuleVerifier<ScrapeLint.Rules.EvasionAnalyzer>;

namespace ScrapeLint.Tests.Rules;

public class SL3004SocialSessionCookieTests
{
    private const string Id = "SL3004";

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Net;
        using System.Net.Http;
        using System.Threading.Tasks;

        """;

    public static TheoryData<string> Positives => new()
    {
        // li_at in a CookieContainer.
        """
        public class LinkedInSession
        {
            public HttpClient Create(string liAt)
            {
                var cookies = new CookieContainer();
                cookies.Add(new Uri("https://www.linkedin.com"), {|#0:new Cookie("li_at", liAt)|});
                return new HttpClient(new HttpClientHandler { CookieContainer = cookies });
            }
        }
        """,
        // JSESSIONID with LinkedIn's domain.
        """
        public class LinkedInCsrf
        {
            public Cookie Csrf(string token) => {|#0:new Cookie("JSESSIONID", token, "/", ".linkedin.com")|};
        }
        """,
        // Facebook c_user via a constant name.
        """
        public class FacebookSession
        {
            private const string UserCookie = "c_user";
            public void Add(CookieContainer jar, string id) => jar.Add({|#0:new Cookie(UserCookie, id, "/", ".facebook.com")|});
        }
        """,
        // A Cookie header with li_at.
        """
        public class HeaderSession
        {
            public Task<string> FetchAsync(HttpClient http, string token)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "https://www.linkedin.com/voyager/api/me");
                {|#0:request.Headers.Add("Cookie", $"li_at={token}; lang=v=2&lang=en-us")|};
                return http.SendAsync(request).ContinueWith(t => t.Result.StatusCode.ToString());
            }
        }
        """,
        // Instagram sessionid with its host in the same method.
        """
        public class InstagramSession
        {
            public async Task<string> ProfileAsync(string sessionId, string handle)
            {
                var jar = new CookieContainer();
                jar.Add({|#0:new Cookie("sessionid", sessionId) { Domain = ".instagram.com" }|});
                using var http = new HttpClient(new HttpClientHandler { CookieContainer = jar });
                return await http.GetStringAsync($"https://www.instagram.com/{handle}/");
            }
        }
        """,
        // X auth_token through SetCookies.
        """
        public class XSession
        {
            private static readonly Uri Home = new Uri("https://x.com/");
            public void Login(CookieContainer jar, string token) => {|#0:jar.SetCookies(Home, "auth_token=" + token)|};
        }
        """,
        // X ct0 with no host given.
        """
        public class CsrfCookie
        {
            public Cookie Create(string csrf) => {|#0:new Cookie("ct0", csrf)|};
        }
        """,
        // Selenium cookie.
        """
        public class SeleniumLogin
        {
            public void Login(OpenQA.Selenium.IWebDriver driver, string token)
            {
                driver.Navigate().GoToUrl("https://www.linkedin.com/");
                driver.Manage().Cookies.AddCookie({|#0:new OpenQA.Selenium.Cookie("li_at", token, ".linkedin.com", "/", null)|});
            }
        }
        """,
        // Playwright cookies.
        """
        public class PlaywrightLogin
        {
            public Task LoginAsync(Microsoft.Playwright.IBrowserContext context, string xs, string cUser)
                => context.AddCookiesAsync(new[]
                {
                    {|#0:new Microsoft.Playwright.Cookie { Name = "xs", Value = xs, Domain = ".facebook.com", Path = "/" }|},
                    {|#1:new Microsoft.Playwright.Cookie { Name = "c_user", Value = cUser, Domain = ".facebook.com", Path = "/" }|},
                });
        }
        """,
        // Puppeteer cookie.
        """
        public class PuppeteerLogin
        {
            public Task LoginAsync(PuppeteerSharp.IPage page, string sid)
                => page.SetCookieAsync({|#0:new PuppeteerSharp.CookieParam { Name = "sid_tt", Value = sid, Domain = ".tiktok.com" }|});
        }
        """,
        // VK remixsid from a helper.
        """
        public class VkSession
        {
            private static string SessionCookieName() => "remixsid";
            public Cookie Create(string value) => {|#0:new Cookie(SessionCookieName(), value, "/", "vk.com")|};
        }
        """,
    };

    [Fact]
    public Task ContainerUriIsTheCookiesDomainEvenWhenTheTypeNamesOtherHosts()
        => Verify.VerifyAsync(Id, Usings + """
            public class MixedHosts
            {
                private const string Status = "https://status.contoso.example/health";
                public CookieContainer Jar(string token)
                {
                    var jar = new CookieContainer();
                    jar.Add(new Uri("https://www.linkedin.com"), {|#0:new Cookie("JSESSIONID", token)|});
                    return jar;
                }
            }
            """,
            Verify.Diagnostic(Id).WithLocation(0));

    public static TheoryData<string> Silent => new()
    {
        // The site's own session cookie.
        """
        public class OwnSession
        {
            public Cookie Create(string id) => new Cookie("sessionid", id, "/", "shop.contoso.example");
        }
        """,
        // JSESSIONID of a Java backend of the team.
        """
        public class JavaBackend
        {
            public async Task<string> CallAsync(string session)
            {
                var jar = new CookieContainer();
                jar.Add(new Uri("https://billing.internal.example"), new Cookie("JSESSIONID", session));
                using var http = new HttpClient(new HttpClientHandler { CookieContainer = jar });
                return await http.GetStringAsync("https://billing.internal.example/api/invoices");
            }
        }
        """,
        // A generic name and no host anywhere.
        """
        public class GenericSession
        {
            public Cookie Create(string value) => new Cookie("sessionid", value);
        }
        """,
        // auth_token of the team's own API.
        """
        public class OwnAuthToken
        {
            public void Add(HttpRequestMessage request, string token) => request.Headers.Add("Cookie", "auth_token=" + token);
            public Task<HttpResponseMessage> SendAsync(HttpClient http, string token)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "https://api.contoso.example/orders");
                request.Headers.Add("Cookie", "auth_token=" + token);
                return http.SendAsync(request);
            }
        }
        """,
        // Consent cookie on LinkedIn is not a session.
        """
        public class ConsentCookie
        {
            public Cookie Create() => new Cookie("lang", "v=2&lang=en-us", "/", ".linkedin.com");
        }
        """,
        // Reading cookies the server set.
        """
        public class CookieReader
        {
            public string? Session(CookieContainer jar) => jar.GetCookies(new Uri("https://www.linkedin.com"))["li_at"]?.Value;
        }
        """,
        // A test header unrelated to cookies.
        """
        public class TraceHeader
        {
            public void Add(HttpRequestMessage request) => request.Headers.Add("X-Trace", "li_at=none");
        }
        """,
        // Selenium cookie for the own staging site.
        """
        public class StagingLogin
        {
            public void Login(OpenQA.Selenium.IWebDriver driver, string session)
                => driver.Manage().Cookies.AddCookie(new OpenQA.Selenium.Cookie("sessionid", session, "staging.contoso.example", "/", null));
        }
        """,
        // Playwright feature flag cookie.
        """
        public class FeatureFlag
        {
            public Task EnableAsync(Microsoft.Playwright.IBrowserContext context)
                => context.AddCookiesAsync(new[] { new Microsoft.Playwright.Cookie { Name = "beta", Value = "1", Domain = "app.contoso.example", Path = "/" } });
        }
        """,
        // A distinctive name for another site is silent.
        """
        public class Lookalike
        {
            public Cookie Create(string v) => new Cookie("xs", v, "/", "www.contoso.example");
        }
        """,
        // Clearing cookies.
        """
        public class Logout
        {
            public void Clear(OpenQA.Selenium.IWebDriver driver) => driver.Manage().Cookies.DeleteAllCookies();
        }
        """,
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public Task PlatformSessionCookieIsReported(string source)
    {
        var expected = source.Contains("{|#1:", StringComparison.Ordinal)
            ? new[] { Verify.Diagnostic(Id).WithLocation(0), Verify.Diagnostic(Id).WithLocation(1) }
            : new[] { Verify.Diagnostic(Id).WithLocation(0) };
        return Verify.VerifyAsync(Id, Usings + source, expected);
    }

    [Theory]
    [MemberData(nameof(Silent))]
    public Task OwnOrUnrelatedCookieIsSilent(string source)
        => Verify.VerifyAsync(Id, Usings + source);

    [Fact]
    public Task MessageNamesTheCookieAndThePlatform()
        => Verify.VerifyAsync(Id, Usings + """
            public class LinkedInCsrf
            {
                public Cookie Csrf(string token) => {|#0:new Cookie("JSESSIONID", token, "/", ".linkedin.com")|};
            }
            """,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("Session cookie 'JSESSIONID'", "LinkedIn", "a System.Net.Cookie"));

    /// <summary>Issue 18: the header name is compared by its constant value, not its spelling.</summary>
    [Fact]
    public Task CookieHeaderNameSpelledInPartsIsReported()
        => Verify.VerifyAsync(Id, Usings + """
            public class SplitHeaderSession
            {
                private readonly HttpClient http = new HttpClient { BaseAddress = new Uri("https://www.facebook.com/") };
                public Task<string> MeAsync(string user, string xs)
                {
                    {|#0:http.DefaultRequestHeaders.Add(("Coo" + "kie"), $"c_user={user}; xs={xs}")|};
                    return http.GetStringAsync("https://www.facebook.com/me");
                }
            }
            """,
            Verify.Diagnostic(Id).WithLocation(0));

    /// <summary>The Cookie header of an HttpWebRequest or a WebClient (a WebHeaderCollection), by name or by HttpRequestHeader.</summary>
    public static TheoryData<string> WebHeaderCollectionCookies => new()
    {
        """
        public class LegacyFeed
        {
            public WebResponse Me(string user, string xs)
            {
                var web = (HttpWebRequest)WebRequest.Create("https://www.facebook.com/me");
                {|#0:web.Headers["Cookie"] = $"c_user={user}; xs={xs}"|};
                return web.GetResponse();
            }
        }
        """,
        """
        public class ProfileDownloader
        {
            private readonly WebClient client = new WebClient();
            public string Profile(string handle, string session)
            {
                {|#0:client.Headers[HttpRequestHeader.Cookie] = "sessionid=" + session|};
                return client.DownloadString("https://www.instagram.com/" + handle + "/");
            }
        }
        """,
        """
        public class ConnectionsExport
        {
            public string Connections(string token)
            {
                using var client = new WebClient();
                {|#0:client.Headers.Add(HttpRequestHeader.Cookie, "li_at=" + token)|};
                return client.DownloadString("https://www.linkedin.com/mynetwork/invite-connect/connections/");
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(WebHeaderCollectionCookies))]
    public Task SessionCookieInAWebHeaderCollectionIsReported(string source)
        => Verify.VerifyAsync(Id, Usings + source, Verify.Diagnostic(Id).WithLocation(0));

    public static TheoryData<string> SilentWebHeaderCollectionCookies => new()
    {
        // A generic session cookie name sent to the project's own host.
        """
        public class OwnShop
        {
            public WebResponse Me(string session)
            {
                var web = (HttpWebRequest)WebRequest.Create("https://shop.contoso.example/me");
                web.Headers["Cookie"] = $"sessionid={session}";
                return web.GetResponse();
            }
        }
        """,
        // A form's fields in a NameValueCollection that is no header collection.
        """
        public class FormPost
        {
            public byte[] Post(WebClient client, string session)
            {
                var form = new System.Collections.Specialized.NameValueCollection();
                form["Cookie"] = "sessionid=" + session;
                return client.UploadValues("https://www.instagram.com/accounts/login/ajax/", form);
            }
        }
        """,
        // Another header of the collection.
        """
        public class Accepting
        {
            private readonly WebClient client = new WebClient();
            public string Profile(string handle, string session)
            {
                client.Headers[HttpRequestHeader.Accept] = "sessionid=" + session;
                return client.DownloadString("https://www.instagram.com/" + handle + "/");
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(SilentWebHeaderCollectionCookies))]
    public Task OtherCookiesAndCollectionsAreSilent(string source)
        => Verify.VerifyAsync(Id, Usings + source);

    /// <summary>A header name spelled in parts in a collection initializer: nothing else in the entry's text says Cookie.</summary>
    public static TheoryData<string> SplitHeaderNamesAtInitializers => new()
    {
        """
        public class SplitInitializer
        {
            public Task<HttpResponseMessage> MeAsync(HttpClient http, string user, string xs)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "https://www.facebook.com/me")
                {
                    Headers = { {|#0:{ "Coo" + "kie", $"c_user={user}; xs={xs}" }|} },
                };
                return http.SendAsync(request);
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(SplitHeaderNamesAtInitializers))]
    public Task CookieHeaderNameSpelledInPartsInAnInitializerIsReported(string source)
        => Verify.VerifyAsync(Id, Usings + source, Verify.Diagnostic(Id).WithLocation(0));

    public static TheoryData<string> SilentSplitHeaderNames => new()
    {
        // Another header whose name ends in "Cookie".
        """
        public class OtherHeader
        {
            private readonly HttpClient http = new HttpClient { BaseAddress = new Uri("https://www.facebook.com/") };
            public Task<string> MeAsync(string user, string xs)
            {
                http.DefaultRequestHeaders.Add("X-" + "Cookie", $"c_user={user}; xs={xs}");
                return http.GetStringAsync("https://www.facebook.com/me");
            }
        }
        """,
        // The platform's cookie names against a host that is not the platform.
        """
        public class OwnHost
        {
            private readonly HttpClient http = new HttpClient { BaseAddress = new Uri("https://shop.contoso.example/") };
            public Task<string> MeAsync(string session)
            {
                http.DefaultRequestHeaders.Add("Coo" + "kie", $"sessionid={session}");
                return http.GetStringAsync("https://shop.contoso.example/me");
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(SilentSplitHeaderNames))]
    public Task HeaderNameSpelledInPartsIsSilentWhenNotASessionCookie(string source)
        => Verify.VerifyAsync(Id, Usings + source);

    /// <summary>Cookie headers in collection initializers and header dictionaries (issue 16).</summary>
    public static TheoryData<string> CookieHeadersInInitializersAndDictionaries => new()
    {
        // The client's default headers in an initializer.
        """
        public class FeedReader
        {
            private readonly HttpClient http;
            public FeedReader(string session)
            {
                http = new HttpClient { DefaultRequestHeaders = { {|#0:{ "Cookie", "li_at=" + session }|} } };
            }
        }
        """,
        // A request's headers in its initializer.
        """
        public class Timeline
        {
            public Task<HttpResponseMessage> GetAsync(HttpClient http, string url, string cUser, string xs)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { {|#0:{ "Cookie", $"c_user={cUser}; xs={xs}" }|} } };
                return http.SendAsync(request);
            }
        }
        """,
        // A header dictionary copied onto each request.
        """
        public class Session { public Dictionary<string, string> Headers { get; } = new(); }
        public class Pager
        {
            public Task<HttpResponseMessage> GetAsync(HttpClient http, string url, Session session)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, url);
                foreach (var (k, v) in session.Headers) {|#0:request.Headers.TryAddWithoutValidation(k, v)|};
                return http.SendAsync(request);
            }
        }
        public static class SessionFactory
        {
            public static Session From(string token)
            {
                var session = new Session();
                session.Headers.Add("Cookie", "auth_token=" + token + "; ct0=abc");
                return session;
            }
        }
        """,
    };

    public static TheoryData<string> SilentCookieHeadersInInitializersAndDictionaries => new()
    {
        // The project's own session cookie in an initializer.
        """
        public class Backoffice
        {
            private readonly HttpClient http;
            public Backoffice(string session)
            {
                http = new HttpClient { BaseAddress = new Uri("https://admin.acme.example/"), DefaultRequestHeaders = { { "Cookie", "acme_session=" + session } } };
            }
        }
        """,
        // A generic name in a copied dictionary, no platform host anywhere.
        """
        public class Pager
        {
            private readonly Dictionary<string, string> headers = new() { ["Cookie"] = "sessionid=42" };
            public Task<HttpResponseMessage> GetAsync(HttpClient http)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "https://shop.acme.example/orders");
                foreach (var (k, v) in headers) request.Headers.TryAddWithoutValidation(k, v);
                return http.SendAsync(request);
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(CookieHeadersInInitializersAndDictionaries))]
    public Task PlatformCookieHeaderInAnInitializerOrDictionaryIsReported(string source)
        => Verify.VerifyAsync(Id, Usings + source, Verify.Diagnostic(Id).WithLocation(0));

    [Theory]
    [MemberData(nameof(SilentCookieHeadersInInitializersAndDictionaries))]
    public Task OwnCookieHeaderInAnInitializerOrDictionaryIsSilent(string source)
        => Verify.VerifyAsync(Id, Usings + source);

    /// <summary>
    /// Only the elements of a table whose own text has a mention word are looked at (issue 14): the cookie entry among a request's
    /// other headers is still reported, once, and a table of names that only says "cookie" stays silent.
    /// </summary>
    [Fact]
    public Task CookieEntryAmongOtherHeadersIsReportedOnce()
        => Verify.VerifyAsync(Id, Usings + """
            public class FeedTable
            {
                public HttpClient Create(string session) => new HttpClient
                {
                    DefaultRequestHeaders =
                    {
                        { "Accept", "text/html" },
                        { "Accept-Language", "en-US" },
                        {|#0:{ "Cookie", "li_at=" + session }|},
                        { "Referer", "https://www.linkedin.com/feed/" },
                    },
                };
            }
            """, Verify.Diagnostic(Id).WithLocation(0));

    [Fact]
    public Task TableOfNamesThatSayCookieIsSilent()
        => Verify.VerifyAsync(Id, Usings + """
            public static class Emoji
            {
                public static readonly Dictionary<string, string> Map = new()
                {
                    { ":cake:", "\U0001F370" },
                    { ":cookie:", "\U0001F36A" },
                    { ":fortune_cookie:", "\U0001F960" },
                };
                public static Task<string> ProfileAsync(HttpClient http, string user) => http.GetStringAsync("https://www.linkedin.com/in/" + user);
            }
            """);

    /// <summary>Object state and restored jars (issue 16; real-patterns g13).</summary>
    public static TheoryData<string> StateAndRestoredJars => new()
    {
        // g13: a generic name set in the constructor; the platform only in another member's interpolated URL.
        """
        public class PhotoSiteClient
        {
            private readonly HttpClient http;
            public PhotoSiteClient(HttpClient http, string session)
            {
                this.http = http;
                {|#0:this.http.DefaultRequestHeaders.Add("Cookie", $"sessionid={session}")|};
            }
            public Task<string> ProfileHtml(string user) => http.GetStringAsync($"https://www.instagram.com/{user}/");
        }
        """,
        // A generic name in a cookie container; the platform in a URL-building helper of the type.
        """
        public class VoyagerClient
        {
            private readonly CookieContainer jar = new CookieContainer();
            public void SignIn(string jsession) => jar.Add({|#0:new Cookie("JSESSIONID", jsession)|});
            private static string Update(string id) => "https://www.linkedin.com/feed/update/" + id;
        }
        """,
        // Selenium: cookies saved by an earlier run, added back, then the feed opened.
        """
        public class SavedCookie { public string Name { get; set; } = ""; public string Value { get; set; } = ""; }
        public class FeedReader
        {
            public void Open(OpenQA.Selenium.IWebDriver driver)
            {
                driver.Navigate().GoToUrl("https://www.linkedin.com/");
                foreach (var saved in System.Text.Json.JsonSerializer.Deserialize<List<SavedCookie>>(File.ReadAllText("cookies.json"))!)
                    {|#0:driver.Manage().Cookies.AddCookie(new OpenQA.Selenium.Cookie(saved.Name, saved.Value))|};
                driver.Navigate().GoToUrl("https://www.linkedin.com/feed/");
            }
        }
        """,
        // Playwright: a saved storage state.
        """
        public class Stories
        {
            public async Task OpenAsync(Microsoft.Playwright.IBrowser browser)
            {
                var context = await browser.NewContextAsync(new Microsoft.Playwright.BrowserNewContextOptions { {|#0:StorageStatePath = "instagram-state.json"|} });
                var page = await context.NewPageAsync();
                await page.GotoAsync("https://www.instagram.com/stories/");
            }
        }
        """,
        // Puppeteer: cookies loaded by a helper of the type.
        """
        public class TikTokSession
        {
            private static PuppeteerSharp.CookieParam[] Load(string path) => System.Text.Json.JsonSerializer.Deserialize<PuppeteerSharp.CookieParam[]>(File.ReadAllText(path))!;
            public async Task OpenAsync(PuppeteerSharp.IPage page)
            {
                await {|#0:page.SetCookieAsync(Load("tiktok.json"))|};
                await page.GoToAsync("https://www.tiktok.com/foryou");
            }
        }
        """,
    };

    public static TheoryData<string> SilentStateAndJars => new()
    {
        // A generic name for the project's own host, named in another member.
        """
        public class ShopClient
        {
            private readonly HttpClient http;
            public ShopClient(HttpClient http, string session)
            {
                this.http = http;
                this.http.DefaultRequestHeaders.Add("Cookie", $"sessionid={session}");
            }
            public Task<string> Orders() => http.GetStringAsync("https://shop.acme.example/orders");
        }
        """,
        // A restored jar for the project's own site.
        """
        public class SavedCookie { public string Name { get; set; } = ""; public string Value { get; set; } = ""; }
        public class Dashboard
        {
            public void Open(OpenQA.Selenium.IWebDriver driver)
            {
                foreach (var saved in System.Text.Json.JsonSerializer.Deserialize<List<SavedCookie>>(File.ReadAllText("cookies.json"))!)
                    driver.Manage().Cookies.AddCookie(new OpenQA.Selenium.Cookie(saved.Name, saved.Value));
                driver.Navigate().GoToUrl("https://admin.acme.example/dashboard");
            }
        }
        """,
        // CSRF tokens the code generates: ct0 and LinkedIn's "ajax:" JSESSIONID.
        """
        public class GuestTokens
        {
            public Cookie Ct0() => new Cookie("ct0", Guid.NewGuid().ToString("N"), "/", ".x.com");
            public void Csrf(HttpRequestMessage request)
            {
                var token = "ajax:" + System.Security.Cryptography.RandomNumberGenerator.GetInt32(1_000_000_000);
                request.Headers.Add("Cookie", "JSESSIONID=" + token);
                request.RequestUri = new Uri("https://www.linkedin.com/voyager/api/me");
            }
        }
        """,
        // Cookies made in the code (consent), added to a browser on the platform.
        """
        public class Consent
        {
            public void Accept(OpenQA.Selenium.IWebDriver driver)
            {
                driver.Navigate().GoToUrl("https://www.youtube.com/");
                driver.Manage().Cookies.AddCookie(new OpenQA.Selenium.Cookie("CONSENT", "YES+1"));
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(StateAndRestoredJars))]
    public Task PlatformCookieFromObjectStateOrARestoredJarIsReported(string source)
        => Verify.VerifyAsync(Id, Usings + "using System.IO;\n" + source, Verify.Diagnostic(Id).WithLocation(0));

    [Theory]
    [MemberData(nameof(SilentStateAndJars))]
    public Task OwnHostRestoredForOwnSiteAndGeneratedTokensAreSilent(string source)
        => Verify.VerifyAsync(Id, Usings + "using System.IO;\n" + source);

    [Fact]
    public Task RestoredJarMessageSaysTheNamesAreNotKnown()
        => Verify.VerifyAsync(Id, Usings + """
            public class Stories
            {
                public async Task OpenAsync(Microsoft.Playwright.IBrowser browser)
                {
                    var context = await browser.NewContextAsync(new Microsoft.Playwright.BrowserNewContextOptions { {|#0:StorageStatePath = "ig.json"|} });
                    await (await context.NewPageAsync()).GotoAsync("https://www.instagram.com/explore/");
                }
            }
            """,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("A saved cookie jar restored from 'ig.json' (its cookie names are not known here)", "Instagram", "the Playwright browser context"));
}
