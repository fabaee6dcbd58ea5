namespace ScrapeLint.Compliance;

/// <summary>Extracts the product token that robots.txt groups are matched on.</summary>
internal static class ProductToken
{
    /// <summary>
    /// The leading run of token characters (letters, digits, <c>-</c> and <c>_</c>) after leading
    /// whitespace: <c>"AcmeBot/1.0 (+https://acme.example/bot)"</c> gives <c>"AcmeBot"</c>. Returns an
    /// empty string when there is none.
    /// </summary>
    public static string Extract(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        var start = 0;
        while (start < value.Length && char.IsWhiteSpace(value[start]))
        {
            start++;
        }

        var end = start;
        while (end < value.Length && IsTokenChar(value[end]))
        {
            end++;
        }

        return end == start ? string.Empty : value.Substring(start, end - start);
    }

    private static bool IsTokenChar(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}
