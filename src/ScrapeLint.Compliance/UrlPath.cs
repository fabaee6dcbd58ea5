namespace ScrapeLint.Compliance;

/// <summary>Finds the part of a URL that robots.txt rules are matched against: path plus query.</summary>
internal static class UrlPath
{
    /// <summary>
    /// Accepts an absolute URL (<c>https://host/a?b</c>), a scheme-relative one (<c>//host/a</c>), a
    /// path (<c>/a?b</c>) or a bare query (<c>?b</c>). The fragment is dropped; the result always starts
    /// with '/'. Anything unusable gives "/".
    /// </summary>
    public static string Extract(string? url)
    {
        if (url is null)
        {
            return "/";
        }

        var value = url.Trim();
        if (value.Length == 0)
        {
            return "/";
        }

        int pathStart;
        if (value[0] == '/' && (value.Length == 1 || value[1] != '/'))
        {
            pathStart = 0;
        }
        else if (value[0] == '?')
        {
            return "/" + StripFragment(value);
        }
        else
        {
            var authorityStart = value.StartsWith("//", System.StringComparison.Ordinal) ? 2 : SchemeEnd(value);
            pathStart = value.IndexOfAny(PathStarters, authorityStart);
            if (pathStart < 0)
            {
                return "/";
            }
        }

        var rest = StripFragment(value.Substring(pathStart));
        if (rest.Length == 0)
        {
            return "/";
        }

        return rest[0] == '/' ? rest : "/" + rest;
    }

    private static readonly char[] PathStarters = { '/', '?', '#' };

    // Index just past "scheme://" when the value starts with a syntactically valid scheme, else 0.
    private static int SchemeEnd(string value)
    {
        var marker = value.IndexOf("://", System.StringComparison.Ordinal);
        if (marker <= 0)
        {
            return 0;
        }

        for (var i = 0; i < marker; i++)
        {
            var c = value[i];
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                     (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
            if (!ok)
            {
                return 0;
            }
        }

        return marker + 3;
    }

    private static string StripFragment(string value)
    {
        var hash = value.IndexOf('#');
        return hash < 0 ? value : value.Substring(0, hash);
    }
}
