using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Platform.Webhooks;

public sealed record WebhookSubscription(Guid Id, Uri CallbackUrl, string Secret, IReadOnlySet<string> Events);

public sealed record WebhookEvent(string Type, Guid Id, DateTimeOffset OccurredAt, object Data);

public sealed record DeliveryResult(Guid SubscriptionId, int StatusCode, bool Delivered);

public interface ISubscriptionRepository
{
    Task<IReadOnlyList<WebhookSubscription>> ForEventAsync(string eventType, CancellationToken cancellationToken);
}

/// <summary>Delivers one event to every subscriber of it: signed JSON POSTs sent in parallel.</summary>
public sealed class WebhookFanOutDispatcher
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient http;
    private readonly ISubscriptionRepository subscriptions;

    public WebhookFanOutDispatcher(HttpClient http, ISubscriptionRepository subscriptions)
    {
        this.http = http;
        this.subscriptions = subscriptions;
    }

    public async Task<DeliveryResult[]> DispatchAsync(WebhookEvent evt, CancellationToken cancellationToken)
    {
        var targets = await subscriptions.ForEventAsync(evt.Type, cancellationToken);
        var body = JsonSerializer.Serialize(evt, Json);
        var deliveries = targets.Select(subscription => DeliverAsync(subscription, body, cancellationToken));
        return await Task.WhenAll(deliveries);
    }

    private async Task<DeliveryResult> DeliverAsync(WebhookSubscription subscription, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.CallbackUrl)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Contoso-Signature", Sign(body, subscription.Secret));
        request.Headers.Add("X-Contoso-Delivery", Guid.NewGuid().ToString());

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return new DeliveryResult(subscription.Id, (int)response.StatusCode, response.IsSuccessStatusCode);
        }
        catch (HttpRequestException)
        {
            return new DeliveryResult(subscription.Id, 0, false);
        }
    }

    private static string Sign(string body, string secret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return "sha256=" + Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(body))).ToLowerInvariant();
    }
}
