using System;
using System.Collections.Generic;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>
    /// The few MSBuild conditions folder mode can judge without evaluating the project: comparisons of
    /// <c>$(TargetFramework)</c> (and <c>$(TargetFrameworkIdentifier)</c>) with literals, <c>==</c>, <c>!=</c>,
    /// <c>$(TargetFramework.StartsWith('net4'))</c> / <c>EndsWith</c> / <c>Contains</c>, <c>!</c>, <c>and</c>, <c>or</c>
    /// and parentheses. Anything else (other properties, property functions, MSBuild functions) is unknown:
    /// <see cref="Evaluate"/> returns null and the item is kept, as before conditions were read.
    /// </summary>
    internal sealed class MSBuildCondition
    {
        private readonly string? framework;

        /// <param name="framework">The value of $(TargetFramework); null leaves every condition that uses it unknown.</param>
        public MSBuildCondition(string? framework) => this.framework = framework;

        /// <summary>True or false when the condition can be judged, null when it cannot (or there is none: then true).</summary>
        public bool? Evaluate(string? condition)
        {
            if (string.IsNullOrWhiteSpace(condition))
            {
                return true;
            }

            try
            {
                var parser = new Parser(condition, this);
                var value = parser.Or();
                return parser.AtEnd ? value.Bool : null;
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException)
            {
                // Not a condition this reader can follow: unknown, the item is kept.
                return null;
            }
        }

        private string? Identifier => framework is null ? null
            : framework.StartsWith("netstandard", StringComparison.OrdinalIgnoreCase) ? ".NETStandard"
            : framework.StartsWith("netcoreapp", StringComparison.OrdinalIgnoreCase) || (framework.Length > 3 && framework.StartsWith("net", StringComparison.OrdinalIgnoreCase) && framework.Contains('.', StringComparison.Ordinal)) ? ".NETCoreApp"
            : ".NETFramework";

        /// <summary>A property reference's value: null when folder mode does not know it.</summary>
        private string? Property(string name) => name.Trim() switch
        {
            var n when n.Equals("TargetFramework", StringComparison.OrdinalIgnoreCase) => framework,
            var n when n.Equals("TargetFrameworkIdentifier", StringComparison.OrdinalIgnoreCase) => Identifier,
            _ => null,
        };

        /// <summary>A value: a string (null when unknown) or, for a function or comparison, a tri-state boolean.</summary>
        private readonly record struct Value(string? Text, bool? Bool, bool IsBool)
        {
            public static Value Unknown => new(null, null, true);

            public static Value Of(bool? b) => new(null, b, true);
        }

        private sealed class Parser
        {
            private readonly string text;
            private readonly MSBuildCondition owner;
            private int position;

            public Parser(string text, MSBuildCondition owner)
            {
                this.text = text;
                this.owner = owner;
            }

            public bool AtEnd
            {
                get
                {
                    SkipSpace();
                    return position == text.Length;
                }
            }

            public Value Or()
            {
                var left = And();
                while (Keyword("or"))
                {
                    var right = And();
                    left = Value.Of(left.Bool == true || right.Bool == true ? true : left.Bool == false && right.Bool == false ? false : null);
                }

                return left;
            }

            private Value And()
            {
                var left = Unary();
                while (Keyword("and"))
                {
                    var right = Unary();
                    left = Value.Of(left.Bool == false || right.Bool == false ? false : left.Bool == true && right.Bool == true ? true : null);
                }

                return left;
            }

            private Value Unary()
            {
                SkipSpace();
                if (Peek('!') && !PeekAt(1, '='))
                {
                    position++;
                    var operand = Unary();
                    return Value.Of(operand.Bool is { } b ? !b : null);
                }

                if (Peek('('))
                {
                    position++;
                    var inner = Or();
                    Expect(')');
                    return inner;
                }

                var left = Operand();
                SkipSpace();
                foreach (var op in new[] { "==", "!=" })
                {
                    if (string.CompareOrdinal(text, position, op, 0, 2) == 0)
                    {
                        position += 2;
                        var right = AsText(Operand());
                        left = AsText(left);
                        if (left.Text is null || right.Text is null)
                        {
                            return Value.Unknown;
                        }

                        var equal = string.Equals(left.Text, right.Text, StringComparison.OrdinalIgnoreCase);
                        return Value.Of(op == "==" ? equal : !equal);
                    }
                }

                if (left.IsBool)
                {
                    return left;
                }

                // A bare string: 'true' / 'false' (as MSBuild reads them), else unknown.
                return Value.Of(left.Text is null ? null
                    : left.Text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
                    : left.Text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
                    : null);
            }

            private static Value AsText(Value value)
                => value.IsBool ? new Value(value.Bool is { } b ? (b ? "true" : "false") : null, null, false) : value;

            /// <summary>A quoted string (properties expanded), or an unquoted $(...) reference.</summary>
            private Value Operand()
            {
                SkipSpace();
                if (Peek('\'') || Peek('"'))
                {
                    var quote = text[position++];
                    var end = text.IndexOf(quote, position);
                    if (end < 0)
                    {
                        throw new FormatException();
                    }

                    var inner = text[position..end];
                    position = end + 1;
                    return Expand(inner);
                }

                if (Peek('$'))
                {
                    var start = position;
                    var end = ReferenceEnd(start);
                    position = end;
                    return Expand(text[start..end]);
                }

                // A bare word (true, false, a number).
                var wordStart = position;
                while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '.' or '_' or '-'))
                {
                    position++;
                }

                if (position == wordStart)
                {
                    throw new FormatException();
                }

                return new Value(text[wordStart..position], null, false);
            }

            /// <summary>The text with every $(...) replaced by its value; a single function call becomes a boolean.</summary>
            private Value Expand(string value)
            {
                var result = new System.Text.StringBuilder();
                var i = 0;
                while (i < value.Length)
                {
                    if (value[i] == '$' && i + 1 < value.Length && value[i + 1] == '(')
                    {
                        var end = ReferenceEndIn(value, i);
                        var body = value[(i + 2)..(end - 1)];
                        var (isCall, boolean) = Call(body);
                        if (isCall)
                        {
                            if (i == 0 && end == value.Length)
                            {
                                return Value.Of(boolean);
                            }

                            if (boolean is not { } known)
                            {
                                return Value.Unknown;
                            }

                            result.Append(known ? "true" : "false");
                        }
                        else if (body.IndexOfAny(new[] { '(', '.', ':', '[' }) < 0 && owner.Property(body) is { } property)
                        {
                            result.Append(property);
                        }
                        else
                        {
                            return new Value(null, null, false);
                        }

                        i = end;
                    }
                    else if (value[i] is '@' or '%' && i + 1 < value.Length && value[i + 1] == '(')
                    {
                        return new Value(null, null, false);
                    }
                    else
                    {
                        result.Append(value[i++]);
                    }
                }

                return new Value(result.ToString(), null, false);
            }

            /// <summary>$(TargetFramework.StartsWith('x')) and friends: a tri-state boolean; null (not a known call) otherwise.</summary>
            private (bool IsCall, bool? Value) Call(string body)
            {
                var dot = body.IndexOf('.', StringComparison.Ordinal);
                var open = body.IndexOf('(', StringComparison.Ordinal);
                if (dot < 0 || open < dot || !body.EndsWith(')'))
                {
                    return (false, null);
                }

                var property = body[..dot];
                var method = body[(dot + 1)..open].Trim();
                var argument = body[(open + 1)..^1].Trim().Trim('\'', '"', '`');
                if (method is not ("StartsWith" or "EndsWith" or "Contains") || property.IndexOfAny(new[] { '(', '[', ':' }) >= 0)
                {
                    return (false, null);
                }

                if (owner.Property(property) is not { } value)
                {
                    return (true, null);
                }

                return (true, method switch
                {
                    "StartsWith" => value.StartsWith(argument, StringComparison.Ordinal),
                    "EndsWith" => value.EndsWith(argument, StringComparison.Ordinal),
                    _ => value.Contains(argument, StringComparison.Ordinal),
                });
            }

            private int ReferenceEnd(int start) => ReferenceEndIn(text, start);

            private static int ReferenceEndIn(string value, int start)
            {
                if (start + 1 >= value.Length || value[start + 1] != '(')
                {
                    throw new FormatException();
                }

                var depth = 0;
                for (var i = start + 1; i < value.Length; i++)
                {
                    if (value[i] == '(')
                    {
                        depth++;
                    }
                    else if (value[i] == ')' && --depth == 0)
                    {
                        return i + 1;
                    }
                }

                throw new FormatException();
            }

            private bool Keyword(string word)
            {
                SkipSpace();
                if (position + word.Length <= text.Length
                    && string.Compare(text, position, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (position + word.Length == text.Length || !char.IsLetterOrDigit(text[position + word.Length])))
                {
                    position += word.Length;
                    return true;
                }

                return false;
            }

            private void Expect(char c)
            {
                SkipSpace();
                if (!Peek(c))
                {
                    throw new FormatException();
                }

                position++;
            }

            private bool Peek(char c) => position < text.Length && text[position] == c;

            private bool PeekAt(int offset, char c) => position + offset < text.Length && text[position + offset] == c;

            private void SkipSpace()
            {
                while (position < text.Length && char.IsWhiteSpace(text[position]))
                {
                    position++;
                }
            }
        }
    }
}
