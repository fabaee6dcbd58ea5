using Microsoft.CodeAnalysis;
using Profiles = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.ProfilePagesInLoopRule>;
using Terms = ScrapeLint.Tests.Verifiers.AnalyzerVerifier<ScrapeLint.Rules.RestrictedPlatformRule>;

namespace ScrapeLint.Tests.Rules;

/// <summary>
/// The syntax index confirms each sink by the method its call resolves to, and spreads wrappers along resolved calls, not
/// names (issue 14). Each shape the name-based index found is found here too (interfaces, DI, local functions, extension
/// methods, partial classes, generic methods and types, explicit implementations, virtual overrides, global usings),
/// and same-named business methods next to a referenced scraping library stay silent.
/// </summary>
public class SymbolSpreadingTests
{
    private const string Loop = """
            public async Task RunAsync(IEnumerable<string> handles)
            {
                foreach (var handle in handles)
                {
                    await {|#0:CALL|};
                }
            }
        """;

    private static string Crawler(string fields, string call, string usings = "")
        => $$"""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        {{usings}}

        public class AlumniCrawler
        {
            {{fields}}

        {{Loop.Replace("CALL", call)}}
        }
        """;

    [Fact]
    public Task WrapperBehindAnInterface_InjectedFromAnotherFile_IsFollowed() => Profiles.VerifyAsync(
        new[]
        {
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            public interface IPageSource
            {
                Task<string> PageAsync(string url);
            }

            public sealed class HttpPageSource : IPageSource
            {
                private readonly HttpClient http;

                public HttpPageSource(HttpClient http) => this.http = http;

                public Task<string> PageAsync(string url) => http.GetStringAsync(url);
            }
            """,
            Crawler(
                "private readonly IPageSource pages; public AlumniCrawler(IPageSource pages) => this.pages = pages;",
                "pages.PageAsync(\"https://www.linkedin.com/in/\" + handle)"),
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary,
        Profiles.Diagnostic("SL1001").WithLocation(0));

    [Fact]
    public Task ExplicitInterfaceImplementation_IsFollowed() => Profiles.VerifyAsync(
        new[]
        {
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            public interface IPageSource
            {
                Task<string> PageAsync(string url);
            }

            internal sealed class HttpPageSource : IPageSource
            {
                private readonly HttpClient http = new HttpClient();

                Task<string> IPageSource.PageAsync(string url) => http.GetStringAsync(url);
            }
            """,
            Crawler(
                "private readonly IPageSource pages; public AlumniCrawler(IPageSource pages) => this.pages = pages;",
                "pages.PageAsync(\"https://www.linkedin.com/in/\" + handle)"),
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary,
        Profiles.Diagnostic("SL1001").WithLocation(0));

    [Fact]
    public Task AbstractMemberOfAGenericBase_IsFollowedToItsOverride() => Profiles.VerifyAsync(
        new[]
        {
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            public abstract class Source<T>
            {
                public abstract Task<T> PageAsync(string url);
            }

            public sealed class HttpSource : Source<string>
            {
                private readonly HttpClient http = new HttpClient();

                public override Task<string> PageAsync(string url) => http.GetStringAsync(url);
            }
            """,
            Crawler("private readonly Source<string> pages = new HttpSource();", "pages.PageAsync(\"https://www.linkedin.com/in/\" + handle)"),
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary,
        Profiles.Diagnostic("SL1001").WithLocation(0));

    // The lead's object-state work needs this: loader.Start(job) on a virtual base method whose override fetches.
    [Fact]
    public Task VirtualBaseMethod_WithAnOverrideThatFetches_IsAWrapperCall() => Profiles.VerifyAsync(
        new[]
        {
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            public class JobLoader
            {
                public virtual Task<string> Start(string url) => Task.FromResult(string.Empty);
            }

            public sealed class HttpJobLoader : JobLoader
            {
                private readonly HttpClient http = new HttpClient();

                public override Task<string> Start(string url) => http.GetStringAsync(url);
            }
            """,
            Crawler("private readonly JobLoader loader = new HttpJobLoader();", "loader.Start(\"https://www.linkedin.com/in/\" + handle)"),
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary,
        Profiles.Diagnostic("SL1001").WithLocation(0));

    /// <summary>
    /// A wrapper named like a sink whose name is common (<c>SendAsync</c>, <c>GetAsync</c>, <c>Get</c>): the caller's file names the
    /// sink's namespace but none of its calls resolves to a sink, so the first round leaves it aside; the round that finds
    /// the wrapper walks it (InstagramApiSharp's processors call <c>IHttpRequestProcessor.SendAsync</c> this way).
    /// </summary>
    [Theory]
    [InlineData("SendAsync", "Task<HttpResponseMessage>", "http.SendAsync(new HttpRequestMessage(HttpMethod.Get, url))", "processor.SendAsync(\"https://www.linkedin.com/in/\" + handle)")]
    [InlineData("GetAsync", "Task<HttpResponseMessage>", "http.GetAsync(url)", "processor.GetAsync(\"https://www.linkedin.com/in/\" + handle)")]
    [InlineData("Get", "Task<string>", "http.GetStringAsync(url)", "processor.Get(\"https://www.linkedin.com/in/\" + handle)")]
    public Task WrapperNamedLikeACommonSink_CalledFromAFileThatNamesTheSinksNamespace_IsFollowed(string name, string type, string body, string call) => Profiles.VerifyAsync(
        new[]
        {
            $$"""
            using System.Net.Http;
            using System.Threading.Tasks;

            public interface IRequestProcessor
            {
                {{type}} {{name}}(string url);
            }

            public sealed class RequestProcessor : IRequestProcessor
            {
                private readonly HttpClient http = new HttpClient();

                public {{type}} {{name}}(string url) => {{body}};
            }
            """,
            Crawler("private readonly IRequestProcessor processor = new RequestProcessor(); private readonly HttpClient unused = null;", call, "using System.Net.Http;"),
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary,
        Profiles.Diagnostic("SL1001").WithLocation(0));

    [Fact]
    public Task BusinessMethodNamedLikeACommonSink_InAFileThatNamesTheSinksNamespace_StaysSilent() => Profiles.VerifyAsync(
        new[]
        {
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            public interface IMessageBus
            {
                Task<HttpResponseMessage> SendAsync(string topic);
            }

            public sealed class MessageBus : IMessageBus
            {
                public Task<HttpResponseMessage> SendAsync(string topic) => Task.FromResult(new HttpResponseMessage());
            }

            public sealed class Mirror
            {
                private readonly HttpClient http = new HttpClient();

                public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => http.SendAsync(request);
            }
            """,
            Crawler("private readonly IMessageBus bus = new MessageBus(); private readonly HttpClient unused = null;", "bus.SendAsync(\"https://www.linkedin.com/in/\" + handle)", "using System.Net.Http;"),
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary);

    [Fact]
    public Task VirtualMethodWithoutAFetchingOverride_StaysSilent() => Profiles.VerifyAsync(
        new[]
        {
            """
            using System.Threading.Tasks;

            public class JobLoader
            {
                public virtual Task<string> Start(string url) => Task.FromResult(url);
            }

            public sealed class CachedJobLoader : JobLoader
            {
                public override Task<string> Start(string url) => Task.FromResult(url.ToUpperInvariant());
            }
            """,
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            public sealed class Mirror
            {
                private readonly HttpClient http = new HttpClient();

                public Task<string> Start(string url) => http.GetStringAsync(url);
            }
            """,
            Crawler("private readonly JobLoader loader = new CachedJobLoader();", "loader.Start(\"https://www.linkedin.com/in/\" + handle)"),
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary);

    [Fact]
    public Task LocalFunctionWrapper_IsFollowed() => Profiles.VerifyAsync("""
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        public class AlumniCrawler
        {
            private readonly HttpClient http = new HttpClient();

            public async Task RunAsync(IEnumerable<string> handles)
            {
                foreach (var handle in handles)
                {
                    await {|#0:Profile(handle)|};
                }

                Task<string> Profile(string name) => http.GetStringAsync("https://www.linkedin.com/in/" + name);
            }
        }
        """, Profiles.Diagnostic("SL1001").WithLocation(0));

    [Fact]
    public Task ExtensionMethodWrapper_InAnotherFile_IsFollowed() => Profiles.VerifyAsync(
        new[]
        {
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            public static class PageExtensions
            {
                public static Task<string> PageAsync(this HttpClient http, string url) => http.GetStringAsync(url);
            }
            """,
            Crawler("private readonly System.Net.Http.HttpClient http = new System.Net.Http.HttpClient();", "http.PageAsync(\"https://www.linkedin.com/in/\" + handle)"),
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary,
        Profiles.Diagnostic("SL1001").WithLocation(0));

    [Fact]
    public Task GenericMethodWrapper_IsFollowed() => Profiles.VerifyAsync(
        new[]
        {
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            public sealed class Pages
            {
                private readonly HttpClient http = new HttpClient();

                public async Task<string> PageAsync<TPage>(string url) => await http.GetStringAsync(url);
            }
            """,
            Crawler("private readonly Pages pages = new Pages();", "pages.PageAsync<object>(\"https://www.linkedin.com/in/\" + handle)"),
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary,
        Profiles.Diagnostic("SL1001").WithLocation(0));

    [Fact]
    public Task MethodOfAGenericType_IsFollowed() => Profiles.VerifyAsync(
        new[]
        {
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            public sealed class Pages<TKey>
            {
                private readonly HttpClient http = new HttpClient();

                public Task<string> PageAsync(string url) => http.GetStringAsync(url);
            }
            """,
            Crawler("private readonly Pages<int> pages = new Pages<int>();", "pages.PageAsync(\"https://www.linkedin.com/in/\" + handle)"),
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary,
        Profiles.Diagnostic("SL1001").WithLocation(0));

    [Fact]
    public Task PartialMethodWrapper_IsFollowed() => Profiles.VerifyAsync(
        new[]
        {
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            public partial class Pages
            {
                private readonly HttpClient http = new HttpClient();

                public partial Task<string> PageAsync(string url) => http.GetStringAsync(url);
            }
            """,
            """
            using System.Threading.Tasks;

            public partial class Pages
            {
                public partial Task<string> PageAsync(string url);
            }
            """,
            Crawler("private readonly Pages pages = new Pages();", "pages.PageAsync(\"https://www.linkedin.com/in/\" + handle)"),
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary,
        Profiles.Diagnostic("SL1001").WithLocation(0));

    // RestSharp's Get in a file that imports RestSharp only through a global using elsewhere, on a client whose type is never written.
    [Fact]
    public Task CommonSinkName_ImportedByAGlobalUsing_IsStillASink() => Terms.VerifyAsync(
        new[]
        {
            """
            global using RestSharp;
            """,
            """
            public static class Clients
            {
                public static RestClient Make() => new RestClient();
            }
            """,
            """
            public class TimelineClient
            {
                public object Guide()
                {
                    var client = Clients.Make();
                    return {|#0:client.Get(new RestRequest("https://twitter.com/i/api/2/guide.json"))|};
                }
            }
            """,
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary,
        Terms.Diagnostic("SL4001", DiagnosticSeverity.Info).WithLocation(0));

    // The receiver check skips binding only for the project's own types that derive from nothing in a sink library.
    [Fact]
    public Task CommonSinkName_OnAProjectTypeDerivedFromTheLibrary_IsStillASink() => Terms.VerifyAsync("""
        using RestSharp;

        public sealed class TimelineClient : RestClient
        {
        }

        public class Timeline
        {
            private readonly TimelineClient client = new TimelineClient();

            public RestResponse Guide() => {|#0:client.Get(new RestRequest("https://twitter.com/i/api/2/guide.json"))|};
        }
        """, Terms.Diagnostic("SL4001", DiagnosticSeverity.Info).WithLocation(0));

    [Fact]
    public Task CommonSinkName_OnAParameterOfTheLibrarysType_IsStillASink() => Terms.VerifyAsync("""
        using HtmlAgilityPack;

        public class Groups
        {
            public HtmlDocument Feed(HtmlWeb web) => {|#0:web.Load("https://www.facebook.com/groups/feed")|};
        }
        """, Terms.Diagnostic("SL4001", DiagnosticSeverity.Info).WithLocation(0));

    // HtmlAgilityPack's Load in a file whose text names neither HtmlWeb nor HtmlAgilityPack: only the global using lets it be bound.
    [Fact]
    public Task CommonSinkName_InAFileThatNamesNoLibrary_IsFoundThroughTheGlobalUsing() => Terms.VerifyAsync(
        new[]
        {
            """
            global using HtmlAgilityPack;
            """,
            """
            public static class Webs
            {
                public static HtmlWeb Make() => new HtmlWeb();
            }
            """,
            """
            public class Groups
            {
                public object Feed()
                {
                    var web = Webs.Make();
                    return {|#0:web.Load("https://www.facebook.com/groups/feed")|};
                }
            }
            """,
        },
        editorConfig: null,
        OutputKind.DynamicallyLinkedLibrary,
        Terms.Diagnostic("SL4001", DiagnosticSeverity.Info).WithLocation(0));

    // HtmlAgilityPack and RestSharp referenced, named in the file, and business methods called Load, Get, Execute and
    // Send that fetch nothing: no call resolves to a sink, so no method is a wrapper.
    [Fact]
    public Task BusinessMethodsNamedLikeSinks_NextToAReferencedLibrary_StaySilent() => Profiles.VerifyAsync("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using HtmlAgilityPack;
        using RestSharp;

        public sealed class ProfileCache
        {
            private readonly Dictionary<string, string> pages = new();

            public string Get(string key) => pages.TryGetValue(key, out var page) ? page : string.Empty;

            public HtmlDocument Load(string key)
            {
                var document = new HtmlDocument();
                document.LoadHtml(Get(key));
                return document;
            }

            public Task<string> Execute(string key) => Task.FromResult(Get(key));

            public Task<string> Send(string key) => Execute(key);
        }

        public class AlumniIndex
        {
            private readonly ProfileCache cache = new ProfileCache();

            public async Task RunAsync(IEnumerable<string> handles, RestClient unused)
            {
                foreach (var handle in handles)
                {
                    cache.Load("https://www.linkedin.com/in/" + handle);
                    await cache.Send("https://www.linkedin.com/in/" + handle);
                }
            }
        }
        """);
}
