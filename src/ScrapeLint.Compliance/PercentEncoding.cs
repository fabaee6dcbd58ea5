using System;
using System.Text;

namespace ScrapeLint.Compliance;

/// <summary>
/// Brings a URL path or a robots.txt path pattern into one canonical form so both sides compare
/// octet by octet (RFC 9309 section 2.2.2):
/// <list type="bullet">
/// <item>a percent-encoded unreserved character (<c>%41</c>, <c>%7e</c>) is decoded (RFC 3986 section 2.3);</item>
/// <item>any other percent-encoded octet keeps its encoding with upper-case hex digits (<c>%2f</c> becomes <c>%2F</c>);</item>
/// <item>a <c>%</c> that does not start a valid escape becomes <c>%25</c>;</item>
/// <item>non-ASCII characters are encoded as UTF-8 octets, and control characters, space and the
/// characters a URI may never contain literally (<c>"&lt;&gt;\^`{|}</c>) are percent-encoded.</item>
/// </list>
/// In a pattern <c>*</c> and <c>$</c> are left alone, so it keeps its wildcards, while <c>%2A</c> and <c>%24</c>
/// stay encoded; in a URL path <c>*</c> and <c>$</c> are encoded, so a pattern's <c>%2A</c> and <c>%24</c> match
/// a literal <c>*</c> and <c>$</c> in the URL (RFC 9309 section 2.2.3).
/// </summary>
internal static class PercentEncoding
{
    private const string HexDigits = "0123456789ABCDEF";

    /// <summary>Normalises a robots.txt pattern: its <c>*</c> and <c>$</c> keep their special meaning.</summary>
    public static string Normalize(string value) => Normalize(value, isPath: false);

    /// <summary>Normalises the path and query of a URL: its <c>*</c> and <c>$</c> are plain characters.</summary>
    public static string NormalizePath(string value) => Normalize(value, isPath: true);

    private static string Normalize(string value, bool isPath)
    {
        if (!NeedsWork(value) && !(isPath && HasSpecials(value)))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 < value.Length && TryHex(value[i + 1], out var high) && TryHex(value[i + 2], out var low))
                {
                    var octet = (high << 4) | low;
                    if (IsUnreserved(octet))
                    {
                        builder.Append((char)octet);
                    }
                    else
                    {
                        AppendEscaped(builder, octet);
                    }

                    i += 2;
                }
                else
                {
                    builder.Append("%25");
                }
            }
            else if (c >= 0x80)
            {
                i = AppendUtf8(builder, value, i);
            }
            else if (MustEscape(c) || (isPath && (c == '*' || c == '$')))
            {
                AppendEscaped(builder, c);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

#if NET8_0_OR_GREATER
    // Every printable ASCII character that is kept as it is.
    private static readonly System.Buffers.SearchValues<char> Untouched = System.Buffers.SearchValues.Create(
        "!#$&'()*+,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]_abcdefghijklmnopqrstuvwxyz~");

    private static bool NeedsWork(string value) => value.AsSpan().IndexOfAnyExcept(Untouched) >= 0;
#else
    private static bool NeedsWork(string value)
    {
        foreach (var c in value)
        {
            if (c == '%' || c >= 0x80 || MustEscape(c))
            {
                return true;
            }
        }

        return false;
    }
#endif

    private static bool HasSpecials(string value) => value.IndexOf('*') >= 0 || value.IndexOf('$') >= 0;

    private static bool MustEscape(char c) =>
        c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' ||
        c == '{' || c == '|' || c == '}';

    private static bool IsUnreserved(int octet) =>
        (octet >= 'A' && octet <= 'Z') || (octet >= 'a' && octet <= 'z') || (octet >= '0' && octet <= '9') ||
        octet == '-' || octet == '.' || octet == '_' || octet == '~';

    private static bool TryHex(char c, out int value)
    {
        if (c >= '0' && c <= '9')
        {
            value = c - '0';
            return true;
        }

        if (c >= 'A' && c <= 'F')
        {
            value = c - 'A' + 10;
            return true;
        }

        if (c >= 'a' && c <= 'f')
        {
            value = c - 'a' + 10;
            return true;
        }

        value = 0;
        return false;
    }

    private static void AppendEscaped(StringBuilder builder, int octet)
    {
        builder.Append('%').Append(HexDigits[octet >> 4]).Append(HexDigits[octet & 0xF]);
    }

    // Encodes the character (or surrogate pair) at index as UTF-8 escapes; returns the last index consumed.
    private static int AppendUtf8(StringBuilder builder, string value, int index)
    {
        int codePoint = value[index];
        var last = index;
        if (char.IsHighSurrogate(value[index]) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
        {
            codePoint = char.ConvertToUtf32(value[index], value[index + 1]);
            last = index + 1;
        }
        else if (char.IsSurrogate(value[index]))
        {
            codePoint = 0xFFFD; // a lone surrogate has no UTF-8 form
        }

        if (codePoint < 0x800)
        {
            AppendEscaped(builder, 0xC0 | (codePoint >> 6));
            AppendEscaped(builder, 0x80 | (codePoint & 0x3F));
        }
        else if (codePoint < 0x10000)
        {
            AppendEscaped(builder, 0xE0 | (codePoint >> 12));
            AppendEscaped(builder, 0x80 | ((codePoint >> 6) & 0x3F));
            AppendEscaped(builder, 0x80 | (codePoint & 0x3F));
        }
        else
        {
            AppendEscaped(builder, 0xF0 | (codePoint >> 18));
            AppendEscaped(builder, 0x80 | ((codePoint >> 12) & 0x3F));
            AppendEscaped(builder, 0x80 | ((codePoint >> 6) & 0x3F));
            AppendEscaped(builder, 0x80 | (codePoint & 0x3F));
        }

        return last;
    }
}
