using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Contoso.Intranet.People;

public sealed record UserProfile(Guid Id, string DisplayName, string Department, string? AvatarPath);

public interface IIntranetLog
{
    void Info(string message);
}

/// <summary>
/// Keeps the intranet's staff directory in step with the HR service (our own API, same host)
/// and with Microsoft Graph profile photos of our tenant.
/// </summary>
public sealed class UserAvatarSyncService
{
    private const string HrApi = "https://localhost:5001/api";
    private readonly HttpClient http;
    private readonly IIntranetLog log;

    public UserAvatarSyncService(HttpClient http, IIntranetLog log)
    {
        this.http = http;
        this.log = log;
    }

    public async Task<List<UserProfile>> RefreshProfilesAsync(IEnumerable<Guid> userIds, CancellationToken cancellationToken)
    {
        var profiles = new List<UserProfile>();
        foreach (var user in userIds)
        {
            var profile = await http.GetFromJsonAsync<UserProfile>($"{HrApi}/users/{user}/profile", cancellationToken);
            if (profile is not null)
            {
                profiles.Add(profile);
            }
        }

        return profiles;
    }

    public async Task CacheAvatarsAsync(IEnumerable<UserProfile> profiles, string cacheFolder, CancellationToken cancellationToken)
    {
        foreach (var profile in profiles)
        {
            var avatarUrl = $"{HrApi}/users/{profile.Id}/avatar";
            var avatar = await http.GetByteArrayAsync(avatarUrl, cancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(cacheFolder, $"{profile.Id}.png"), avatar, cancellationToken);
        }
    }

    public async Task CacheGraphPhotosAsync(IEnumerable<string> userPrincipalNames, string accessToken, string cacheFolder, CancellationToken cancellationToken)
    {
        foreach (var upn in userPrincipalNames)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"https://graph.microsoft.com/v1.0/users/{upn}/photos/96x96/$value");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                log.Info($"{upn} has no photo");
                continue;
            }

            var photo = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            await File.WriteAllBytesAsync(Path.Combine(cacheFolder, upn + ".jpg"), photo, cancellationToken);
        }
    }

    public IEnumerable<string> ImageTags(IEnumerable<UserProfile> profiles)
    {
        foreach (var profile in profiles)
        {
            var image = profile.AvatarPath ?? "/img/default-avatar.png";
            yield return $"<img class=\"avatar\" src=\"{image}\" alt=\"{profile.DisplayName}\"/>";
        }
    }
}
