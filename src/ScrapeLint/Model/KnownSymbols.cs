using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ScrapeLint.Model
{
    /// <summary>The types the model recognises, resolved once per compilation. A library that is not referenced is null and costs nothing.</summary>
    internal sealed class KnownSymbols
    {
        public KnownSymbols(Compilation compilation)
        {
            Compilation = compilation;
            INamedTypeSymbol? Get(string name) => compilation.GetTypeByMetadataName(name);

            String = compilation.GetSpecialType(SpecialType.System_String);
            Uri = Get("System.Uri");
            UriBuilder = Get("System.UriBuilder");
            HttpClient = Get("System.Net.Http.HttpClient");
            HttpMessageInvoker = Get("System.Net.Http.HttpMessageInvoker");
            HttpRequestMessage = Get("System.Net.Http.HttpRequestMessage");
            HttpClientJsonExtensions = Get("System.Net.Http.Json.HttpClientJsonExtensions");
            WebClient = Get("System.Net.WebClient");
            WebRequest = Get("System.Net.WebRequest");
            HtmlWeb = Get("HtmlAgilityPack.HtmlWeb");
            HtmlDocument = Get("HtmlAgilityPack.HtmlDocument");
            HtmlNode = Get("HtmlAgilityPack.HtmlNode");
            AngleSharpContextExtensions = Get("AngleSharp.BrowsingContextExtensions");
            AngleSharpUrl = Get("AngleSharp.Url");
            AngleSharpElement = Get("AngleSharp.Dom.IElement");
            AngleSharpAnchor = Get("AngleSharp.Html.Dom.IHtmlAnchorElement");
            AngleSharpImage = Get("AngleSharp.Html.Dom.IHtmlImageElement");
            PuppeteerPage = Get("PuppeteerSharp.IPage");
            PuppeteerFrame = Get("PuppeteerSharp.IFrame");
            PuppeteerElement = Get("PuppeteerSharp.IElementHandle");
            PlaywrightPage = Get("Microsoft.Playwright.IPage");
            PlaywrightFrame = Get("Microsoft.Playwright.IFrame");
            PlaywrightLocator = Get("Microsoft.Playwright.ILocator");
            PlaywrightElement = Get("Microsoft.Playwright.IElementHandle");
            SeleniumNavigation = Get("OpenQA.Selenium.INavigation");
            SeleniumDriver = Get("OpenQA.Selenium.IWebDriver");
            SeleniumElement = Get("OpenQA.Selenium.IWebElement");
            RestRequest = Get("RestSharp.RestRequest");
            FlurlUrl = Get("Flurl.Url");
            FlurlRequest = Get("Flurl.Http.IFlurlRequest");
            AbotCrawlers = new[] { Get("Abot2.Crawler.IWebCrawler"), Get("Abot2.Crawler.WebCrawler"), Get("Abot.Crawler.IWebCrawler"), Get("Abot.Crawler.WebCrawler"), Get("Abot2.Crawler.PoliteWebCrawler"), Get("Abot.Crawler.PoliteWebCrawler") }
                .Where(t => t is not null).Cast<INamedTypeSymbol>().ToImmutableArray();
            AbotConfigurations = new[] { Get("Abot2.Poco.CrawlConfiguration"), Get("Abot.Poco.CrawlConfiguration") }
                .Where(t => t is not null).Cast<INamedTypeSymbol>().ToImmutableArray();

            Task = Get("System.Threading.Tasks.Task");
            Thread = Get("System.Threading.Thread");
            PeriodicTimer = Get("System.Threading.PeriodicTimer");
            SemaphoreSlim = Get("System.Threading.SemaphoreSlim");
            RateLimiter = Get("System.Threading.RateLimiting.RateLimiter");
            PartitionedRateLimiter = Get("System.Threading.RateLimiting.PartitionedRateLimiter`1");
            Parallel = Get("System.Threading.Tasks.Parallel");
            ParallelOptions = Get("System.Threading.Tasks.ParallelOptions");
            Enumerable = Get("System.Linq.Enumerable");
            ParallelEnumerable = Get("System.Linq.ParallelEnumerable");
            List = Get("System.Collections.Generic.List`1");
            Array = Get("System.Array");
            File = Get("System.IO.File");
            FileStream = Get("System.IO.FileStream");
            Regex = Get("System.Text.RegularExpressions.Regex");
            DelegatingHandler = Get("System.Net.Http.DelegatingHandler");
            CrawlPolicy = Get("ScrapeLint.Compliance.CrawlPolicy");
            RobotsTxt = Get("ScrapeLint.Compliance.RobotsTxt");
            PoliteHttpHandler = Get("ScrapeLint.Compliance.PoliteHttpHandler");
        }

        public Compilation Compilation { get; }

        public INamedTypeSymbol String { get; }
        public INamedTypeSymbol? Uri { get; }
        public INamedTypeSymbol? UriBuilder { get; }
        public INamedTypeSymbol? HttpClient { get; }
        public INamedTypeSymbol? HttpMessageInvoker { get; }
        public INamedTypeSymbol? HttpRequestMessage { get; }
        public INamedTypeSymbol? HttpClientJsonExtensions { get; }
        public INamedTypeSymbol? WebClient { get; }
        public INamedTypeSymbol? WebRequest { get; }
        public INamedTypeSymbol? HtmlWeb { get; }
        public INamedTypeSymbol? HtmlDocument { get; }
        public INamedTypeSymbol? HtmlNode { get; }
        public INamedTypeSymbol? AngleSharpContextExtensions { get; }
        public INamedTypeSymbol? AngleSharpUrl { get; }
        public INamedTypeSymbol? AngleSharpElement { get; }
        public INamedTypeSymbol? AngleSharpAnchor { get; }
        public INamedTypeSymbol? AngleSharpImage { get; }
        public INamedTypeSymbol? PuppeteerPage { get; }
        public INamedTypeSymbol? PuppeteerFrame { get; }
        public INamedTypeSymbol? PuppeteerElement { get; }
        public INamedTypeSymbol? PlaywrightPage { get; }
        public INamedTypeSymbol? PlaywrightFrame { get; }
        public INamedTypeSymbol? PlaywrightLocator { get; }
        public INamedTypeSymbol? PlaywrightElement { get; }
        public INamedTypeSymbol? SeleniumNavigation { get; }
        public INamedTypeSymbol? SeleniumDriver { get; }
        public INamedTypeSymbol? SeleniumElement { get; }
        public INamedTypeSymbol? RestRequest { get; }
        public INamedTypeSymbol? FlurlUrl { get; }
        public INamedTypeSymbol? FlurlRequest { get; }
        public ImmutableArray<INamedTypeSymbol> AbotCrawlers { get; }
        public ImmutableArray<INamedTypeSymbol> AbotConfigurations { get; }
        public INamedTypeSymbol? Task { get; }
        public INamedTypeSymbol? Thread { get; }
        public INamedTypeSymbol? PeriodicTimer { get; }
        public INamedTypeSymbol? SemaphoreSlim { get; }
        public INamedTypeSymbol? RateLimiter { get; }
        public INamedTypeSymbol? PartitionedRateLimiter { get; }
        public INamedTypeSymbol? Parallel { get; }
        public INamedTypeSymbol? ParallelOptions { get; }
        public INamedTypeSymbol? Enumerable { get; }
        public INamedTypeSymbol? ParallelEnumerable { get; }
        public INamedTypeSymbol? List { get; }
        public INamedTypeSymbol? Array { get; }
        public INamedTypeSymbol? File { get; }
        public INamedTypeSymbol? FileStream { get; }
        public INamedTypeSymbol? Regex { get; }
        public INamedTypeSymbol? DelegatingHandler { get; }
        public INamedTypeSymbol? CrawlPolicy { get; }
        public INamedTypeSymbol? RobotsTxt { get; }
        public INamedTypeSymbol? PoliteHttpHandler { get; }

        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected)
            => type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

        /// <summary>The type is the expected class or interface, derives from it or implements it.</summary>
        public static bool IsOrInherits(ITypeSymbol? type, INamedTypeSymbol? expected)
        {
            if (type is null || expected is null)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, expected))
                {
                    return true;
                }
            }

            return expected.TypeKind == TypeKind.Interface
                && type.AllInterfaces.Any(i => SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, expected));
        }

        public static bool IsAny(ITypeSymbol? type, IEnumerable<INamedTypeSymbol> expected) => expected.Any(e => IsOrInherits(type, e));

        /// <summary>A type whose value carries a URL: a URL type, a request (HttpRequestMessage, RestRequest, IFlurlRequest) or a UriBuilder.</summary>
        public bool IsUrlCarrier(ITypeSymbol? type)
            => IsUrlType(type) || Is(type, HttpRequestMessage) || Is(type, RestRequest) || Is(type, UriBuilder) || IsOrInherits(type, FlurlRequest);

        public bool IsUrlType(ITypeSymbol? type)
            => type is not null && (type.SpecialType == SpecialType.System_String || Is(type, Uri) || Is(type, AngleSharpUrl) || Is(type, FlurlUrl));
    }
}
