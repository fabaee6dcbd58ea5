using Microsoft.CodeAnalysis.Testing;
using Verify = ScrapeLint.Tests.Verifiers.RuleVerifier<ScrapeLint.Rules.EvasionAnalyzer>;

namespace ScrapeLint.Tests.Rules;

public class SL3005AutomatedLoginTests
{
    private const string Id = "SL3005";

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using OpenQA.Selenium;
        using Flurl.Http;

        """;

    public static TheoryData<string> Positives => new()
    {
        // Selenium on LinkedIn's login page, credentials from the environment.
        """
        public class LinkedInSession
        {
            public void SignIn(IWebDriver driver)
            {
                driver.Navigate().GoToUrl("https://www.linkedin.com/login");
                driver.FindElement(By.Id("username")).SendKeys(Environment.GetEnvironmentVariable("LI_USER"));
                {|#0:driver.FindElement(By.Id("password")).SendKeys(Environment.GetEnvironmentVariable("LI_PASSWORD"))|};
                driver.FindElement(By.XPath("//button[@type='submit']")).Click();
            }
        }
        """,
        // Puppeteer on Instagram, selectors on the page.
        """
        public class InstagramBot
        {
            public async Task LoginAsync(PuppeteerSharp.IPage page, string user, string password)
            {
                await page.GoToAsync("https://www.instagram.com/accounts/login/");
                await page.TypeAsync("input[name='username']", user);
                await {|#0:page.TypeAsync("input[name='password']", password)|};
                await page.ClickAsync("button[type='submit']");
            }
        }
        """,
        // Playwright on Facebook, locators held in locals, Enter pressed.
        """
        public class FacebookGroups
        {
            private const string Secret = "hunter2";
            public async Task LoginAsync(Microsoft.Playwright.IPage page, string email)
            {
                await page.GotoAsync("https://www.facebook.com/");
                var emailBox = page.Locator("#email");
                var passBox = page.Locator("#pass");
                await emailBox.FillAsync(email);
                await {|#0:passBox.FillAsync(Secret)|};
                await page.Keyboard.PressAsync("Enter");
            }
        }
        """,
        // A page object: the login page opened in one member, filled in another.
        """
        public class XLoginPage
        {
            private readonly IWebDriver driver;
            public XLoginPage(IWebDriver driver) { this.driver = driver; }
            public void Open() => driver.Navigate().GoToUrl("https://x.com/i/flow/login");
            public void Submit(string handle, string password)
            {
                driver.FindElement(By.Name("text")).SendKeys(handle);
                var field = driver.FindElement(By.CssSelector("input[type=password]"));
                {|#0:field.SendKeys(password)|};
                field.SendKeys(Keys.Enter);
            }
        }
        """,
        // A form posted to Instagram's login endpoint.
        """
        public class InstagramApi
        {
            private readonly HttpClient http = new HttpClient();
            public Task<HttpResponseMessage> LoginAsync(string user, string password)
                => {|#0:http.PostAsync("https://www.instagram.com/accounts/login/ajax/", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["enc_password"] = password }))|};
        }
        """,
        // A request message with a list of pairs, sent to Facebook's mobile login.
        """
        public class MobileFacebook
        {
            public Task<HttpResponseMessage> LoginAsync(HttpClient http, string email, string password)
            {
                var form = new FormUrlEncodedContent(new[] { new KeyValuePair<string, string>("email", email), new KeyValuePair<string, string>("pass", password) });
                var request = new HttpRequestMessage(HttpMethod.Post, "https://m.facebook.com/login.php") { Content = form };
                return {|#0:http.SendAsync(request)|};
            }
        }
        """,
        // Flurl with an anonymous form.
        """
        public class LinkedInHttp
        {
            public Task<IFlurlResponse> LoginAsync(string user, string pass)
                => {|#0:"https://www.linkedin.com/checkpoint/lg/login-submit".PostUrlEncodedAsync(new { session_key = user, session_password = pass })|};
        }
        """,
        // One local reused for each field: the password typed into the element the local holds at that point.
        """
        public class LinkedInQuickLogin
        {
            public void Run(IWebDriver driver)
            {
                driver.Navigate().GoToUrl("https://www.linkedin.com/");
                IWebElement element = driver.FindElement(By.Id("login-email"));
                element.SendKeys("someone@example.com");
                element = driver.FindElement(By.Id("login-password"));
                {|#0:element.SendKeys("not-a-real-password")|};
                element = driver.FindElement(By.Id("login-submit"));
                element.Submit();
            }
        }
        """,
    };

    public static TheoryData<string> Silent => new()
    {
        // The password grant against an official API host.
        """
        public class TwitterApp
        {
            public Task<HttpResponseMessage> TokenAsync(HttpClient http, string user, string password)
                => http.PostAsync("https://api.twitter.com/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = user, ["password"] = password }));
        }
        """,
        // The project's own site, in a browser and over HTTP.
        """
        public class Backoffice
        {
            public void SignIn(IWebDriver driver, string user, string password)
            {
                driver.Navigate().GoToUrl("https://admin.acme.example/login");
                driver.FindElement(By.Id("username")).SendKeys(user);
                driver.FindElement(By.Id("password")).SendKeys(password);
                driver.FindElement(By.Id("submit")).Click();
            }
            public Task<HttpResponseMessage> ApiLoginAsync(HttpClient http, string user, string password)
                => http.PostAsync("https://acme.example/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["password"] = password }));
        }
        """,
        // A test of the project's LinkedIn integration.
        """
        public class LinkedInLoginTests
        {
            [Xunit.Fact]
            public void SignsIn()
            {
                IWebDriver driver = null!;
                driver.Navigate().GoToUrl("https://www.linkedin.com/login");
                driver.FindElement(By.Id("username")).SendKeys("qa@acme.example");
                driver.FindElement(By.Id("password")).SendKeys("qa-password");
                driver.FindElement(By.Id("submit")).Click();
            }
        }
        """,
        // Typing into a platform's search box is no login.
        """
        public class Search
        {
            public async Task FindAsync(PuppeteerSharp.IPage page, string query)
            {
                await page.GoToAsync("https://www.linkedin.com/search/results/people/");
                await page.TypeAsync("input.search-global-typeahead__input", query);
                await page.ClickAsync("button.search-global-typeahead__button");
            }
        }
        """,
        // The platform's OAuth dialog.
        """
        public class Consent
        {
            public async Task AuthorizeAsync(Microsoft.Playwright.IPage page, string email, string password)
            {
                await page.GotoAsync("https://www.facebook.com/v19.0/dialog/oauth?client_id=1&redirect_uri=https://acme.example/cb");
                await page.FillAsync("#email", email);
                await page.FillAsync("#pass", password);
                await page.ClickAsync("#loginbutton");
            }
        }
        """,
        // A form posted to the platform without a password (a search form).
        """
        public class Lookup
        {
            public Task<HttpResponseMessage> FindAsync(HttpClient http, string user)
                => http.PostAsync("https://www.instagram.com/web/search/", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = user, ["passthrough"] = "1" }));
        }
        """,
        // One local reused for each field of a search form on the platform: nothing is a password field.
        """
        public class LinkedInSearchForm
        {
            public void Run(IWebDriver driver)
            {
                driver.Navigate().GoToUrl("https://www.linkedin.com/jobs/");
                IWebElement element = driver.FindElement(By.Id("keywords"));
                element.SendKeys("engineer");
                element = driver.FindElement(By.Id("location"));
                element.SendKeys("Berlin");
                element = driver.FindElement(By.Id("search-submit"));
                element.Submit();
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public Task LoginToAPlatformIsReported(string source)
        => Verify.VerifyAsync(Id, Usings + source, Verify.Diagnostic(Id).WithLocation(0));

    [Theory]
    [MemberData(nameof(Silent))]
    public Task OAuthOwnSiteTestsAndOtherFormsAreSilent(string source)
        => Verify.VerifyAsync(Id, Usings + source);

    [Fact]
    public Task MessageNamesThePlatformAndWhereTheCredentialsComeFrom()
        => Verify.VerifyAsync(Id, Usings + """
            public class LinkedInSession
            {
                public void SignIn(IWebDriver driver)
                {
                    driver.Navigate().GoToUrl("https://www.linkedin.com/login");
                    driver.FindElement(By.Id("username")).SendKeys(Environment.GetEnvironmentVariable("LI_USER"));
                    {|#0:driver.FindElement(By.Id("password")).SendKeys(Environment.GetEnvironmentVariable("LI_PASSWORD"))|};
                    driver.FindElement(By.Id("login")).Submit();
                }
            }
            """,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("Browser automation", "environment variable 'LI_PASSWORD'", "linkedin.com", "https://www.linkedin.com/login"));
}
