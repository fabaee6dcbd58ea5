using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Adatum.Support.Console;

public sealed record UserDto(int Id, string Name, string Email, string Plan);

public sealed record MemberDto(int Id, int UserId, string Team);

/// <summary>Thin wrapper over the support console's DI'd client (BaseAddress = our backend).</summary>
public sealed class BackendApi
{
    private readonly HttpClient http;

    public BackendApi(HttpClient http) => this.http = http;

    public Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken) => http.GetFromJsonAsync<T>(path, cancellationToken);
}

/// <summary>Loads the users behind a list of support tickets from our own backend.</summary>
public sealed class InternalApiUserLookup
{
    private readonly BackendApi api;

    public InternalApiUserLookup(BackendApi api) => this.api = api;

    public async Task<List<UserDto>> UsersAsync(IEnumerable<int> userIds, CancellationToken cancellationToken)
    {
        var users = new List<UserDto>();
        foreach (var id in userIds)
        {
            var user = await api.GetAsync<UserDto>($"api/users/{id}", cancellationToken);
            if (user is not null)
            {
                users.Add(user);
            }
        }

        return users;
    }

    public async Task<List<MemberDto>> MembersAsync(IReadOnlyList<int> teamIds, CancellationToken cancellationToken)
    {
        var members = new List<MemberDto>();
        foreach (var teamId in teamIds)
        {
            members.AddRange(await api.GetAsync<List<MemberDto>>($"api/teams/{teamId}/members", cancellationToken) ?? new List<MemberDto>());
        }

        foreach (var member in members)
        {
            var profile = await api.GetAsync<UserDto>($"api/members/{member.Id}/profile", cancellationToken);
            _ = profile?.Email;
        }

        return members;
    }
}
