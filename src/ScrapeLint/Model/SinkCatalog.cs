using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScrapeLint.Model
{
    internal enum SinkKind
    {
        /// <summary>An HTTP fetch (HttpClient, WebClient, WebRequest, RestSharp, Flurl, a configured method): a page only with more evidence.</summary>
        Http,

        /// <summary>A JSON API call (GetFromJsonAsync): an API unless the URL is a profile or an image.</summary>
        JsonApi,

        /// <summary>Loads and parses a page (HtmlAgilityPack HtmlWeb, AngleSharp).</summary>
        HtmlLoader,

        /// <summary>Navigates a browser (Puppeteer, Playwright, Selenium).</summary>
        Browser,

        /// <summary>A crawler that follows links by itself (Abot).</summary>
        Crawler,
    }

    /// <summary>A library method that fetches the resource its URL parameter names.</summary>
    internal sealed class Sink
    {
        public Sink(SinkKind kind, IParameterSymbol? urlParameter, IParameterSymbol? fileParameter = null)
        {
            Kind = kind;
            UrlParameter = urlParameter;
            FileParameter = fileParameter;
        }

        public SinkKind Kind { get; }

        /// <summary>The parameter holding the URL (string, Uri, HttpRequestMessage, RestRequest, Flurl Url or request).</summary>
        public IParameterSymbol? UrlParameter { get; }

        /// <summary>The file the download is written to (WebClient.DownloadFile, Flurl DownloadFileAsync).</summary>
        public IParameterSymbol? FileParameter { get; }
    }

    /// <summary>The request-sink catalogue of SPEC "Vocabulary", by symbol.</summary>
    internal sealed class SinkCatalog
    {
        private static readonly string[] HttpClientNames = { "GetAsync", "GetStringAsync", "GetByteArrayAsync", "GetStreamAsync", "SendAsync", "Send", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync" };
        private static readonly string[] JsonNames = { "GetFromJsonAsync", "GetFromJsonAsAsyncEnumerable", "PostAsJsonAsync", "PutAsJsonAsync", "PatchAsJsonAsync", "DeleteFromJsonAsync" };
        private static readonly string[] WebClientNames =
        {
            "DownloadString", "DownloadStringAsync", "DownloadStringTaskAsync", "DownloadData", "DownloadDataAsync", "DownloadDataTaskAsync",
            "DownloadFile", "DownloadFileAsync", "DownloadFileTaskAsync", "OpenRead", "OpenReadAsync", "OpenReadTaskAsync",
        };

        private static readonly string[] RestSharpNames = { "Execute", "ExecuteAsync", "ExecuteGet", "ExecuteGetAsync", "Get", "GetAsync", "GetJsonAsync", "DownloadData", "DownloadDataAsync", "DownloadStream", "DownloadStreamAsync" };
        private static readonly string[] FlurlNames = { "GetAsync", "GetStringAsync", "GetBytesAsync", "GetStreamAsync", "GetJsonAsync", "DownloadFileAsync", "SendAsync", "PostAsync" };

        /// <summary>A library of the catalogue: its assembly names (<c>|</c>-separated) and the types (by metadata name) whose declaration in the project counts as the library.</summary>
        private sealed class Library
        {
            public Library(string assemblies, string types)
            {
                Assemblies = assemblies;
                Types = types;
            }

            public string Assemblies { get; }

            public string Types { get; }
        }

        private static readonly Library HtmlAgilityPack = new Library("HtmlAgilityPack", "HtmlAgilityPack.HtmlWeb");
        private static readonly Library AngleSharp = new Library("AngleSharp", "AngleSharp.BrowsingContextExtensions");
        private static readonly Library PuppeteerSharp = new Library("PuppeteerSharp", "PuppeteerSharp.IPage");
        private static readonly Library Playwright = new Library("Microsoft.Playwright", "Microsoft.Playwright.IPage");
        private static readonly Library Selenium = new Library("WebDriver|Selenium.WebDriver", "OpenQA.Selenium.INavigation");
        private static readonly Library RestSharp = new Library("RestSharp", "RestSharp.RestRequest");
        private static readonly Library Flurl = new Library("Flurl.Http", "Flurl.Http.IFlurlRequest");
        private static readonly Library Abot = new Library("Abot2|Abot", KnownSymbols.AbotCrawlerNames);
        private static readonly Library[] Libraries = { HtmlAgilityPack, AngleSharp, PuppeteerSharp, Playwright, Selenium, RestSharp, Flurl, Abot };

        private readonly KnownSymbols known;

        public SinkCatalog(KnownSymbols known)
        {
            this.known = known;
            bool References(Library library) => known.References(library.Assemblies, library.Types);
            var names = new HashSet<string>(StringComparer.Ordinal);
            var library = false;
            void AddIf(bool referenced, IEnumerable<string> methods)
            {
                if (referenced)
                {
                    names.UnionWith(methods);
                    library = true;
                }
            }

            // The .NET types are always there; a library's names count only when the compilation references it.
            names.UnionWith(HttpClientNames);
            names.UnionWith(JsonNames);
            names.UnionWith(WebClientNames);
            names.UnionWith(new[] { "Create", "CreateHttp" });
            Gate("System.Net.Http", new[] { "Http" }, "GetAsync", "SendAsync", "Send", "PostAsync", "PutAsync", "PatchAsync", "DeleteAsync");
            Gate("System.Net", new[] { "WebClient" }, "OpenRead", "OpenReadAsync", "OpenReadTaskAsync");
            if (References(HtmlAgilityPack))
            {
                AddIf(true, new[] { "Load", "LoadFromWebAsync" });
                Gate("HtmlAgilityPack", new[] { "HtmlWeb", "HtmlAgilityPack" }, "Load");
            }

            if (References(AngleSharp))
            {
                AddIf(true, new[] { "OpenAsync" });
                Gate("AngleSharp", new[] { "AngleSharp", "BrowsingContext" }, "OpenAsync");
            }

            AddIf(References(PuppeteerSharp), new[] { "GoToAsync" });
            AddIf(References(Playwright), new[] { "GotoAsync" });
            if (References(Selenium))
            {
                AddIf(true, new[] { "GoToUrl", "GoToUrlAsync" });
                Gate("OpenQA", new[] { "Driver", "OpenQA", "Selenium" }, NavigatingPropertyName);
            }

            if (References(RestSharp))
            {
                AddIf(true, RestSharpNames);
                Gate("RestSharp", new[] { "RestSharp", "RestClient", "RestRequest" }, "Execute", "ExecuteAsync", "Get", "GetAsync");
            }

            if (References(Flurl))
            {
                AddIf(true, FlurlNames);
                Gate("Flurl", new[] { "Flurl" }, "GetAsync", "SendAsync", "PostAsync");
            }

            AddIf(References(Abot), new[] { "CrawlAsync", "Crawl" });
            Names = names;
            ReferencesLibrary = library;
        }

        /// <summary>The pseudo-name under which the navigating <c>Url</c> property is gated.</summary>
        public const string NavigatingPropertyName = "Url";

        /// <summary>
        /// A sink family whose method names are common words (<c>Get</c>, <c>Load</c>, <c>Execute</c>, <c>Send</c>,
        /// <c>OpenAsync</c>): a call by such a name is bound only in a file whose text names one of the family's types or its
        /// namespace (or when a <c>global using</c> of the namespace makes every file see it).
        /// </summary>
        private sealed class SinkGate
        {
            public SinkGate(string ns, string[] words)
            {
                Namespace = ns;
                Words = words;
            }

            public string Namespace { get; }

            public string[] Words { get; }
        }

        private readonly List<SinkGate> gates = new List<SinkGate>();
        private readonly Dictionary<string, int> gatedNames = new Dictionary<string, int>(StringComparer.Ordinal);

        private void Gate(string ns, string[] words, params string[] gated)
        {
            var bit = 1 << gates.Count;
            gates.Add(new SinkGate(ns, words));
            foreach (var name in gated)
            {
                gatedNames[name] = (gatedNames.TryGetValue(name, out var mask) ? mask : 0) | bit;
            }
        }

        /// <summary>The name is a sink name only in files that name its family (<see cref="GateMask"/>).</summary>
        public bool IsGated(string name) => gatedNames.ContainsKey(name);

        /// <summary>A call by this name can be a sink in a file with this <see cref="GateMask"/>.</summary>
        public bool MaySinkIn(string name, int mask) => !gatedNames.TryGetValue(name, out var families) || (families & mask) != 0;

        /// <summary>The gated names a file with this mask may call as sinks.</summary>
        public IEnumerable<string> GatedNamesFor(int mask) => gatedNames.Where(p => (p.Value & mask) != 0).Select(p => p.Key);

        /// <summary>The gated families whose types or namespace the text names (ordinal substring searches, vectorised).</summary>
        public int GateMask(string text)
        {
            var mask = 0;
            for (var i = 0; i < gates.Count; i++)
            {
                foreach (var word in gates[i].Words)
                {
                    if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
                    {
                        mask |= 1 << i;
                        break;
                    }
                }
            }

            return mask;
        }

        /// <summary>The gated families whose namespace the text imports for every file (<c>global using RestSharp;</c>).</summary>
        public int GlobalUsingMask(string text)
        {
            const string GlobalUsing = "global using";
            var mask = 0;
            for (var at = text.IndexOf(GlobalUsing, StringComparison.Ordinal); at >= 0; at = text.IndexOf(GlobalUsing, at + GlobalUsing.Length, StringComparison.Ordinal))
            {
                var end = text.IndexOf(';', at);
                if (end < 0)
                {
                    break;
                }

                var imported = text.Substring(at + GlobalUsing.Length, end - at - GlobalUsing.Length).Replace("global::", "").Replace("static ", "").Trim();
                var equals = imported.IndexOf('=');
                if (equals >= 0)
                {
                    imported = imported.Substring(equals + 1).Trim();
                }

                for (var i = 0; i < gates.Count; i++)
                {
                    if (imported.StartsWith(gates[i].Namespace, StringComparison.Ordinal))
                    {
                        mask |= 1 << i;
                    }
                }
            }

            return mask;
        }

        /// <summary>The compilation references one of the scraping, HTML or browser libraries of the catalogue.</summary>
        public bool ReferencesLibrary { get; }

        /// <summary>
        /// The compilation may reference one of the catalogue's libraries, told from names before anything is bound
        /// (<see cref="ReferenceHints.MayReference"/>): when this is false, so is <see cref="ReferencesLibrary"/>.
        /// </summary>
        public static bool MayReferenceLibrary(ReferenceHints hints)
        {
            foreach (var library in Libraries)
            {
                if (hints.MayReference(library.Assemblies, library.Types))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The method names a sink can have in this compilation, from the libraries it references: the cheap
        /// filter run before anything is bound. Read-only after construction.
        /// </summary>
        public HashSet<string> Names { get; }

        /// <summary>The syntax-only test: the invoked name can be a sink (<c>Create</c> only as <c>WebRequest.Create</c>).</summary>
        public bool IsSinkName(string name, InvocationExpressionSyntax invocation)
            => Names.Contains(name)
                && (name is not ("Create" or "CreateHttp")
                    || (invocation.Expression is MemberAccessExpressionSyntax { Expression: var target } && target.ToString().EndsWith("WebRequest", StringComparison.Ordinal)));

        /// <summary>A click that may open the next page in browser automation (<see cref="BodyAnalysis"/> decides, bound).</summary>
        public bool IsClickName(string name)
            => name is "Click" or "ClickAsync" && (Names.Contains("GoToUrl") || Names.Contains("GotoAsync") || Names.Contains("GoToAsync"));

        /// <summary>The bound test: the method can be a sink by name.</summary>
        public bool IsSinkName(string name) => Names.Contains(name);

        /// <summary>The sink this method is, or null. Configured request methods are matched by the caller.</summary>
        public Sink? Match(IMethodSymbol method)
        {
            var name = method.Name;
            if (!Names.Contains(name))
            {
                return null;
            }

            var type = method.ContainingType;
            if (type is null)
            {
                return null;
            }

            if (HttpClientNames.Contains(name) && KnownSymbols.IsOrInherits(type, known.HttpClient))
            {
                return new Sink(SinkKind.Http, Parameter(method, "requestUri") ?? Parameter(method, "request"));
            }

            if (KnownSymbols.Is(type, known.HttpClientJsonExtensions))
            {
                return new Sink(SinkKind.JsonApi, Parameter(method, "requestUri"));
            }

            if (WebClientNames.Contains(name) && KnownSymbols.IsOrInherits(type, known.WebClient))
            {
                return new Sink(SinkKind.Http, Parameter(method, "address"), Parameter(method, "fileName"));
            }

            if ((name == "Create" || name == "CreateHttp") && KnownSymbols.IsOrInherits(type, known.WebRequest))
            {
                return new Sink(SinkKind.Http, FirstUrlParameter(method));
            }

            if ((name == "Load" || name == "LoadFromWebAsync") && KnownSymbols.Is(type, known.HtmlWeb))
            {
                return new Sink(SinkKind.HtmlLoader, Parameter(method, "url") ?? FirstUrlParameter(method));
            }

            if (name == "OpenAsync" && KnownSymbols.Is(type, known.AngleSharpContextExtensions))
            {
                var url = method.Parameters.FirstOrDefault(p => p.Ordinal > 0 && known.IsUrlType(p.Type));
                return url is null ? null : new Sink(SinkKind.HtmlLoader, url);
            }

            if ((name == "GoToAsync" && (KnownSymbols.IsOrInherits(type, known.PuppeteerPage) || KnownSymbols.IsOrInherits(type, known.PuppeteerFrame)))
                || (name == "GotoAsync" && (KnownSymbols.IsOrInherits(type, known.PlaywrightPage) || KnownSymbols.IsOrInherits(type, known.PlaywrightFrame)))
                || ((name == "GoToUrl" || name == "GoToUrlAsync") && KnownSymbols.IsOrInherits(type, known.SeleniumNavigation)))
            {
                return new Sink(SinkKind.Browser, Parameter(method, "url") ?? FirstUrlParameter(method));
            }

            if (name is "CrawlAsync" or "Crawl" && KnownSymbols.IsAny(type, known.AbotCrawlers))
            {
                return new Sink(SinkKind.Crawler, FirstUrlParameter(method));
            }

            if (KnownSymbols.IsNamespace(type.ContainingNamespace, "RestSharp"))
            {
                var request = method.Parameters.FirstOrDefault(p => KnownSymbols.Is(p.Type, known.RestRequest))
                    ?? method.Parameters.FirstOrDefault(p => p.Name == "resource");
                return request is null ? null : new Sink(SinkKind.Http, request);
            }

            if (FlurlNames.Contains(name) && KnownSymbols.IsNamespace(type.ContainingNamespace, "Flurl.Http") && method.IsExtensionMethod && method.Parameters.Length > 0)
            {
                var target = method.Parameters[0];
                if (known.IsUrlType(target.Type) || KnownSymbols.Is(target.Type, known.FlurlRequest) || KnownSymbols.Is(target.Type, known.Uri))
                {
                    return new Sink(SinkKind.Http, target, name == "DownloadFileAsync" ? Parameter(method, "localFileName") : null);
                }
            }

            return null;
        }

        /// <summary>A method named in <c>scrapelint.request_methods</c>: it fetches its first string or Uri argument.</summary>
        public Sink? MatchConfigured(IMethodSymbol method, ScrapeLintOptions options)
            => options.RequestMethodNames.Contains(method.Name) && ScrapeLintOptions.Names(options.RequestMethods, method.OriginalDefinition)
                ? new Sink(SinkKind.Http, FirstUrlParameter(method))
                : null;

        /// <summary>Selenium is referenced: <c>driver.Url = …</c> can navigate.</summary>
        public bool HasNavigatingProperty => Names.Contains("GoToUrl");

        /// <summary>The Selenium <c>IWebDriver.Url</c> property, whose setter navigates.</summary>
        public bool IsNavigatingProperty(IPropertySymbol property)
            => property.Name == "Url" && KnownSymbols.IsOrInherits(property.ContainingType, known.SeleniumDriver);

        private IParameterSymbol? FirstUrlParameter(IMethodSymbol method)
            => method.Parameters.FirstOrDefault(p => known.IsUrlType(p.Type));

        private static IParameterSymbol? Parameter(IMethodSymbol method, string name)
            => method.Parameters.FirstOrDefault(p => p.Name == name);
    }
}
