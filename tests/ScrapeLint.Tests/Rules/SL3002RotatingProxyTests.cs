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

    /// <summary>A proxy pool rotated through the object's fields (issue 16; real-patterns g02).</summary>
    public static TheoryData<string> RotatedThroughFields => new()
    {
        // g02: a stack popped into a current-proxy field by Advance(), used by the request method.
        """
        public sealed class RotatingFetcher
        {
            private readonly Stack<string> pool;
            private string? current;
            public RotatingFetcher(IEnumerable<string> proxies) { pool = new Stack<string>(proxies); }
            public void Advance() => current = pool.Pop();
            public WebResponse Fetch(string url)
            {
                if (current == null) Advance();
                var request = WebRequest.CreateHttp(url);
                request.Proxy = {|#0:new WebProxy(new Uri("http://" + current))|};
                return request.GetResponse();
            }
        }
        """,
        // A queue dequeued into a property when a request fails; the handler built from the property elsewhere.
        """
        public sealed class ProxyClientFactory
        {
            private readonly Queue<string> proxies = new Queue<string>(File.ReadAllLines("proxies.txt"));
            private string CurrentProxy { get; set; } = "";
            public void OnBlocked() { CurrentProxy = proxies.Dequeue(); proxies.Enqueue(CurrentProxy); }
            public HttpClient Create() => new HttpClient(new HttpClientHandler { Proxy = {|#0:new WebProxy(CurrentProxy)|}, UseProxy = true });
        }
        """,
        // An index advanced in turn in one member, the element read into a field.
        """
        public sealed class ProxyCycle
        {
            private readonly string[] addresses;
            private int index;
            private string active = "";
            public ProxyCycle(string[] addresses) { this.addresses = addresses; }
            public void Next() => active = addresses[index++ % addresses.Length];
            public HttpClientHandler Handler() => new HttpClientHandler { Proxy = {|#0:new WebProxy(active)|} };
        }
        """,
    };

    public static TheoryData<string> FixedInFields => new()
    {
        // One proxy from configuration, kept in a field.
        """
        public sealed class CorporateProxyClient
        {
            private readonly string proxy;
            public CorporateProxyClient(string proxyAddress) { proxy = proxyAddress; }
            public HttpClient Create() => new HttpClient(new HttpClientHandler { Proxy = new WebProxy(proxy), UseProxy = true });
        }
        """,
        // A field reset to the same fixed address in another member.
        """
        public sealed class EgressClient
        {
            private string egress = "http://egress.acme.example:3128";
            public void Reset() => egress = "http://egress.acme.example:3128";
            public HttpClientHandler Handler() => new HttpClientHandler { Proxy = new WebProxy(egress) };
        }
        """,
        // A frontier of URLs popped into a field; the proxy stays fixed.
        """
        public sealed class QueueWorker
        {
            private readonly Stack<string> urls = new Stack<string>();
            private string? currentUrl;
            private const string Proxy = "http://10.0.0.5:8080";
            public void Advance() => currentUrl = urls.Pop();
            public WebResponse Fetch()
            {
                var request = WebRequest.CreateHttp(currentUrl!);
                request.Proxy = new WebProxy(Proxy);
                return request.GetResponse();
            }
        }
        """,
    };

    [Theory]
    [MemberData(nameof(RotatedThroughFields))]
    public Task ProxyRotatedThroughFieldsIsReported(string source)
        => Verify.VerifyAsync(Id, Usings + source, Verify.Diagnostic(Id).WithLocation(0));

    [Theory]
    [MemberData(nameof(FixedInFields))]
    public Task FixedProxyInAFieldIsSilent(string source)
        => Verify.VerifyAsync(Id, Usings + source);
}
