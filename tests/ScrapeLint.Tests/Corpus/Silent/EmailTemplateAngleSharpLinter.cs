using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Northwind.Marketing.Templates;

public sealed record LintIssue(string Template, string Rule, string Detail);

/// <summary>
/// CI check for the e-mail templates in the repository: every image needs alt text and an absolute
/// https source, every link needs an href. Templates are loaded from disk into AngleSharp virtual responses.
/// </summary>
public sealed class EmailTemplateAngleSharpLinter
{
    private readonly IBrowsingContext context = BrowsingContext.New(Configuration.Default);
    private readonly HtmlParser parser = new();

    public async Task<List<LintIssue>> LintFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var issues = new List<LintIssue>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.html"))
        {
            var html = await File.ReadAllTextAsync(path, cancellationToken);
            using var document = await context.OpenAsync(response => response.Content(html).Address("file:///" + Path.GetFileName(path)), cancellationToken);
            issues.AddRange(Check(Path.GetFileName(path), document));
        }

        return issues;
    }

    public IEnumerable<LintIssue> LintSnippets(IReadOnlyDictionary<string, string> snippets)
    {
        foreach (var (name, html) in snippets)
        {
            using var document = parser.ParseDocument(html);
            foreach (var issue in Check(name, document))
            {
                yield return issue;
            }
        }
    }

    private static IEnumerable<LintIssue> Check(string template, IDocument document)
    {
        foreach (var image in document.Images)
        {
            if (string.IsNullOrWhiteSpace(image.AlternativeText))
            {
                yield return new LintIssue(template, "img-alt", image.Source ?? "(no src)");
            }

            var src = image.GetAttribute("src") ?? "";
            if (!src.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !src.StartsWith("cid:", StringComparison.OrdinalIgnoreCase))
            {
                yield return new LintIssue(template, "img-src-https", src);
            }
        }

        foreach (var anchor in document.QuerySelectorAll("a").Where(a => string.IsNullOrEmpty(a.GetAttribute("href"))))
        {
            yield return new LintIssue(template, "a-href", anchor.TextContent.Trim());
        }
    }
}
