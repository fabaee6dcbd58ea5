using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;

namespace Fabrikam.Community.Seo;

public sealed record MemberPage(string Slug, DateTimeOffset UpdatedAt, string? TwitterUser);

public interface IMemberDirectory
{
    IAsyncEnumerable<MemberPage> PublicMembersAsync(CancellationToken cancellationToken);
}

/// <summary>Writes sitemap.xml for our community site, one entry per public member page.</summary>
public sealed class CommunitySitemapWriter
{
    private const string SiteRoot = "https://community.fabrikam.com";
    private readonly IMemberDirectory directory;

    public CommunitySitemapWriter(IMemberDirectory directory) => this.directory = directory;

    public async Task<int> WriteAsync(Stream output, CancellationToken cancellationToken)
    {
        var settings = new XmlWriterSettings { Async = true, Indent = true };
        await using var xml = XmlWriter.Create(output, settings);
        await xml.WriteStartDocumentAsync();
        xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");

        await WriteUrlAsync(xml, $"{SiteRoot}/", DateTimeOffset.UtcNow, "daily");
        var count = 1;
        await foreach (var member in directory.PublicMembersAsync(cancellationToken))
        {
            await WriteUrlAsync(xml, $"{SiteRoot}/members/{Uri.EscapeDataString(member.Slug)}", member.UpdatedAt, "weekly");
            await WriteUrlAsync(xml, $"{SiteRoot}/u/{Uri.EscapeDataString(member.Slug)}/posts", member.UpdatedAt, "weekly");
            count += 2;
        }

        xml.WriteEndElement();
        await xml.WriteEndDocumentAsync();
        return count;
    }

    public async Task WriteSocialLinksAsync(TextWriter writer, IReadOnlyList<MemberPage> members)
    {
        foreach (var member in members)
        {
            if (member.TwitterUser is null)
            {
                continue;
            }

            var url = new UriBuilder("https", "twitter.com") { Path = member.TwitterUser }.Uri;
            await writer.WriteLineAsync($"{member.Slug}\t{url}");
        }
    }

    private static async Task WriteUrlAsync(XmlWriter xml, string location, DateTimeOffset lastModified, string frequency)
    {
        xml.WriteStartElement("url");
        await xml.WriteElementStringAsync(null, "loc", null, location);
        await xml.WriteElementStringAsync(null, "lastmod", null, lastModified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await xml.WriteElementStringAsync(null, "changefreq", null, frequency);
        await xml.WriteEndElementAsync();
    }
}
