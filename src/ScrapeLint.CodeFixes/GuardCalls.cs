using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ScrapeLint.CodeFixes
{
    /// <summary>The request's URL as the guard passes it: a string or a Uri, through a new local when written inline.</summary>
    internal sealed class UrlReference
    {
        private UrlReference(string text, bool isUri, string uriText, (ExpressionSyntax Url, string Name)? local)
        {
            Text = text;
            IsUri = isUri;
            UriText = uriText;
            Local = local;
        }

        /// <summary>The URL's expression in the guard, of its own type.</summary>
        public string Text { get; }

        public bool IsUri { get; }

        /// <summary>The URL as a <see cref="System.Uri"/>.</summary>
        public string UriText { get; }

        public string StringText => IsUri ? Text + ".AbsoluteUri" : Text;

        /// <summary>The inline URL that becomes a local, and the local's name.</summary>
        public (ExpressionSyntax Url, string Name)? Local { get; }

        /// <summary>A string or Uri URL; for a relative path sent through an HttpClient, the Uri is resolved against its BaseAddress.</summary>
        public static UrlReference? For(SemanticModel semanticModel, ExpressionSyntax? url, SyntaxNode request, SyntaxNode scope, CrawlApis apis, CancellationToken cancellationToken)
        {
            if (url is null)
            {
                return null;
            }

            var type = semanticModel.GetTypeInfo(url, cancellationToken).Type;
            var isUri = apis.IsUri(type);
            if (!isUri && type?.SpecialType != SpecialType.System_String)
            {
                return null;
            }

            (ExpressionSyntax, string)? local = null;
            var text = url.WithoutTrivia().ToString();
            if (GuardEditor.NeedsLocal(url))
            {
                var name = GuardEditor.UniqueName(scope, isUri ? "uri" : "url");
                local = (url, name);
                text = name;
            }

            string uriText;
            if (isUri)
            {
                uriText = text;
            }
            else if (!IsRelativeText(url))
            {
                uriText = $"new global::System.Uri({text})";
            }
            else if (request is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
                && !GuardEditor.NeedsLocal(member.Expression)
                && semanticModel.GetTypeInfo(member.Expression, cancellationToken).Type is { Name: "HttpClient", ContainingNamespace: { Name: "Http", ContainingNamespace: { Name: "Net", ContainingNamespace.Name: "System" } } })
            {
                uriText = $"new global::System.Uri({member.Expression.WithoutTrivia()}.BaseAddress!, {text})";
            }
            else
            {
                // A relative URL with nothing to resolve it against cannot be checked.
                return null;
            }

            return new UrlReference(text, isUri, uriText, local);
        }

        /// <summary>A literal or interpolated URL whose constant start is a path, not a scheme or a host.</summary>
        private static bool IsRelativeText(ExpressionSyntax url)
        {
            var start = url switch
            {
                LiteralExpressionSyntax literal => literal.Token.ValueText,
                InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.FirstOrDefault() is InterpolatedStringTextSyntax first ? first.TextToken.ValueText : null,
                BinaryExpressionSyntax { Left: LiteralExpressionSyntax left } => left.Token.ValueText,
                _ => null,
            };
            return start is not null && start.IndexOf("://", System.StringComparison.Ordinal) < 0 && !start.StartsWith("//", System.StringComparison.Ordinal);
        }
    }

    /// <summary>Calls of the methods named in <c>scrapelint.robots_check_methods</c> / <c>scrapelint.rate_limit_methods</c>.</summary>
    internal static class ConfiguredCall
    {
        /// <summary>
        /// A call of the first configured method that fits here: its arguments are the URL (string or Uri) and
        /// the CancellationToken; it is static, a member of this type, or reached through a field of this type;
        /// a task-returning one only in an async context. Null when none fits.
        /// </summary>
        public static (string Call, IMethodSymbol Method)? Find(
            IEnumerable<string> names,
            CrawlApis apis,
            SemanticModel semanticModel,
            RequestSite site,
            UrlReference? url,
            bool mustReturnBool)
        {
            var position = site.Request.SpanStart;
            foreach (var name in names)
            {
                foreach (var method in apis.Configured(name).OrderByDescending(m => RequestSite.IsTask(m.ReturnType) == site.IsAsync))
                {
                    var isTask = RequestSite.IsTask(method.ReturnType);
                    if (isTask && !site.IsAsync)
                    {
                        continue;
                    }

                    var result = isTask ? (method.ReturnType as INamedTypeSymbol)?.TypeArguments.FirstOrDefault() : method.ReturnType;
                    if (mustReturnBool && result?.SpecialType != SpecialType.System_Boolean)
                    {
                        continue;
                    }

                    if (Arguments(method, apis, url, site.CancellationToken) is not { } arguments || Receiver(method, semanticModel, position) is not { } receiver)
                    {
                        continue;
                    }

                    var call = $"{receiver}{method.Name}({arguments})";
                    return (isTask ? "await " + call : call, method);
                }
            }

            return null;
        }

        private static string? Arguments(IMethodSymbol method, CrawlApis apis, UrlReference? url, string? cancellationToken)
        {
            var arguments = new List<string>();
            foreach (var parameter in method.Parameters)
            {
                string? argument = null;
                if (parameter.Type.SpecialType == SpecialType.System_String && url is not null)
                {
                    argument = url.StringText;
                }
                else if (apis.IsUri(parameter.Type) && url is not null)
                {
                    argument = url.UriText;
                }
                else if (apis.IsCancellationToken(parameter.Type) && cancellationToken is not null)
                {
                    argument = cancellationToken;
                }

                if (argument is null)
                {
                    if (!parameter.IsOptional)
                    {
                        return null;
                    }

                    break;
                }

                arguments.Add(argument);
            }

            return string.Join(", ", arguments);
        }

        private static string? Receiver(IMethodSymbol method, SemanticModel semanticModel, int position)
        {
            var type = method.ContainingType;
            if (method.IsStatic)
            {
                return $"global::{type.ToDisplayString()}.";
            }

            var member = CrawlApis.MemberOf(semanticModel.GetEnclosingSymbol(position));
            if (member is { IsStatic: false })
            {
                for (var current = member.ContainingType; current is not null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, type))
                    {
                        return "";
                    }
                }
            }

            return CrawlApis.FindMember(semanticModel, position, type) is { } field ? field + "." : null;
        }
    }
}
