using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Contoso.Website.Pages;

public sealed record Employee(string Name, string Email, string Role, string? GitHubLogin, string? InstagramHandle, string? TikTokUser);

public sealed record TeamCard(string Name, string Role, string AvatarUrl, IReadOnlyList<(string Label, string Url)> Links);

/// <summary>View model of the "Our team" page (Razor view renders the cards); builds display URLs only.</summary>
public sealed class TeamPageViewModel
{
    public TeamPageViewModel(IEnumerable<Employee> employees)
    {
        Cards = employees.OrderBy(e => e.Name).Select(ToCard).ToList();
    }

    public IReadOnlyList<TeamCard> Cards { get; }

    public string RenderHtml()
    {
        var html = new StringBuilder("<section class=\"team\">");
        foreach (var card in Cards)
        {
            html.Append($"<article><img src=\"{card.AvatarUrl}\" alt=\"{card.Name}\" class=\"avatar\"/><h3>{card.Name}</h3><p>{card.Role}</p><ul>");
            foreach (var (label, url) in card.Links)
            {
                html.Append($"<li><a rel=\"noopener\" href=\"{url}\">{label}</a></li>");
            }

            html.Append("</ul></article>");
        }

        return html.Append("</section>").ToString();
    }

    private static TeamCard ToCard(Employee employee)
    {
        var links = new List<(string, string)>();
        if (employee.GitHubLogin is not null)
        {
            links.Add(("GitHub", $"https://github.com/{employee.GitHubLogin}"));
        }

        if (employee.InstagramHandle is not null)
        {
            links.Add(("Instagram", $"https://www.instagram.com/{employee.InstagramHandle}/"));
        }

        if (employee.TikTokUser is not null)
        {
            links.Add(("TikTok", $"https://www.tiktok.com/@{employee.TikTokUser}"));
        }

        return new TeamCard(employee.Name, employee.Role, GravatarUrl(employee.Email, 128), links);
    }

    private static string GravatarUrl(string email, int size)
    {
        var hash = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()))).ToLowerInvariant();
        return $"https://www.gravatar.com/avatar/{hash}?s={size}&d=identicon";
    }
}
