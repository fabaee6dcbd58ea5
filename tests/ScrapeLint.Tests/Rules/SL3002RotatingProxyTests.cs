using Microsoft.CodeAnalysis.Testing;
using Verify = ScrapeLint.Tests.Verifiers.RuleVerifier<ScrapeLint.Rules.EvasionAnalyzer>;

namespace ScrapeLint.Tests.Rules;

public class SL3002RotatingProxyTests
{
    private const string Id = "SL3002";

    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Net;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;

        """;

    public static TheoryData<string> Positives => new()
    {
        // A new proxy for each URL of the loop.
        """
        public class ProxyLoop
        {
            public async Task RunAsync(IReadOnlyList<string> urls, IReadOnlyList<string> proxies)
            {
                for (var i = 0; i < urls.Count; i++)
                {
                    var handler = new HttpClientHandler { Proxy = {|#0:new WebProxy(proxies[i % proxies.Count])|}, UseProxy = true };
                    using var client = new HttpClient(handler);
                    await client.GetStringAsync(urls[i]);
                }
            }
        }
        """,
        // Picked at random from a list read from a file.
        """
        public class RandomProxy
        {
            private readonly string[] proxies = File.ReadAllLines("proxies.txt");
            private readonly Random random = new Random();
            public HttpClient Create()
            {
                var address = proxies[random.Next(proxies.Length)];
                return new HttpClient(new HttpClientHandler { Proxy = {|#0:new WebProxy(address)|} });
            }
        }
        """,
        // Round-robin through a helper.
        """
        public class ProxyPool
        {
            private readonly List<Uri> pool = new List<Uri> { new Uri("http://10.0.0.1:3128"), new Uri("http://10.0.0.2:3128") };
            private int next;
            private Uri Next() => pool[Interlocked.Increment(ref next) % pool.Count];
            public HttpClientHandler Handler() => new HttpClientHandler { Proxy = {|#0:new WebProxy(Next())|} };
        }
        """,
        // foreach over the proxy list.
        """
        public class ProxyChecker
        {
            public async Task<int> FetchThroughEachAsync(IEnumerable<string> proxyList, string url)
            {
                var ok = 0;
                foreach (var proxy in proxyList)
                {
                    using var client = new HttpClient(new HttpClientHandler { Proxy = {|#0:new WebProxy(proxy, true)|} });
                    if ((await client.GetAsync(url)).IsSuccessStatusCode) ok++;
                }
                return ok;
            }
        }
        """,
        // An IWebProxy chosen from a list and assigned to the handler.
        """
        public class HandlerRotation
        {
            private readonly IList<IWebProxy> proxies;
            public HandlerRotation(IList<IWebProxy> proxies) { this.proxies = proxies; }
            public HttpClientHandler Create(int attempt)
            {
                var handler = new HttpClientHandler();
                {|#0:handler.Proxy = proxies[attempt % proxies.Count]|};
                return handler;
            }
        }
        """,
        // Dequeued from a queue.
        """
        public class QueueProxies
        {
            private readonly Queue<string> proxies = new Queue<string>(new[] { "http://a.proxy:8080", "http://b.proxy:8080" });
            public WebClient Create()
            {
                var proxy = proxies.Dequeue();
                proxies.Enqueue(proxy);
        #pragma warning disable SYSLIB0014
                return new WebClient { Proxy = {|#0:new WebProxy(proxy)|} };
        #pragma warning restore SYSLIB0014
            }
        }
        """,
        // Address built per iteration from host and port.
        """
        public class PortRotation
        {
            public async Task ScrapeAsync(string[] pages)
            {
                for (var port = 8000; port < 8000 + pages.Length; port++)
                {
                    var proxy = {|#0:new WebProxy($"http://gateway.proxyfarm.example:{port}")|};
                    using var client = new HttpClient(new HttpClientHandler { Proxy = proxy });
                    await client.GetStringAsync(pages[port - 8000]);
                }
            }
        }
        """,
        // Selenium --proxy-server picked at random.
        """
        public class SeleniumProxies
        {
            private static readonly string[] Servers = { "203.0.113.10:8080", "203.0.113.11:8080", "203.0.113.12:8080" };
            public OpenQA.Selenium.Chrome.ChromeOptions Options(Random random)
            {
                var options = new OpenQA.Selenium.Chrome.ChromeOptions();
                {|#0:options.AddArgument("--proxy-server=" + Servers[random.Next(Servers.Length)])|};
                return options;
            }
        }
        """,
        // Playwright proxy server per iteration.
        """
        public class PlaywrightProxies
        {
            public async Task RunAsync(Microsoft.Playwright.IBrowserType chromium, List<string> proxies, string url)
            {
                foreach (var server in proxies)
                {
                    await using var browser = await chromium.LaunchAsync(new Microsoft.Playwright.BrowserTypeLaunchOptions { Proxy = new Microsoft.Playwright.Proxy { {|#0:Server = server|} } });
                    var page = await browser.NewPageAsync();
                    await page.GotoAsync(url);
                }
            }
        }
        """,
        // ElementAt with a random index.
        """
        public class ElementAtProxy
        {
            public HttpClientHandler Create(IEnumerable<string> proxies, Random random)
                => new HttpClientHandler { Proxy = {|#0:new WebProxy(proxies.ElementAt(random.Next(proxies.Count())))|} };
        }
        """,
        // WebProxy.Address changed per request.
        """
        public class AddressRotation
        {
            private readonly WebProxy proxy = new WebProxy();
            private readonly string[] endpoints = { "http://p1.example:3128", "http://p2.example:3128" };
            public void Rotate(int request) { {|#0:proxy.Address = new Uri(endpoints[request % endpoints.Length])|}; }
        }
        """,
    };

    public static TheoryData<string> Silent => new()
    {
        // One corporate proxy.
        """
        public class CorporateProxy
        {
            public HttpClient Create() => new HttpClient(new HttpClientHandler { Proxy = new WebProxy("http://proxy.corp.example:8080"), UseProxy = true });
        }
        """,
        // A fixed proxy created inside a loop is still one proxy.
        """
        public class FixedInLoop
        {
            public async Task RunAsync(string[] urls)
            {
                foreach (var url in urls)
                {
                    using var client = new HttpClient(new HttpClientHandler { Proxy = new WebProxy("http://proxy.corp.example:8080") });
                    await client.GetStringAsync(url);
                }
            }
        }
        """,
        // From configuration, once.
        """
        public class ConfiguredProxy
        {
            private readonly string proxyUrl;
            public ConfiguredProxy(Func<string, string> settings) { proxyUrl = settings("Proxy:Url"); }
            public HttpClientHandler Handler() => new HttpClientHandler { Proxy = new WebProxy(proxyUrl) };
        }
        """,
        // The first entry of a list, always.
        """
        public class FirstProxy
        {
            private readonly string[] proxies = { "http://p1.example:3128", "http://p2.example:3128" };
            public HttpClientHandler Handler() => new HttpClientHandler { Proxy = new WebProxy(proxies[0]) };
        }
        """,
        // System default proxy.
        """
        public class SystemProxy
        {
            public HttpClientHandler Handler() => new HttpClientHandler { Proxy = WebRequest.DefaultWebProxy, UseProxy = true };
        }
        """,
        // No proxy at all.
        """
        public class NoProxy
        {
            public HttpClientHandler Handler() => new HttpClientHandler { UseProxy = false, Proxy = null };
        }
        """,
        // Selenium with a single proxy switch.
        """
        public class SeleniumOneProxy
        {
            public OpenQA.Selenium.Chrome.ChromeOptions Options()
            {
                var options = new OpenQA.Selenium.Chrome.ChromeOptions();
                options.AddArgument("--proxy-server=http://proxy.corp.example:8080");
                return options;
            }
        }
        """,
        // Loop over clients with the same injected proxy.
        """
        public class SharedProxyClients
        {
            private readonly IWebProxy proxy;
            public SharedProxyClients(IWebProxy proxy) { this.proxy = proxy; }
            public List<HttpClient> Create(int count)
            {
                var clients = new List<HttpClient>();
                for (var i = 0; i < count; i++)
                {
                    var handler = new HttpClientHandler();
                    handler.Proxy = proxy;
                    clients.Add(new HttpClient(handler));
                }
                return clients;
            }
        }
        """,
        // Bypass list edits are not rotation.
        """
        public class BypassList
        {
            public WebProxy Create(IEnumerable<string> internalHosts)
            {
                var proxy = new WebProxy("http://proxy.corp.example:8080", true);
                foreach (var host in internalHosts) { proxy.BypassArrayList.Add(host); }
                return proxy;
            }
        }
        """,
        // A project type with a Proxy property.
        """
        public class ScrapeJob
        {
            public string Proxy { get; set; } = "";
            public static ScrapeJob For(string[] proxies, int i) => new ScrapeJob { Proxy = proxies[i] };
        }
        """,
        // Playwright with one proxy server.
        """
        public class PlaywrightOneProxy
        {
            public Task<Microsoft.Playwright.IBrowser> LaunchAsync(Microsoft.Playwright.IBrowserType chromium)
                => chromium.LaunchAsync(new Microsoft.Playwright.BrowserTypeLaunchOptions { Proxy = new Microsoft.Playwright.Proxy { Server = "http://proxy.corp.example:8080" } });
        }
        """,
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public Task RotatedProxyIsReported(string source)
        => Verify.VerifyAsync(Id, Usings + source, Verify.Diagnostic(Id).WithLocation(0));

    [Theory]
    [MemberData(nameof(Silent))]
    public Task FixedProxyIsSilent(string source)
        => Verify.VerifyAsync(Id, Usings + source);

    [Fact]
    public Task MessageNamesTheCollectionAndHowItIsPicked()
        => Verify.VerifyAsync(Id, Usings + """
            public class RandomProxy
            {
                private readonly string[] proxies = File.ReadAllLines("proxies.txt");
                public HttpClientHandler Create(Random random) => new HttpClientHandler { Proxy = {|#0:new WebProxy(proxies[random.Next(proxies.Length)])|} };
            }
            """,
            Verify.Diagnostic(Id).WithLocation(0).WithArguments("{proxies[random.Next(proxies.Length)]}", "picked at random from 'proxies'"));
}
