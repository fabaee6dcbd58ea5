using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>A platform's login-session cookie: its name, the platform, its domain, and whether the name alone identifies it.</summary>
    internal sealed class PlatformCookie
    {
        public PlatformCookie(string name, string platform, string[] domains, bool isGeneric)
        {
            Name = name;
            Platform = platform;
            Domains = domains;
            IsGeneric = isGeneric;
        }

        public string Name { get; }

        public string Platform { get; }

        public string[] Domains { get; }

        /// <summary>A name other sites use too (<c>sessionid</c>, <c>JSESSIONID</c>): a finding only with the platform's host.</summary>
        public bool IsGeneric { get; }

        public bool IsPlatformHost(string host) => Domains.Any(d => HostList.IsSameOrSubdomain(host, d));
    }

    /// <summary>A cookie placed on a request, a cookie container or a browser: its name, its domain when given, and what it is placed on.</summary>
    internal sealed class CookieSite
    {
        public CookieSite(IOperation name, IOperation? domain, string target, IOperation? value = null)
        {
            Name = name;
            Domain = domain;
            Target = target;
            Value = value;
        }

        public IOperation Name { get; }

        /// <summary>The cookie's value, when it is given apart from its name.</summary>
        public IOperation? Value { get; }

        public IOperation? Domain { get; }

        public string Target { get; }
    }

    /// <summary>
    /// The session cookies of social platforms (SPEC SL3004) and where cookies are set: <c>System.Net.Cookie</c>,
    /// Selenium's, Playwright's and Puppeteer's cookie types, <c>CookieContainer.SetCookies</c>, a
    /// <c>Cookie</c> header, RestSharp's <c>AddCookie</c> and Flurl's <c>WithCookie</c>.
    /// </summary>
    internal static class SessionCookies
    {
        private static readonly string[] LinkedIn = { "linkedin.com" };
        private static readonly string[] Facebook = { "facebook.com" };
        private static readonly string[] Instagram = { "instagram.com" };
        private static readonly string[] X = { "x.com", "twitter.com" };
        private static readonly string[] TikTok = { "tiktok.com" };
        private static readonly string[] Vk = { "vk.com" };

        public static readonly PlatformCookie[] All =
        {
            new PlatformCookie("li_at", "LinkedIn", LinkedIn, isGeneric: false),
            new PlatformCookie("JSESSIONID", "LinkedIn", LinkedIn, isGeneric: true),
            new PlatformCookie("c_user", "Facebook", Facebook, isGeneric: false),
            new PlatformCookie("xs", "Facebook", Facebook, isGeneric: true),
            new PlatformCookie("datr", "Facebook", Facebook, isGeneric: false),
            new PlatformCookie("sessionid", "Instagram", Instagram, isGeneric: true),
            new PlatformCookie("ds_user_id", "Instagram", Instagram, isGeneric: false),
            new PlatformCookie("auth_token", "X", X, isGeneric: true),
            new PlatformCookie("ct0", "X", X, isGeneric: false),
            new PlatformCookie("sessionid", "TikTok", TikTok, isGeneric: true),
            new PlatformCookie("sid_tt", "TikTok", TikTok, isGeneric: false),
            new PlatformCookie("remixsid", "VK", Vk, isGeneric: false),
        };

        private static readonly string[] CookieNamespaces = { "System.Net", "OpenQA.Selenium", "Microsoft.Playwright", "PuppeteerSharp" };

        public static readonly HashSet<string> SiteNames = new HashSet<string>
        {
            "Cookie", "CookieParam", "SetCookies", "Add", "TryAddWithoutValidation", "AddHeader", "AddDefaultHeader", "WithHeader", "AddCookie", "WithCookie", "[]",
        };

        /// <summary>The platform cookies a name can be, generic ones included.</summary>
        public static IEnumerable<PlatformCookie> Named(string name)
            => All.Where(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>The cookie an operation sets, or null.</summary>
        public static CookieSite? Site(IOperation operation, EvasionModel model)
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment
                    when IsCookieHeader(indexer.Arguments[0].Value) && KnownSymbols.IsOrInherits(indexer.Instance?.Type, model.WebHeaderCollection):
                    // web.Headers["Cookie"] = … on an HttpWebRequest or a WebClient.
                    return new CookieSite(assignment.Value, null, "a Cookie header");
                case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol { Name: "Cookie" or "CookieParam" } type && IsCookieNamespace(type):
                    var name = Argument(creation.Arguments, "name") ?? Initialized(creation, "Name");
                    var domain = Argument(creation.Arguments, "domain") ?? Initialized(creation, "Domain") ?? Initialized(creation, "Url") ?? ContainerUri(creation);
                    var value = Argument(creation.Arguments, "value") ?? Initialized(creation, "Value");
                    return name is null ? null : new CookieSite(name, domain, Target(creation, type), value);
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    switch (method.Name)
                    {
                        case "SetCookies" when invocation.Arguments.Length == 2 && IsCookieNamespace(method.ContainingType):
                            return new CookieSite(invocation.Arguments[1].Value, invocation.Arguments[0].Value, "a CookieContainer");
                        case "AddCookie" when EvasionModel.IsIn(method, "RestSharp") && Argument(invocation.Arguments, "name") is { } restName:
                            return new CookieSite(restName, Argument(invocation.Arguments, "domain"), "a RestSharp request", Argument(invocation.Arguments, "value"));
                        case "WithCookie" when EvasionModel.IsIn(method, "Flurl") && UserAgents.HeaderArguments(invocation) is { } flurl:
                            return new CookieSite(flurl.Name, null, "a Flurl request", flurl.Value);
                        case "Add" or "TryAddWithoutValidation" or "AddHeader" or "AddDefaultHeader" or "WithHeader"
                            when UserAgents.HeaderArguments(invocation) is { } header && IsCookieHeader(header.Name)
                                && (IsCookieNamespace(method.ContainingType) || EvasionModel.IsIn(method, "RestSharp") || EvasionModel.IsIn(method, "Flurl")):
                            return new CookieSite(header.Value, null, "a Cookie header");
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>Names of the sites where a saved cookie jar can be restored into a browser or a container.</summary>
        public static readonly HashSet<string> RestoreSiteNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "AddCookie", "SetCookieAsync", "AddCookiesAsync", "StorageStatePath", "StorageState", "CookieContainer", "Add",
        };

        private static readonly HashSet<string> Readers = new HashSet<string>(StringComparer.Ordinal)
        {
            "ReadAllText", "ReadAllTextAsync", "ReadAllBytes", "ReadAllBytesAsync", "ReadAllLines", "ReadAllLinesAsync", "OpenRead", "ReadToEnd", "ReadToEndAsync",
        };

        private static readonly HashSet<string> Generators = new HashSet<string>(StringComparer.Ordinal)
        {
            "NewGuid", "Next", "NextBytes", "NextInt64", "GetBytes", "GetInt32", "GetRandomFileName", "ComputeHash", "HashData", "GetHexString", "GetString",
        };

        /// <summary>
        /// Cookies a call restores into a browser or a container: Selenium's <c>Cookies.AddCookie(c)</c>, Puppeteer's
        /// <c>SetCookieAsync</c>, Playwright's <c>AddCookiesAsync</c> and <c>StorageStatePath</c>/<c>StorageState</c>, a
        /// <c>CookieContainer</c> given or added a collection, when the cookies come from a saved file or a deserializer.
        /// Returns the target and the value that holds the cookies.
        /// </summary>
        public static (IOperation Cookies, string Target, bool IsStateFile)? Restore(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "AddCookie", Arguments.Length: 1 } selenium when EvasionModel.IsIn(selenium.TargetMethod, "OpenQA.Selenium"):
                    return (selenium.Arguments[0].Value, "the Selenium browser's cookies", false);
                case IInvocationOperation { TargetMethod.Name: "SetCookieAsync", Arguments.Length: > 0 } puppeteer when EvasionModel.IsIn(puppeteer.TargetMethod, "PuppeteerSharp"):
                    return (puppeteer.Arguments[0].Value, "the Puppeteer page", false);
                case IInvocationOperation { TargetMethod.Name: "AddCookiesAsync", Arguments.Length: > 0 } playwright when EvasionModel.IsIn(playwright.TargetMethod, "Microsoft.Playwright"):
                    return (playwright.Arguments[0].Value, "the Playwright browser context", false);
                case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } container
                    when container.TargetMethod.ContainingType is { Name: "CookieContainer" } && IsCookieNamespace(container.TargetMethod.ContainingType):
                    return (container.Arguments[0].Value, "a CookieContainer", false);
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "StorageStatePath" or "StorageState" } state } assignment
                    when EvasionModel.IsIn(state.Property, "Microsoft.Playwright") && assignment.Value.ConstantValue is not { HasValue: true, Value: null }:
                    return (assignment.Value, "the Playwright browser context", state.Property.Name == "StorageStatePath");
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "CookieContainer" } handler } assignment
                    when EvasionModel.IsIn(handler.Property, "System.Net"):
                    return (assignment.Value, "a CookieContainer", false);
                default:
                    return null;
            }
        }

        /// <summary>
        /// Where restored cookies come from: a saved file read or deserialized (<c>File.ReadAllText("cookies.json")</c>,
        /// <c>JsonConvert.DeserializeObject</c>, <c>formatter.Deserialize(stream)</c>), through locals, <c>foreach</c> loops,
        /// LINQ and the project's own loader methods. Null when the cookies are made in the code.
        /// </summary>
        public static string? RestoredFrom(IOperation? value, BodyFacts? facts, EvasionModel model, CancellationToken cancellationToken, int depth = 0)
        {
            value = ValueTracer.Strip(value);
            if (value is null || depth > 6)
            {
                return null;
            }

            switch (value)
            {
                case ILocalReferenceOperation local when facts is not null:
                    foreach (var assignment in facts.AssignmentsOf(local.Local))
                    {
                        if (RestoredFrom(assignment.Value, facts, model, cancellationToken, depth + 1) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case IInvocationOperation invocation:
                    var name = invocation.TargetMethod.Name;
                    if (Readers.Contains(name) || name.IndexOf("Deserialize", StringComparison.Ordinal) >= 0)
                    {
                        return FileName(invocation) ?? "a saved file";
                    }

                    if (!invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty)
                    {
                        foreach (var (returned, calleeFacts) in model.Tracer(invocation, cancellationToken).Returns(invocation.TargetMethod))
                        {
                            if (RestoredFrom(returned, calleeFacts, model, cancellationToken, depth + 1) is { } found)
                            {
                                return found;
                            }
                        }

                        return null;
                    }

                    // ToList, Select, Cast…: the cookies are in the source.
                    return RestoredFrom(invocation.Instance ?? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null), facts, model, cancellationToken, depth + 1);
                case IObjectCreationOperation creation:
                    foreach (var argument in creation.Arguments)
                    {
                        if (RestoredFrom(argument.Value, facts, model, cancellationToken, depth + 1) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case IPropertyReferenceOperation { Instance: { } owner }:
                    // cookie.Name of a deserialized cookie, state.Cookies of a deserialized state.
                    return RestoredFrom(owner, facts, model, cancellationToken, depth + 1);
                default:
                    return null;
            }
        }

        /// <summary>A cookie value the code makes itself (<c>Guid.NewGuid()</c>, <c>Random</c>, <c>RandomNumberGenerator</c>, a hash): a CSRF token, no session.</summary>
        public static bool IsGenerated(IOperation? value, BodyFacts? facts, EvasionModel model, CancellationToken cancellationToken, int depth = 0)
        {
            value = ValueTracer.Strip(value);
            if (value is null || depth > 4)
            {
                return false;
            }

            foreach (var part in value.DescendantsAndSelf())
            {
                switch (part)
                {
                    case IInvocationOperation invocation when Generators.Contains(invocation.TargetMethod.Name)
                        && (EvasionModel.IsIn(invocation.TargetMethod, "System") || invocation.TargetMethod.ContainingType.Name is "Guid" or "Random"):
                        return true;
                    case IInvocationOperation project when !project.TargetMethod.DeclaringSyntaxReferences.IsEmpty:
                        foreach (var (returned, calleeFacts) in model.Tracer(project, cancellationToken).Returns(project.TargetMethod))
                        {
                            if (IsGenerated(returned, calleeFacts, model, cancellationToken, depth + 1))
                            {
                                return true;
                            }
                        }

                        break;
                    case ILocalReferenceOperation local when facts is not null:
                        foreach (var assignment in facts.AssignmentsOf(local.Local))
                        {
                            if (assignment.Kind == AssignmentKind.Value && IsGenerated(assignment.Value, facts, model, cancellationToken, depth + 1))
                            {
                                return true;
                            }
                        }

                        break;
                }
            }

            return false;
        }

        private static string? FileName(IInvocationOperation invocation)
        {
            foreach (var part in invocation.DescendantsAndSelf())
            {
                if (part is ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } && text.IndexOf('.') > 0 && text.IndexOf(' ') < 0)
                {
                    return $"'{text}'";
                }
            }

            return null;
        }

        /// <summary>The platform a restricted domain belongs to, for messages (<c>linkedin.com</c> → LinkedIn).</summary>
        public static string PlatformOf(string domain)
            => All.FirstOrDefault(c => c.IsPlatformHost(domain))?.Platform ?? domain;

        /// <summary>The cookie names of a <c>Cookie</c> header or <c>Set-Cookie</c> text: <c>li_at=…; JSESSIONID="ajax:…"</c>.</summary>
        public static IEnumerable<string> NamesInHeader(string text)
        {
            foreach (var pair in text.Split(';', ','))
            {
                var equals = pair.IndexOf('=');
                if (equals > 0)
                {
                    yield return pair.Substring(0, equals).Trim();
                }
            }
        }

        /// <summary>The host of a cookie domain or URL (<c>.linkedin.com</c>, <c>https://www.linkedin.com/</c>).</summary>
        public static string? HostOf(string domain)
        {
            var text = domain.Trim();
            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme >= 0)
            {
                text = text.Substring(scheme + 3);
            }

            var end = text.IndexOfAny(new[] { '/', ':', '?', '{' });
            text = (end >= 0 ? text.Substring(0, end) : text).TrimStart('.');
            return text.Length > 0 && text.IndexOf('.') > 0 ? text : null;
        }

        /// <summary><c>"Cookie"</c> (any case) or <c>HttpRequestHeader.Cookie</c>.</summary>
        private static bool IsCookieHeader(IOperation name)
            => ValueTracer.Strip(name) switch
            {
                { ConstantValue: { HasValue: true, Value: string text } } => string.Equals(text, "Cookie", StringComparison.OrdinalIgnoreCase),
                IFieldReferenceOperation { Field: { Name: "Cookie", ContainingType.Name: "HttpRequestHeader" } field } => IsCookieNamespace(field.ContainingType),
                _ => false,
            };

        private static bool IsCookieNamespace(ISymbol symbol)
        {
            foreach (var prefix in CookieNamespaces)
            {
                if (EvasionModel.IsIn(symbol, prefix))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Target(IOperation creation, INamedTypeSymbol type)
        {
            var library = type.ContainingNamespace.ToDisplayString();
            return library.StartsWith("System.Net", StringComparison.Ordinal) ? "a System.Net.Cookie"
                : library.StartsWith("OpenQA.Selenium", StringComparison.Ordinal) ? "the Selenium browser's cookies"
                : library.StartsWith("Microsoft.Playwright", StringComparison.Ordinal) ? "the Playwright browser context"
                : "the Puppeteer page";
        }

        /// <summary><c>container.Add(new Uri("https://www.linkedin.com"), new Cookie(…))</c>: the URI the container files the cookie under.</summary>
        private static IOperation? ContainerUri(IOperation creation)
        {
            var current = creation.Parent;
            while (current is IConversionOperation)
            {
                current = current.Parent;
            }

            return current is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add } && IsCookieNamespace(add.TargetMethod.ContainingType)
                ? add.Arguments[0].Value
                : null;
        }

        private static IOperation? Argument(IEnumerable<IArgumentOperation> arguments, string parameterName)
            => arguments.FirstOrDefault(a => a.ArgumentKind != ArgumentKind.DefaultValue && string.Equals(a.Parameter?.Name, parameterName, StringComparison.OrdinalIgnoreCase))?.Value;

        private static IOperation? Initialized(IObjectCreationOperation creation, string property)
            => creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>()
                .FirstOrDefault(a => a.Target is IPropertyReferenceOperation p && p.Property.Name == property)?.Value;
    }
}
