using System;
using System.Collections.Generic;
using System.Net;
using System.Text;

namespace Northwind.Hr.Onboarding;

public sealed record TeamMember(string Name, string Title, string? LinkedInHandle, string? TwitterUser, string PhotoFileName);

public interface IOnboardingLog
{
    void Debug(string message);
}

/// <summary>
/// Builds the "meet your team" HTML e-mail sent to new hires. Social links are rendered for the
/// reader to click; nothing here fetches them.
/// </summary>
public sealed class TeamIntroEmailTemplate
{
    private readonly string cdnBase;
    private readonly IOnboardingLog log;

    public TeamIntroEmailTemplate(string cdnBase, IOnboardingLog log)
    {
        this.cdnBase = cdnBase.TrimEnd('/');
        this.log = log;
    }

    public string Render(string newHireName, IReadOnlyList<TeamMember> team)
    {
        var html = new StringBuilder();
        html.Append("<html><body style=\"font-family:Segoe UI,sans-serif\">");
        html.Append($"<h1>Welcome, {WebUtility.HtmlEncode(newHireName)}!</h1><table>");

        foreach (var member in team)
        {
            var photo = $"{cdnBase}/team/{Uri.EscapeDataString(member.PhotoFileName)}";
            html.Append("<tr><td>");
            html.Append($"<img src=\"{photo}\" width=\"64\" height=\"64\" alt=\"{WebUtility.HtmlEncode(member.Name)}\"/>");
            html.Append("</td><td>");
            html.Append($"<strong>{WebUtility.HtmlEncode(member.Name)}</strong><br/>{WebUtility.HtmlEncode(member.Title)}<br/>");

            if (member.LinkedInHandle is { Length: > 0 } handle)
            {
                var profileUrl = $"https://www.linkedin.com/in/{Uri.EscapeDataString(handle)}";
                html.Append($"<a href=\"{profileUrl}\">LinkedIn</a> ");
                log.Debug($"Linked {member.Name} to {profileUrl}");
            }

            if (member.TwitterUser is { Length: > 0 } user)
            {
                html.Append($"<a href=\"https://twitter.com/{Uri.EscapeDataString(user)}\">@{WebUtility.HtmlEncode(user)}</a>");
            }

            html.Append("</td></tr>");
        }

        html.Append("</table></body></html>");
        return html.ToString();
    }

    public IEnumerable<string> PlainTextLinks(IEnumerable<TeamMember> team)
    {
        foreach (var member in team)
        {
            if (member.LinkedInHandle is not null)
            {
                yield return $"{member.Name}: https://www.linkedin.com/in/{member.LinkedInHandle}";
            }

            if (member.TwitterUser is not null)
            {
                yield return $"{member.Name}: https://x.com/{member.TwitterUser}";
            }
        }
    }
}
