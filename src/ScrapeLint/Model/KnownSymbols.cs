using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace ScrapeLint.Model
{
    /// <summary>
    /// The types the model recognises, each resolved once per compilation on first use. A library that is
    /// not referenced is null and costs nothing: not even a lookup.
    /// </summary>
    internal sealed class KnownSymbols
    {
        private readonly ReferenceHints hints;
        private HashSet<string>? identities;
        private INamedTypeSymbol? stringType;
        private readonly Lazy<INamedTypeSymbol?> uri;
        private readonly Lazy<INamedTypeSymbol?> uriBuilder;
        private readonly Lazy<INamedTypeSymbol?> httpClient;
        private readonly Lazy<INamedTypeSymbol?> httpMessageInvoker;
        private readonly Lazy<INamedTypeSymbol?> httpRequestMessage;
        private readonly Lazy<INamedTypeSymbol?> httpClientJsonExtensions;
        private readonly Lazy<INamedTypeSymbol?> webClient;
        private readonly Lazy<INamedTypeSymbol?> webRequest;
        private readonly Lazy<INamedTypeSymbol?> htmlWeb;
        private readonly Lazy<INamedTypeSymbol?> htmlDocument;
        private readonly Lazy<INamedTypeSymbol?> htmlNode;
        private readonly Lazy<INamedTypeSymbol?> angleSharpContextExtensions;
        private readonly Lazy<INamedTypeSymbol?> angleSharpUrl;
        private readonly Lazy<INamedTypeSymbol?> angleSharpElement;
        private readonly Lazy<INamedTypeSymbol?> angleSharpAnchor;
        private readonly Lazy<INamedTypeSymbol?> angleSharpImage;
        private readonly Lazy<INamedTypeSymbol?> puppeteerPage;
        private readonly Lazy<INamedTypeSymbol?> puppeteerFrame;
        private readonly Lazy<INamedTypeSymbol?> puppeteerElement;
        private readonly Lazy<INamedTypeSymbol?> playwrightPage;
        private readonly Lazy<INamedTypeSymbol?> playwrightFrame;
        private readonly Lazy<INamedTypeSymbol?> playwrightLocator;
        private readonly Lazy<INamedTypeSymbol?> playwrightElement;
        private readonly Lazy<INamedTypeSymbol?> seleniumNavigation;
        private readonly Lazy<INamedTypeSymbol?> seleniumDriver;
        private readonly Lazy<INamedTypeSymbol?> seleniumElement;
        private readonly Lazy<INamedTypeSymbol?> restRequest;
        private readonly Lazy<INamedTypeSymbol?> restClient;
        private readonly Lazy<INamedTypeSymbol?> restClientOptions;
        private readonly Lazy<INamedTypeSymbol?> flurlUrl;
        private readonly Lazy<INamedTypeSymbol?> flurlRequest;
        private readonly Lazy<INamedTypeSymbol?> task;
        private readonly Lazy<INamedTypeSymbol?> thread;
        private readonly Lazy<INamedTypeSymbol?> periodicTimer;
        private readonly Lazy<INamedTypeSymbol?> semaphoreSlim;
        private readonly Lazy<INamedTypeSymbol?> rateLimiter;
        private readonly Lazy<INamedTypeSymbol?> partitionedRateLimiter;
        private readonly Lazy<INamedTypeSymbol?> parallel;
        private readonly Lazy<INamedTypeSymbol?> parallelOptions;
        private readonly Lazy<INamedTypeSymbol?> enumerable;
        private readonly Lazy<INamedTypeSymbol?> parallelEnumerable;
        private readonly Lazy<INamedTypeSymbol?> list;
        private readonly Lazy<INamedTypeSymbol?> array;
        private readonly Lazy<INamedTypeSymbol?> file;
        private readonly Lazy<INamedTypeSymbol?> fileStream;
        private readonly Lazy<INamedTypeSymbol?> regex;
        private readonly Lazy<INamedTypeSymbol?> delegatingHandler;
        private readonly Lazy<INamedTypeSymbol?> crawlPolicy;
        private readonly Lazy<INamedTypeSymbol?> robotsTxt;
        private readonly Lazy<INamedTypeSymbol?> politeHttpHandler;
        private readonly Lazy<ImmutableArray<INamedTypeSymbol>> abotCrawlers;
        private readonly Lazy<INamedTypeSymbol?> path;
        private readonly Lazy<INamedTypeSymbol?> random;
        private readonly Lazy<INamedTypeSymbol?> guid;
        private readonly Lazy<INamedTypeSymbol?> randomNumberGenerator;
        private readonly Lazy<INamedTypeSymbol?> interlocked;
        private readonly Lazy<ImmutableArray<INamedTypeSymbol>> abotConfigurations;

        public KnownSymbols(Compilation compilation)
        {
            Compilation = compilation;
            hints = ReferenceHints.For(compilation);
            uri = Type("System.Uri");
            uriBuilder = Type("System.UriBuilder");
            httpClient = Type("System.Net.Http.HttpClient");
            httpMessageInvoker = Type("System.Net.Http.HttpMessageInvoker");
            httpRequestMessage = Type("System.Net.Http.HttpRequestMessage");
            httpClientJsonExtensions = Type("System.Net.Http.Json.HttpClientJsonExtensions");
            webClient = Type("System.Net.WebClient");
            webRequest = Type("System.Net.WebRequest");
            htmlWeb = Type("HtmlAgilityPack.HtmlWeb", "HtmlAgilityPack");
            htmlDocument = Type("HtmlAgilityPack.HtmlDocument", "HtmlAgilityPack");
            htmlNode = Type("HtmlAgilityPack.HtmlNode", "HtmlAgilityPack");
            angleSharpContextExtensions = Type("AngleSharp.BrowsingContextExtensions", "AngleSharp");
            angleSharpUrl = Type("AngleSharp.Url", "AngleSharp");
            angleSharpElement = Type("AngleSharp.Dom.IElement", "AngleSharp");
            angleSharpAnchor = Type("AngleSharp.Html.Dom.IHtmlAnchorElement", "AngleSharp");
            angleSharpImage = Type("AngleSharp.Html.Dom.IHtmlImageElement", "AngleSharp");
            puppeteerPage = Type("PuppeteerSharp.IPage", "PuppeteerSharp");
            puppeteerFrame = Type("PuppeteerSharp.IFrame", "PuppeteerSharp");
            puppeteerElement = Type("PuppeteerSharp.IElementHandle", "PuppeteerSharp");
            playwrightPage = Type("Microsoft.Playwright.IPage", "Microsoft.Playwright");
            playwrightFrame = Type("Microsoft.Playwright.IFrame", "Microsoft.Playwright");
            playwrightLocator = Type("Microsoft.Playwright.ILocator", "Microsoft.Playwright");
            playwrightElement = Type("Microsoft.Playwright.IElementHandle", "Microsoft.Playwright");
            seleniumNavigation = Type("OpenQA.Selenium.INavigation", "WebDriver|Selenium.WebDriver");
            seleniumDriver = Type("OpenQA.Selenium.IWebDriver", "WebDriver|Selenium.WebDriver");
            seleniumElement = Type("OpenQA.Selenium.IWebElement", "WebDriver|Selenium.WebDriver");
            restRequest = Type("RestSharp.RestRequest", "RestSharp");
            restClient = Type("RestSharp.RestClient", "RestSharp");
            restClientOptions = Type("RestSharp.RestClientOptions", "RestSharp");
            flurlUrl = Type("Flurl.Url", "Flurl");
            flurlRequest = Type("Flurl.Http.IFlurlRequest", "Flurl.Http");
            task = Type("System.Threading.Tasks.Task");
            thread = Type("System.Threading.Thread");
            periodicTimer = Type("System.Threading.PeriodicTimer");
            semaphoreSlim = Type("System.Threading.SemaphoreSlim");
            rateLimiter = Type("System.Threading.RateLimiting.RateLimiter", "System.Threading.RateLimiting");
            partitionedRateLimiter = Type("System.Threading.RateLimiting.PartitionedRateLimiter`1", "System.Threading.RateLimiting");
            parallel = Type("System.Threading.Tasks.Parallel");
            parallelOptions = Type("System.Threading.Tasks.ParallelOptions");
            enumerable = Type("System.Linq.Enumerable");
            parallelEnumerable = Type("System.Linq.ParallelEnumerable");
            list = Type("System.Collections.Generic.List`1");
            array = Type("System.Array");
            file = Type("System.IO.File");
            path = Type("System.IO.Path");
            random = Type("System.Random");
            guid = Type("System.Guid");
            randomNumberGenerator = Type("System.Security.Cryptography.RandomNumberGenerator");
            interlocked = Type("System.Threading.Interlocked");
            fileStream = Type("System.IO.FileStream");
            regex = Type("System.Text.RegularExpressions.Regex");
            delegatingHandler = Type("System.Net.Http.DelegatingHandler");
            crawlPolicy = Type("ScrapeLint.Compliance.CrawlPolicy", "ScrapeLint.Compliance");
            robotsTxt = Type("ScrapeLint.Compliance.RobotsTxt", "ScrapeLint.Compliance");
            politeHttpHandler = Type("ScrapeLint.Compliance.PoliteHttpHandler", "ScrapeLint.Compliance");
            abotCrawlers = new Lazy<ImmutableArray<INamedTypeSymbol>>(() => Types(
                "Abot2.Crawler.IWebCrawler", "Abot2.Crawler.WebCrawler", "Abot.Crawler.IWebCrawler", "Abot.Crawler.WebCrawler", "Abot2.Crawler.PoliteWebCrawler", "Abot.Crawler.PoliteWebCrawler"));
            abotConfigurations = new Lazy<ImmutableArray<INamedTypeSymbol>>(() => Types("Abot2.Poco.CrawlConfiguration", "Abot.Poco.CrawlConfiguration"));
        }

        public Compilation Compilation { get; }

        public INamedTypeSymbol String => stringType ??= Compilation.GetSpecialType(SpecialType.System_String);

        public INamedTypeSymbol? Uri => uri.Value;
        public INamedTypeSymbol? UriBuilder => uriBuilder.Value;
        public INamedTypeSymbol? HttpClient => httpClient.Value;
        public INamedTypeSymbol? HttpMessageInvoker => httpMessageInvoker.Value;
        public INamedTypeSymbol? HttpRequestMessage => httpRequestMessage.Value;
        public INamedTypeSymbol? HttpClientJsonExtensions => httpClientJsonExtensions.Value;
        public INamedTypeSymbol? WebClient => webClient.Value;
        public INamedTypeSymbol? WebRequest => webRequest.Value;
        public INamedTypeSymbol? HtmlWeb => htmlWeb.Value;
        public INamedTypeSymbol? HtmlDocument => htmlDocument.Value;
        public INamedTypeSymbol? HtmlNode => htmlNode.Value;
        public INamedTypeSymbol? AngleSharpContextExtensions => angleSharpContextExtensions.Value;
        public INamedTypeSymbol? AngleSharpUrl => angleSharpUrl.Value;
        public INamedTypeSymbol? AngleSharpElement => angleSharpElement.Value;
        public INamedTypeSymbol? AngleSharpAnchor => angleSharpAnchor.Value;
        public INamedTypeSymbol? AngleSharpImage => angleSharpImage.Value;
        public INamedTypeSymbol? PuppeteerPage => puppeteerPage.Value;
        public INamedTypeSymbol? PuppeteerFrame => puppeteerFrame.Value;
        public INamedTypeSymbol? PuppeteerElement => puppeteerElement.Value;
        public INamedTypeSymbol? PlaywrightPage => playwrightPage.Value;
        public INamedTypeSymbol? PlaywrightFrame => playwrightFrame.Value;
        public INamedTypeSymbol? PlaywrightLocator => playwrightLocator.Value;
        public INamedTypeSymbol? PlaywrightElement => playwrightElement.Value;
        public INamedTypeSymbol? SeleniumNavigation => seleniumNavigation.Value;
        public INamedTypeSymbol? SeleniumDriver => seleniumDriver.Value;
        public INamedTypeSymbol? SeleniumElement => seleniumElement.Value;
        public INamedTypeSymbol? RestRequest => restRequest.Value;
        public INamedTypeSymbol? RestClient => restClient.Value;
        public INamedTypeSymbol? RestClientOptions => restClientOptions.Value;
        public INamedTypeSymbol? FlurlUrl => flurlUrl.Value;
        public INamedTypeSymbol? FlurlRequest => flurlRequest.Value;
        public INamedTypeSymbol? Task => task.Value;
        public INamedTypeSymbol? Thread => thread.Value;
        public INamedTypeSymbol? PeriodicTimer => periodicTimer.Value;
        public INamedTypeSymbol? SemaphoreSlim => semaphoreSlim.Value;
        public INamedTypeSymbol? RateLimiter => rateLimiter.Value;
        public INamedTypeSymbol? PartitionedRateLimiter => partitionedRateLimiter.Value;
        public INamedTypeSymbol? Parallel => parallel.Value;
        public INamedTypeSymbol? ParallelOptions => parallelOptions.Value;
        public INamedTypeSymbol? Enumerable => enumerable.Value;
        public INamedTypeSymbol? ParallelEnumerable => parallelEnumerable.Value;
        public INamedTypeSymbol? List => list.Value;
        public INamedTypeSymbol? Array => array.Value;
        public INamedTypeSymbol? File => file.Value;
        public INamedTypeSymbol? Path => path.Value;
        public INamedTypeSymbol? Random => random.Value;
        public INamedTypeSymbol? Guid => guid.Value;
        public INamedTypeSymbol? RandomNumberGenerator => randomNumberGenerator.Value;
        public INamedTypeSymbol? Interlocked => interlocked.Value;
        public INamedTypeSymbol? FileStream => fileStream.Value;
        public INamedTypeSymbol? Regex => regex.Value;
        public INamedTypeSymbol? DelegatingHandler => delegatingHandler.Value;
        public INamedTypeSymbol? CrawlPolicy => crawlPolicy.Value;
        public INamedTypeSymbol? RobotsTxt => robotsTxt.Value;
        public INamedTypeSymbol? PoliteHttpHandler => politeHttpHandler.Value;

        public ImmutableArray<INamedTypeSymbol> AbotCrawlers => abotCrawlers.Value;

        public ImmutableArray<INamedTypeSymbol> AbotConfigurations => abotConfigurations.Value;

        /// <summary>The namespace is <paramref name="dottedName"/> (<c>Flurl.Http</c>), compared part by part without rendering it.</summary>
        public static bool IsNamespace(INamespaceSymbol? ns, string dottedName)
        {
            var end = dottedName.Length;
            for (; ns is { IsGlobalNamespace: false } && end > 0; ns = ns.ContainingNamespace)
            {
                var start = dottedName.LastIndexOf('.', end - 1) + 1;
                if (ns.Name.Length != end - start || string.CompareOrdinal(ns.Name, 0, dottedName, start, end - start) != 0)
                {
                    return false;
                }

                end = start - 1;
            }

            return end < 0 && ns is null or { IsGlobalNamespace: true };
        }

        /// <summary>The namespace is <paramref name="dottedName"/> or one nested in it (<c>OpenQA.Selenium.Chrome</c> in <c>OpenQA.Selenium</c>).</summary>
        public static bool IsInNamespace(INamespaceSymbol? ns, string dottedName)
        {
            for (; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                if (IsNamespace(ns, dottedName))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The compilation references the library (one of the <c>|</c>-separated assembly names), or declares one of its types
        /// (by metadata name) itself. Told from the references' file names and the namespaces the files declare
        /// (<see cref="ReferenceHints"/>): nothing is bound unless a file declares the type's namespace or a reference has no
        /// file name, so a library that is not referenced costs no search of the references and no walk of the declarations.
        /// </summary>
        public bool References(string assemblyNames, string metadataNames)
        {
            foreach (var name in assemblyNames.Split('|'))
            {
                if (hints.HasFile(name) || (hints.HasUnnamed && Identities().Contains(name)))
                {
                    return true;
                }
            }

            foreach (var metadataName in metadataNames.Split('|'))
            {
                // With a reference that has no file name the references are read from the compilation anyway: its own types are
                // asked for directly, without reading the files' namespaces first.
                if ((hints.HasUnnamed || hints.DeclaresNamespaceOf(metadataName)) && Compilation.Assembly.GetTypeByMetadataName(metadataName) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private HashSet<string> Identities()
        {
            if (identities is null)
            {
                var names = new HashSet<string>(StringComparer.Ordinal);
                foreach (var identity in Compilation.ReferencedAssemblyNames)
                {
                    names.Add(identity.Name);
                }

                identities = names;
            }

            return identities;
        }

        /// <summary>The compilation can see the namespace (<c>OpenQA.Selenium</c>), from a reference or its own source: no type is loaded.</summary>
        public static bool HasNamespace(Compilation compilation, string dottedName)
        {
            var current = compilation.GlobalNamespace;
            foreach (var part in dottedName.Split('.'))
            {
                INamespaceSymbol? next = null;
                foreach (var member in current.GetMembers(part))
                {
                    if (member is INamespaceSymbol ns)
                    {
                        next = ns;
                        break;
                    }
                }

                if (next is null)
                {
                    return false;
                }

                current = next;
            }

            return true;
        }

        private Lazy<INamedTypeSymbol?> Type(string metadataName, string? assemblyName = null)
            => new Lazy<INamedTypeSymbol?>(() =>
                assemblyName is null || References(assemblyName, metadataName)
                    ? Compilation.GetTypeByMetadataName(metadataName)
                    : null);

        /// <summary>Abot's crawler (Abot 2 and the first Abot): either one referenced or declared makes Abot's types worth looking up.</summary>
        public const string AbotCrawlerNames = "Abot2.Crawler.PoliteWebCrawler|Abot.Crawler.PoliteWebCrawler";

        private ImmutableArray<INamedTypeSymbol> Types(params string[] metadataNames)
            => References("Abot2|Abot", AbotCrawlerNames)
                ? metadataNames.Select(Compilation.GetTypeByMetadataName).Where(t => t is not null).Cast<INamedTypeSymbol>().ToImmutableArray()
                : ImmutableArray<INamedTypeSymbol>.Empty;

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
