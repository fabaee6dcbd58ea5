using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Relecloud.Mobile.Config;

public sealed record FeatureFlags(Dictionary<string, bool> Flags, int Version);

public interface IConfigLog
{
    void Warn(string message);
}

/// <summary>Loads the app's remote feature flags at start-up, retrying transient failures a few times.</summary>
public sealed class RemoteConfigLoader
{
    private const string ConfigUrl = "https://config.relecloud.example/mobile/flags.json";
    private const int MaxAttempts = 3;
    private readonly HttpClient http;
    private readonly IConfigLog log;

    public RemoteConfigLoader(HttpClient http, IConfigLog log)
    {
        this.http = http;
        this.log = log;
    }

    public async Task<FeatureFlags> LoadAsync(FeatureFlags fallback, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(ConfigUrl, cancellationToken);
                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    return fallback;
                }

                if ((int)response.StatusCode >= 500)
                {
                    throw new HttpRequestException($"Server error {(int)response.StatusCode}");
                }

                response.EnsureSuccessStatusCode();
                return await response.Content.ReadFromJsonAsync<FeatureFlags>(cancellationToken: cancellationToken) ?? fallback;
            }
            catch (HttpRequestException ex) when (attempt < MaxAttempts - 1)
            {
                var delay = TimeSpan.FromSeconds(Math.Pow(2, attempt));
                log.Warn($"Attempt {attempt + 1} failed: {ex.Message}; retrying in {delay.TotalSeconds}s");
                await Task.Delay(delay, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                log.Warn($"Giving up after {MaxAttempts} attempts: {ex.Message}");
            }
        }

        return fallback;
    }
}
