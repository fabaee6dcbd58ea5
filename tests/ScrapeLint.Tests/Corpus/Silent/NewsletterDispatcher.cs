using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Litware.Marketing.Email;

public sealed record Subscriber(string Email, string FirstName, string ProfileUrl, string AvatarUrl);

public interface INewsletterLog
{
    void Info(string message);
}

/// <summary>Sends the monthly newsletter through the e-mail provider's v3 send API, one personalised message per subscriber.</summary>
public sealed class NewsletterDispatcher
{
    private const string SendEndpoint = "https://api.sendgrid.com/v3/mail/send";
    private readonly HttpClient http;
    private readonly INewsletterLog log;

    public NewsletterDispatcher(HttpClient http, string apiKey, INewsletterLog log)
    {
        this.http = http;
        this.log = log;
        this.http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    public async Task<int> SendAsync(IReadOnlyList<Subscriber> subscribers, string subject, string templateId, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var person in subscribers)
        {
            var message = new
            {
                from = new { email = "news@litware.example", name = "Litware" },
                template_id = templateId,
                personalizations = new[]
                {
                    new
                    {
                        to = new[] { new { email = person.Email } },
                        dynamic_template_data = new { first_name = person.FirstName, profile = person.ProfileUrl, avatar = person.AvatarUrl, subject },
                    },
                },
            };

            using var response = await http.PostAsJsonAsync(SendEndpoint, message, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                sent++;
            }
            else
            {
                log.Info($"Send to {person.Email} failed: {(int)response.StatusCode}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        return sent;
    }
}
