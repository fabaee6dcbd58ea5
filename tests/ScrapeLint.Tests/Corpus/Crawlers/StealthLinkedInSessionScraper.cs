using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Recruiting.Sourcing
{
    /// <summary>Options bound from configuration.</summary>
    public sealed class StealthOptions
    {
        public string ProxyListPath { get; set; } = "proxies.txt";
        public string LinkedInSession { get; set; } = "";
        public string CaptchaApiKey { get; set; } = "";
    }

    /// <summary>
    /// Sourcing tool that reads candidate profiles as a logged-in member, through a pool of proxies, with
    /// a browser's identity, and sends challenges to a solving service.
    /// </summary>
    public sealed class StealthLinkedInSessionScraper
    {
        private static readonly string[] DesktopAgents =
        {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0",
        };

        private const string CaptchaApi = "https://api.capsolver.com/createTask";

        private readonly StealthOptions options;
        private readonly List<string> proxies;
        private int nextProxy;

        public StealthLinkedInSessionScraper(StealthOptions options)
        {
            this.options = options;
            proxies = File.ReadAllLines(options.ProxyListPath).Where(l => l.Length > 0).ToList();
        }

        private string NextProxy() => proxies[nextProxy++ % proxies.Count];

        private HttpClient CreateClient()
        {
            var jar = new CookieContainer();
            jar.Add(new Uri("https://www.linkedin.com"), new Cookie("li_at", options.LinkedInSession)); // expect: SL3004
            var handler = new HttpClientHandler
            {
                CookieContainer = jar,
                Proxy = new WebProxy(NextProxy()), // expect: SL3002
            };
            return new HttpClient(handler);
        }

        public async Task<IReadOnlyList<string>> ReadProfilesAsync(IEnumerable<string> handles)
        {
            var pages = new List<string>();
            var random = new Random();
            foreach (var handle in handles)
            {
                using var http = CreateClient();
                using var request = new HttpRequestMessage(HttpMethod.Get, $"https://www.linkedin.com/in/{handle}/");
                request.Headers.TryAddWithoutValidation("User-Agent", DesktopAgents[random.Next(DesktopAgents.Length)]); // expect: SL3001
                using var response = await http.SendAsync(request); // expect: SL1001, SL2001, SL2002, SL4001
                var html = await response.Content.ReadAsStringAsync();
                if (html.Contains("challenge", StringComparison.OrdinalIgnoreCase))
                {
                    await SolveChallengeAsync(http, handle);
                    continue;
                }

                pages.Add(html);
            }

            return pages;
        }

        private async Task SolveChallengeAsync(HttpClient http, string handle)
        {
            var task = new Dictionary<string, string>
            {
                ["clientKey"] = options.CaptchaApiKey,
                ["websiteURL"] = $"https://www.linkedin.com/in/{handle}/",
            };
            using var content = new FormUrlEncodedContent(task);
            using var response = await http.PostAsync(CaptchaApi, content); // expect: SL3003
            response.EnsureSuccessStatusCode();
        }
    }
}
