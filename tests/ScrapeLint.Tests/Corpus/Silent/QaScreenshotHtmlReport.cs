using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;

namespace Proseware.Qa.Reporting;

public sealed record ScreenshotResult(string TestName, string Browser, string ImageUrl, bool Passed, string? AvatarUrl);

public interface IReportLog
{
    void Info(string message);
}

/// <summary>Renders the nightly visual regression results as a static HTML gallery.</summary>
public sealed class QaScreenshotHtmlReport
{
    private readonly IReportLog log;

    public QaScreenshotHtmlReport(IReportLog log) => this.log = log;

    public string Build(IEnumerable<ScreenshotResult> results, string artifactsBase)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>Visual tests</title></head><body>");
        foreach (var group in results.GroupBy(r => r.Browser).OrderBy(g => g.Key))
        {
            html.Append($"<h2>{WebUtility.HtmlEncode(group.Key)}</h2><div class=\"grid\">");
            foreach (var result in group)
            {
                var image = $"{artifactsBase.TrimEnd('/')}/screenshots/{Uri.EscapeDataString(result.TestName)}.png";
                var thumbnail = $"{artifactsBase.TrimEnd('/')}/thumbnails/{Uri.EscapeDataString(result.TestName)}.jpg";
                var css = result.Passed ? "pass" : "fail";
                html.Append($"<figure class=\"{css}\"><a href=\"{image}\"><img src=\"{thumbnail}\" loading=\"lazy\"/></a>");
                if (result.AvatarUrl is not null)
                {
                    html.Append($"<img class=\"owner\" src=\"{WebUtility.HtmlEncode(result.AvatarUrl)}\" width=\"24\"/>");
                }

                html.Append($"<figcaption>{WebUtility.HtmlEncode(result.TestName)}</figcaption></figure>");
                log.Info($"Report entry {result.TestName}: {image}");
            }

            html.Append("</div>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    public void Save(string path, IEnumerable<ScreenshotResult> results, string artifactsBase)
    {
        File.WriteAllText(path, Build(results, artifactsBase), Encoding.UTF8);
    }
}
