using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Integrations.Auth;

public interface IClientCredentials
{
    string TokenEndpoint { get; }
    string ClientId { get; }
    string ClientSecret { get; }
    string Scope { get; }
}

public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

/// <summary>
/// Adds a client-credentials bearer token to outgoing requests, refreshing it before it expires
/// and once more when the API answers 401.
/// </summary>
public sealed class OAuthTokenRefreshingHandler : DelegatingHandler
{
    private readonly HttpClient tokenClient;
    private readonly IClientCredentials credentials;
    private readonly SemaphoreSlim gate = new(1, 1);
    private string? token;
    private DateTimeOffset expiresAt;

    public OAuthTokenRefreshingHandler(HttpClient tokenClient, IClientCredentials credentials)
    {
        this.tokenClient = tokenClient;
        this.credentials = credentials;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(force: attempt > 0, cancellationToken));
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Unauthorized || attempt == 1)
            {
                return response;
            }

            response.Dispose();
        }
    }

    private async Task<string> TokenAsync(bool force, CancellationToken cancellationToken)
    {
        if (!force && token is not null && DateTimeOffset.UtcNow < expiresAt)
        {
            return token;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!force && token is not null && DateTimeOffset.UtcNow < expiresAt)
            {
                return token;
            }

            var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = credentials.ClientId,
                ["client_secret"] = credentials.ClientSecret,
                ["scope"] = credentials.Scope,
            });
            using var response = await tokenClient.PostAsync(credentials.TokenEndpoint, form, cancellationToken);
            response.EnsureSuccessStatusCode();
            var body = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken: cancellationToken)
                ?? throw new InvalidOperationException("Empty token response");
            token = body.AccessToken;
            expiresAt = DateTimeOffset.UtcNow.AddSeconds(body.ExpiresIn - 60);
            return token;
        }
        finally
        {
            gate.Release();
        }
    }
}
