using Microsoft.CodeAnalysis.Testing;
using Verify = ScrapeLint.Tests.Verifiers.RuleVerifier<ScrapeLint.Rules.EvasionAnalyzer>;

namespace ScrapeLint.Tests.Rules;

public class SL3003CaptchaOrBotEvasionTests
{
    private const string Id = "SL3003";

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        """;

    public static TheoryData<string> Positives => new()
    {
        // 2captcha's client.
        """
        public class CaptchaSolver
        {
            private readonly TwoCaptcha.TwoCaptcha solver = new TwoCaptcha.TwoCaptcha("API_KEY");
            public async Task<string?> SolveAsync(string siteKey, string pageUrl)
            {
                var captcha = new TwoCaptcha.Captcha.ReCaptcha();
                captcha.SetSiteKey(siteKey);
                captcha.SetUrl(pageUrl);
                await {|#0:solver.Solve(captcha)|};
                return captcha.Code;
            }
        }
        """,
        // CapMonster Cloud through DI.
        """
        public class CapMonsterGate
        {
            private readonly Zennolab.CapMonsterCloud.ICapMonsterCloudClient client;
            public CapMonsterGate(Zennolab.CapMonsterCloud.ICapMonsterCloudClient client) { this.client = client; }
            public async Task<string?> TokenAsync(string url, string key)
            {
                var result = await {|#0:client.SolveAsync(new Zennolab.CapMonsterCloud.Requests.RecaptchaV2Request { WebsiteUrl = url, WebsiteKey = key })|};
                return result.Solution?.Value;
            }
        }
        """,
        // 2captcha's HTTP API through a constant.
        """
        public class RawTwoCaptcha
        {
            private const string SubmitUrl = "https://2captcha.com/in.php";
            private readonly HttpClient http = new HttpClient();
            public Task<HttpResponseMessage> SubmitAsync(string key, string siteKey, string pageUrl)
                => {|#0:http.PostAsync(SubmitUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = key, ["method"] = "userrecaptcha", ["googlekey"] = siteKey, ["pageurl"] = pageUrl }))|};
        }
        """,
        // Anti-captcha with a BaseAddress.
        """
        public class AntiCaptchaClient
        {
            private readonly HttpClient http = new HttpClient { BaseAddress = new Uri("https://api.anti-captcha.com/") };
            public Task<string> BalanceAsync() => {|#0:http.GetStringAsync("getBalance")|};
        }
        """,
        // Stealth plugin.
        """
        public class StealthBrowser
        {
            public Task<PuppeteerSharp.IBrowser> LaunchAsync()
            {
                var extra = new PuppeteerExtraSharp.PuppeteerExtra();
                extra.Use({|#0:new PuppeteerExtraSharp.Plugins.ExtraStealth.StealthPlugin()|});
                return extra.LaunchAsync(new PuppeteerSharp.LaunchOptions { Headless = true });
            }
        }
        """,
        // reCAPTCHA plugin.
        """
        public class RecaptchaBrowser
        {
            public PuppeteerExtraSharp.PuppeteerExtra Create(string key)
                => new PuppeteerExtraSharp.PuppeteerExtra().Use({|#0:new PuppeteerExtraSharp.Plugins.Recaptcha.RecaptchaPlugin(new PuppeteerExtraSharp.Plugins.Recaptcha.Provider.AntiCaptcha.AntiCaptcha(key))|});
        }
        """,
        // Selenium AutomationControlled switch.
        """
        public class UndetectedChrome
        {
            public OpenQA.Selenium.Chrome.ChromeOptions Options()
            {
                var options = new OpenQA.Selenium.Chrome.ChromeOptions();
                {|#0:options.AddArgument("--disable-blink-features=AutomationControlled")|};
                return options;
            }
        }
        """,
        // Excluding enable-automation.
        """
        public class NoInfobar
        {
            public OpenQA.Selenium.Chrome.ChromeOptions Options()
            {
                var options = new OpenQA.Selenium.Chrome.ChromeOptions();
                {|#0:options.AddExcludedArgument("enable-automation")|};
                return options;
            }
        }
        """,
        // Puppeteer launch args from a field.
        """
        public class PuppeteerLauncher
        {
            private static readonly string[] Args = { "--no-sandbox", "--disable-blink-features=AutomationControlled" };
            public Task<PuppeteerSharp.IBrowser> LaunchAsync()
                => PuppeteerSharp.Puppeteer.LaunchAsync(new PuppeteerSharp.LaunchOptions { Headless = true, {|#0:Args = Args|} });
        }
        """,
        // navigator.webdriver override in a Puppeteer init script through a constant.
        """
        public class WebDriverMask
        {
            private const string HideWebDriver = "Object.defineProperty(navigator, 'webdriver', { get: () => undefined });";
            public Task PrepareAsync(PuppeteerSharp.IPage page) => {|#0:page.EvaluateExpressionOnNewDocumentAsync(HideWebDriver)|};
        }
        """,
        // Playwright init script.
        """
        public class PlaywrightMask
        {
            public Task PrepareAsync(Microsoft.Playwright.IBrowserContext context)
                => {|#0:context.AddInitScriptAsync("delete Object.getPrototypeOf(navigator).webdriver")|};
        }
        """,
        // Selenium CDP command with a dictionary.
        """
        public class CdpMask
        {
            public void Prepare(OpenQA.Selenium.Chrome.ChromeDriver driver)
            {
                const string source = "Object.defineProperty(navigator, 'webdriver', {get: () => false})";
                {|#0:driver.ExecuteCdpCommand("Page.addScriptToEvaluateOnNewDocument", new Dictionary<string, object> { ["source"] = source })|};
            }
        }
        """,
    };

    public static TheoryData<string> Silent => new()
    {
        // Detecting a CAPTCHA page and backing off.
        """
        public class CaptchaDetector
        {
            public async Task<string?> FetchAsync(HttpClient http, string url)
            {
                var html = await http.GetStringAsync(url);
                if (html.Contains("g-recaptcha") || html.Contains("captcha")) { return null; }
                return html;
            }
        }
        """,
        // Reading navigator.webdriver (a test asserting automation is visible).
        """
        public class WebDriverProbe
        {
            public Task<bool> IsAutomatedAsync(PuppeteerSharp.IPage page) => page.EvaluateExpressionAsync<bool>("navigator.webdriver === true");
        }
        """,
        // Ordinary headless switches.
        """
        public class HeadlessChrome
        {
            public OpenQA.Selenium.Chrome.ChromeOptions Options()
            {
                var options = new OpenQA.Selenium.Chrome.ChromeOptions();
                options.AddArguments("--headless=new", "--disable-gpu", "--no-sandbox");
                return options;
            }
        }
        """,
        // Excluding an unrelated switch.
        """
        public class QuietLogging
        {
            public OpenQA.Selenium.Chrome.ChromeOptions Options()
            {
                var options = new OpenQA.Selenium.Chrome.ChromeOptions();
                options.AddExcludedArgument("enable-logging");
                return options;
            }
        }
        """,
        // Disabling another blink feature.
        """
        public class NoScrollAnchoring
        {
            public Task<PuppeteerSharp.IBrowser> LaunchAsync()
                => PuppeteerSharp.Puppeteer.LaunchAsync(new PuppeteerSharp.LaunchOptions { Args = new[] { "--disable-blink-features=ScrollAnchoring" } });
        }
        """,
        // A site's own reCAPTCHA verification.
        """
        public class RecaptchaVerifier
        {
            private readonly HttpClient http = new HttpClient();
            public Task<HttpResponseMessage> VerifyAsync(string secret, string token)
                => http.PostAsync("https://www.google.com/recaptcha/api/siteverify", new FormUrlEncodedContent(new Dictionary<string, string> { ["secret"] = secret, ["response"] = token }));
        }
        """,
        // A project method called Solve.
        """
        public class SudokuSolver
        {
            public int[] Solve(int[] grid) => grid;
            public int[] Run(int[] grid) => Solve(grid);
        }
        """,
        // Puppeteer without plugins.
        """
        public class PlainPuppeteer
        {
            public Task<PuppeteerSharp.IBrowser> LaunchAsync() => PuppeteerSharp.Puppeteer.LaunchAsync(new PuppeteerSharp.LaunchOptions { Headless = true });
        }
        """,
        // An init script that sets a test flag.
        """
        public class TestFlags
        {
            public Task PrepareAsync(Microsoft.Playwright.IBrowserContext context) => context.AddInitScriptAsync("window.__E2E__ = true;");
        }
        """,
        // Mentioning 2captcha in a log message.
        """
        public class Docs
        {
            public const string Note = "We never use services like 2captcha.com";
            public string Describe() => Note;
        }
        """,
        // Selenium ExecuteScript reading the page.
        """
        public class TitleReader
        {
            public object Title(OpenQA.Selenium.Chrome.ChromeDriver driver) => driver.ExecuteScript("return document.title");
        }
        """,
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public Task CaptchaSolvingOrEvasionIsReported(string source)
        => Verify.VerifyAsync(Id, Usings + source, Verify.Diagnostic(Id).WithLocation(0));

    [Theory]
    [MemberData(nameof(Silent))]
    public Task DetectionAndOrdinaryAutomationAreSilent(string source)
        => Verify.VerifyAsync(Id, Usings + source);

    [Fact]
    public Task MessageNamesTheService()
        => Verify.VerifyAsync(Id, Usings + """
            public class RawTwoCaptcha
            {
                private readonly HttpClient http = new HttpClient();
                public Task<string> ResultAsync(string key, string id) => {|#0:http.GetStringAsync($"https://2captcha.com/res.php?key={key}&action=get&id={id}")|};
            }
            """,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("A request to the CAPTCHA-solving service '2captcha.com'"));
}
