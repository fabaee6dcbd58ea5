using System;

namespace ScrapeLint.Compliance;

/// <summary>
/// A compiled robots.txt path pattern: <c>*</c> matches any run of characters (including none) and a
/// trailing <c>$</c> anchors the pattern at the end of the path. Anywhere else <c>$</c> is literal.
/// Paths arrive with their own <c>*</c> and <c>$</c> percent-encoded (<see cref="PercentEncoding.NormalizePath"/>),
/// so a literal <c>$</c> of the pattern is compared as <c>%24</c>, and a pattern's <c>%2A</c> and <c>%24</c>
/// match a literal <c>*</c> and <c>$</c> in the URL (RFC 9309 section 2.2.3).
/// </summary>
/// <remarks>
/// Matching never backtracks. The pattern is split at every <c>*</c> into literal segments; the first
/// segment must sit at the start of the path, every following segment is taken at its leftmost
/// occurrence after the previous one (choosing the leftmost occurrence never loses a match, because
/// whatever could follow a later occurrence can also follow an earlier one), and with <c>$</c> the last
/// segment must sit at the very end. The cost is one forward scan per segment: O(path × pattern) in the
/// worst case and close to linear in practice.
/// </remarks>
internal sealed class PathPattern
{
    private readonly string[] _segments;
    private readonly bool _anchored;

    private PathPattern(string text, string[] segments, bool anchored)
    {
        Text = text;
        _segments = segments;
        _anchored = anchored;
    }

    /// <summary>The normalised pattern text; its length is the rule's priority.</summary>
    public string Text { get; }

    public int Length => Text.Length;

    /// <summary>Compiles a pattern that has already been percent-normalised.</summary>
    public static PathPattern Compile(string normalized)
    {
        var anchored = normalized.Length > 0 && normalized[normalized.Length - 1] == '$';
        var body = anchored ? normalized.Substring(0, normalized.Length - 1) : normalized;
        body = body.Replace("$", "%24");

        // Split at '*'. Empty pieces between consecutive stars carry no information, but the first and
        // last pieces keep their position meaning (start of path / end of path), so they stay even if empty.
        var pieces = body.Split('*');
        var segments = new string[pieces.Length];
        var count = 0;
        for (var i = 0; i < pieces.Length; i++)
        {
            if (pieces[i].Length > 0 || i == 0 || i == pieces.Length - 1)
            {
                segments[count++] = pieces[i];
            }
        }

        Array.Resize(ref segments, count);
        return new PathPattern(normalized, segments, anchored);
    }

    /// <summary>Whether the pattern matches the (normalised) path, which starts with '/'.</summary>
    public bool IsMatch(string path)
    {
        var first = _segments[0];
        if (!StartsWithAt(path, 0, first))
        {
            return false;
        }

        if (_segments.Length == 1)
        {
            // No wildcard: a plain prefix, or the whole path when anchored.
            return !_anchored || path.Length == first.Length;
        }

        var position = first.Length;
        var lastIndex = _segments.Length - 1;
        for (var i = 1; i < lastIndex; i++)
        {
            var found = path.IndexOf(_segments[i], position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + _segments[i].Length;
        }

        var last = _segments[lastIndex];
        if (_anchored)
        {
            // The final segment has to end the path, without overlapping what was already consumed.
            var start = path.Length - last.Length;
            return start >= position && StartsWithAt(path, start, last);
        }

        return last.Length == 0 || path.IndexOf(last, position, StringComparison.Ordinal) >= 0;
    }

    private static bool StartsWithAt(string text, int index, string value) =>
        value.Length == 0 || (text.Length - index >= value.Length &&
                              string.CompareOrdinal(text, index, value, 0, value.Length) == 0);
}
