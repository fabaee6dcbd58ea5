namespace ScrapeLint.Cli.Tests.Infrastructure;

/// <summary>The C# files the fixtures are made of.</summary>
public static class Sources
{
    /// <summary>
    /// A LinkedIn profile loop with no robots.txt check and no delay: SL1001, SL2001, SL2002 (warnings)
    /// and SL4001 (info), all on line 12.
    /// </summary>
    public const string ProfileLoop = """
        using System;
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Fixture;

        public sealed class ProfileLoop
        {
            private readonly HttpClient http = new();

            public async Task RunAsync(IEnumerable<string> handles) { foreach (var handle in handles) { var html = await http.GetStringAsync($"https://www.linkedin.com/in/{handle}/"); Console.WriteLine(html.Length); } }
        }
        """;

    /// <summary>Calls to an official API and to the team's own backend: nothing to report.</summary>
    public const string OwnApiClient = """
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;

        namespace Fixture;

        public sealed class RepoStats
        {
            private readonly HttpClient http = new();

            public async Task<int> CountAsync(IEnumerable<string> repos)
            {
                var total = 0;
                foreach (var repo in repos)
                {
                    var json = await http.GetStringAsync($"https://api.github.com/repos/{repo}");
                    total += json.Length;
                }

                var health = await http.GetStringAsync("http://localhost:5000/health");
                return total + health.Length;
            }
        }
        """;

    /// <summary>
    /// A crawler that uses a library the folder does not provide (unresolved namespace and types), next to
    /// a profile loop the analyzers can still see.
    /// </summary>
    public const string UnresolvedLibraryCrawler = """
        using System.Collections.Generic;
        using System.Net.Http;
        using System.Threading.Tasks;
        using Acme.Scraping.Toolkit;

        namespace Fixture;

        public sealed class MixedCrawler
        {
            private readonly HttpClient http = new();
            private readonly StealthBrowser browser = new StealthBrowser(ProxyPool.Load("proxies.txt"));

            public async Task RunAsync(IEnumerable<string> handles)
            {
                foreach (var handle in handles)
                {
                    await browser.OpenAsync(handle).WithRetries(3);
                    var page = await http.GetStringAsync("https://www.instagram.com/" + handle);
                    Storage.Save(handle, page);
                }
            }
        }
        """;

    public const string SdkProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
        </Project>
        """;

    /// <summary>The profile loop relying on implicit usings: it binds only when the project's setting is read.</summary>
    public const string ImplicitUsingsProfileLoop = """
        namespace Fixture;

        public sealed class ImplicitProfileLoop
        {
            private readonly HttpClient http = new();

            public async Task RunAsync(IEnumerable<string> handles)
            {
                foreach (var handle in handles)
                {
                    var html = await http.GetStringAsync($"https://www.linkedin.com/in/{handle}/");
                    Console.WriteLine(html.Length);
                }
            }
        }
        """;
}
