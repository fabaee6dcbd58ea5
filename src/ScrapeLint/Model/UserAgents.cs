using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>A place where a value becomes a client's, a request's or a browser's setting.</summary>
    internal readonly struct SettingSite
    {
        public SettingSite(IOperation value, string target)
        {
            Value = value;
            Target = target;
        }

        /// <summary>The value set (or, for a <c>ProductInfoHeaderValue</c>, its creation).</summary>
        public IOperation Value { get; }

        /// <summary>What it is set on, for messages: <c>HttpClient.DefaultRequestHeaders</c>, <c>Puppeteer page</c>.</summary>
        public string Target { get; }
    }

    /// <summary>
    /// User-Agent strings and the places they are set: <c>DefaultRequestHeaders.UserAgent</c> (ParseAdd,
    /// TryParseAdd, Add), <c>Headers.Add("User-Agent", …)</c> and TryAddWithoutValidation, WebClient's and
    /// HttpWebRequest's headers and <c>UserAgent</c>, RestSharp and Flurl headers, Puppeteer
    /// <c>SetUserAgentAsync</c>, Playwright's <c>UserAgent</c> options, Abot's <c>UserAgentString</c>.
    /// </summary>
    internal static class UserAgents
    {
        public const string HeaderName = "User-Agent";

        private static readonly string[] BrowserTokens = { "Chrome/", "Safari/", "Firefox/", "Edg/", "Gecko/", "like Gecko", "AppleWebKit/", "OPR/" };

        private static readonly string[] SettingNamespaces = { "System.Net", "Microsoft.Playwright", "PuppeteerSharp", "RestSharp", "Abot2", "Abot", "HtmlAgilityPack", "AngleSharp" };

        /// <summary>Names of the invocations and assignments that can set a User-Agent: the cheap test before binding.</summary>
        public static readonly HashSet<string> SiteNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "ParseAdd", "TryParseAdd", "Add", "TryAddWithoutValidation", "Set", "AddHeader", "AddDefaultHeader", "WithHeader", "SetUserAgentAsync",
            "UserAgent", "UserAgentString", "[]", "DefaultHttpRequester",
        };

        /// <summary>A browser's User-Agent: <c>Mozilla/…</c>, or one naming Chrome, Safari, Firefox, Edge or Gecko.</summary>
        public static bool IsBrowser(string text)
        {
            var trimmed = text.TrimStart();
            if (trimmed.StartsWith("Mozilla/", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            foreach (var token in BrowserTokens)
            {
                if (trimmed.IndexOf(token, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A crawler that identifies itself: a bot token (<c>AcmeBot/1.0</c>, <c>…crawler</c>, <c>…spider</c>) and a contact URL
        /// (<c>+https://acme.example/bot</c>), as in <c>Mozilla/5.0 (compatible; AcmeBot/1.0; +https://acme.example/bot)</c>.
        /// </summary>
        public static bool IsIdentifyingBot(string text)
        {
            var hasContact = text.IndexOf("http://", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("https://", StringComparison.OrdinalIgnoreCase) >= 0;
            if (!hasContact)
            {
                return false;
            }

            foreach (var token in text.Split(new[] { ' ', ';', '(', ')', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var product = token.Split('/')[0];
                if (product.Length > 3 && !product.StartsWith("+", StringComparison.Ordinal) && !product.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                    && (product.EndsWith("bot", StringComparison.OrdinalIgnoreCase) || product.EndsWith("crawler", StringComparison.OrdinalIgnoreCase)
                        || product.EndsWith("spider", StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The User-Agent value an invocation or assignment sets, or null.</summary>
        public static SettingSite? Site(IOperation operation, EvasionModel model)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (method.Name is "ParseAdd" or "TryParseAdd" or "Add" && invocation.Arguments.Length == 1
                        && ValueTracer.Strip(invocation.Instance) is IPropertyReferenceOperation { Property.Name: "UserAgent" } headers
                        && KnownSymbols.IsOrInherits(headers.Instance?.Type, model.HttpHeaders))
                    {
                        return new SettingSite(invocation.Arguments[0].Value, HeadersTarget(headers.Instance));
                    }

                    if (method.Name == "SetUserAgentAsync" && EvasionModel.IsIn(method, "PuppeteerSharp") && invocation.Arguments.Length > 0)
                    {
                        return new SettingSite(invocation.Arguments[0].Value, "the Puppeteer page");
                    }

                    if (method.Name is "Add" or "TryAddWithoutValidation" or "Set" or "AddHeader" or "AddDefaultHeader" or "WithHeader"
                        && HeaderArguments(invocation) is { } header && IsUserAgentName(header.Name)
                        && (IsSettingNamespace(method) || EvasionModel.IsIn(method, "Flurl")))
                    {
                        return new SettingSite(header.Value, HeadersTarget(invocation.Instance ?? invocation.Arguments[0].Value));
                    }

                    return null;
                case IObjectCreationOperation { Type.Name: "DefaultHttpRequester", Arguments.Length: > 0 } requester
                    when EvasionModel.IsIn(requester.Type, "AngleSharp") && requester.Arguments[0].ArgumentKind != ArgumentKind.DefaultValue
                        && requester.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String:
                    return new SettingSite(requester.Arguments[0].Value, "AngleSharp's DefaultHttpRequester");
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "UserAgent" or "UserAgentString", Arguments.Length: 0 } property } assignment
                    when IsSettingNamespace(property.Property) && property.Type?.SpecialType == SpecialType.System_String:
                    return new SettingSite(assignment.Value, property.Property.ContainingType.Name);
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment
                    when IsUserAgentName(indexer.Arguments[0].Value) && (KnownSymbols.IsOrInherits(indexer.Instance?.Type, model.WebHeaderCollection)):
                    return new SettingSite(assignment.Value, HeadersTarget(indexer.Instance));
                default:
                    return null;
            }
        }

        /// <summary>The header name and value arguments of a header-setting call (<c>Add(name, value)</c>, <c>WithHeader(request, name, value)</c>).</summary>
        public static (IOperation Name, IOperation Value)? HeaderArguments(IInvocationOperation invocation)
        {
            var arguments = invocation.Arguments;
            var first = invocation.TargetMethod.IsExtensionMethod ? 1 : 0;
            return arguments.Length >= first + 2 ? (arguments[first].Value, arguments[first + 1].Value) : null;
        }

        /// <summary><c>"User-Agent"</c> (any case) or <c>HttpRequestHeader.UserAgent</c>.</summary>
        public static bool IsUserAgentName(IOperation name)
        {
            name = ValueTracer.Strip(name)!;
            return name.ConstantValue is { HasValue: true, Value: string text } ? string.Equals(text, HeaderName, StringComparison.OrdinalIgnoreCase)
                : name is IFieldReferenceOperation { Field.Name: "UserAgent", Field.ContainingType.Name: "HttpRequestHeader" };
        }

        private static bool IsSettingNamespace(ISymbol symbol)
        {
            foreach (var prefix in SettingNamespaces)
            {
                if (EvasionModel.IsIn(symbol, prefix))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The object a collection initializer's element is added to: <c>DefaultRequestHeaders = { { "User-Agent", … } }</c> adds to
        /// <c>DefaultRequestHeaders</c>, whose reference in the operation tree is the implicit receiver.
        /// </summary>
        public static IOperation? Receiver(IOperation? instance)
        {
            if (instance is not IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
            {
                return instance;
            }

            for (var current = instance.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IMemberInitializerOperation member:
                        return member.InitializedMember;
                    case IObjectCreationOperation creation:
                        return creation;
                }
            }

            return instance;
        }

        private static string HeadersTarget(IOperation? headers)
        {
            headers = Receiver(headers);
            if (headers is IObjectCreationOperation { Type.Name: var created })
            {
                return "a new " + created;
            }

            var name = ShapeEvaluator.NameOf(ValueTracer.Strip(headers));
            return ValueTracer.Strip(headers) switch
            {
                IPropertyReferenceOperation { Property.Name: "DefaultRequestHeaders" } => "HttpClient.DefaultRequestHeaders",
                IPropertyReferenceOperation { Property.Name: "Headers", Instance.Type.Name: var owner } => owner + ".Headers",
                _ => string.IsNullOrEmpty(name) ? "the request headers" : $"'{name}'",
            };
        }
    }
}
