using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>A page or endpoint of a restricted platform that a body (or its type) requests: the platform's domain and the URL shape.</summary>
    internal readonly struct PlatformTarget
    {
        public PlatformTarget(string domain, string shape)
        {
            Domain = domain;
            Shape = shape;
        }

        public string Domain { get; }

        public string Shape { get; }
    }

    /// <summary>
    /// Logins (SPEC SL3005): credentials typed into a browser's user and password fields and submitted (Selenium
    /// <c>SendKeys</c>, Puppeteer <c>TypeAsync</c>, Playwright <c>FillAsync</c>/<c>TypeAsync</c>/<c>PressSequentiallyAsync</c>), and
    /// username/password forms posted over HTTP (<c>FormUrlEncodedContent</c>, Flurl's <c>PostUrlEncodedAsync</c>); the
    /// platform pages they go to; and where the password comes from.
    /// </summary>
    internal static class Logins
    {
        /// <summary>Browser calls that type text into a field.</summary>
        public static readonly HashSet<string> TypingNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "SendKeys", "TypeAsync", "FillAsync", "PressSequentiallyAsync",
        };

        /// <summary>HTTP calls that can post a form.</summary>
        public static readonly HashSet<string> PostNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "PostAsync", "SendAsync", "Send", "PostUrlEncodedAsync",
        };

        private static readonly HashSet<string> SubmitNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "Click", "ClickAsync", "Submit", "SubmitAsync", "PressAsync", "Press", "TapAsync",
        };

        private static readonly HashSet<string> FieldFinders = new HashSet<string>(StringComparer.Ordinal)
        {
            "FindElement", "FindElementAsync", "Locator", "GetByLabel", "GetByPlaceholder", "GetByRole", "GetByTestId", "QuerySelectorAsync",
            "WaitForSelectorAsync", "XPathAsync", "Id", "Name", "CssSelector", "XPath", "ClassName",
        };

        private static readonly string[] PasswordWords = { "pass", "pwd" };

        private static readonly string[] UserWords = { "user", "email", "login", "session_key", "phone", "account", "name" };

        private static readonly string[] OAuthPaths = { "/oauth", "/authorize", "/dialog/oauth" };

        /// <summary>The field a typing call types into, as the selector strings that find it (<c>#password</c>, <c>session_password</c>).</summary>
        public static List<string> FieldSelectors(IInvocationOperation typing, ValueTracer tracer, BodyFacts? facts)
        {
            var result = new List<string>();
            // page.TypeAsync("#password", text), page.FillAsync(selector, value): the selector is the first of two strings.
            if (typing.Arguments.Length >= 2 && typing.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String
                && typing.Arguments[1].Value.Type?.SpecialType == SpecialType.System_String)
            {
                AddTexts(typing.Arguments[0].Value, tracer, result);
            }

            Finder(typing.Instance, tracer, facts, result, 0);
            return result;
        }

        /// <summary>The text a typing call types.</summary>
        public static IOperation? TypedText(IInvocationOperation typing)
        {
            var strings = typing.Arguments.Where(a => a.ArgumentKind != ArgumentKind.DefaultValue && a.Value.Type?.SpecialType == SpecialType.System_String).ToList();
            return strings.Count == 0 ? null : strings[strings.Count >= 2 ? 1 : 0].Value;
        }

        public static bool IsPasswordField(IEnumerable<string> selectors) => selectors.Any(s => ContainsAny(s, PasswordWords));

        /// <summary>A form field for a password: <c>password</c>, <c>enc_password</c>, <c>passwd</c>, <c>pwd</c>, <c>pass</c> (not <c>passthrough</c>).</summary>
        public static bool IsPasswordKey(string key)
        {
            var lower = key.ToLowerInvariant();
            return lower.Contains("password") || lower.Contains("passwd") || lower.Contains("pwd")
                || lower == "pass" || lower.EndsWith("_pass", StringComparison.Ordinal) || lower.EndsWith("[pass]", StringComparison.Ordinal);
        }

        public static bool IsUserKey(string key) => !IsPasswordKey(key) && ContainsAny(key, UserWords);

        /// <summary>A browser call that submits a form: a click, a submit, pressing Enter (<c>SendKeys(Keys.Enter)</c>, <c>PressAsync("Enter")</c>).</summary>
        public static bool IsSubmit(IInvocationOperation invocation)
        {
            var name = invocation.TargetMethod.Name;
            if (SubmitNames.Contains(name))
            {
                return true;
            }

            return name == "SendKeys" && invocation.Arguments.Any(a => ValueTracer.Strip(a.Value) is IFieldReferenceOperation { Field.Name: "Enter" or "Return" });
        }

        /// <summary>
        /// The restricted platform pages the body requests, else those its type's other members request (a login page opened in
        /// one method and filled in another). OAuth endpoints are no login form.
        /// </summary>
        public static List<PlatformTarget> Targets(SyntaxNode node, SemanticModel? semanticModel, EvasionModel model, ScrapeLintOptions options, CancellationToken cancellationToken)
        {
            var result = new List<PlatformTarget>();
            var crawl = model.Crawl;
            if (CrawlModel.BodyOwner(node) is { } owner && crawl.Body(owner, semanticModel, cancellationToken) is { } body)
            {
                AddTargets(body, crawl, options, result, cancellationToken);
            }

            if (result.Count == 0 && semanticModel?.GetEnclosingSymbol(node.SpanStart, cancellationToken)?.ContainingType is { } type)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.Constructor } method && crawl.Body(method, cancellationToken) is { } other)
                    {
                        AddTargets(other, crawl, options, result, cancellationToken);
                    }
                }
            }

            return result;
        }

        private static void AddTargets(BodyAnalysis body, CrawlModel crawl, ScrapeLintOptions options, List<PlatformTarget> result, CancellationToken cancellationToken)
        {
            var evaluator = new ShapeEvaluator(body.Facts, crawl, scope: null);
            foreach (var found in body.Find(options, cancellationToken))
            {
                var shape = body.Shape(found, evaluator);
                if (Target(shape, options) is { } target)
                {
                    result.Add(target);
                }
            }
        }

        /// <summary>The platform a URL shape is on, unless it is an API host or an OAuth endpoint.</summary>
        public static PlatformTarget? Target(UrlShape shape, ScrapeLintOptions options)
        {
            if (shape.HostSuffix is not { } host || options.RestrictedDomainOf(host) is not { } domain
                || OAuthPaths.Any(p => shape.Path.IndexOf(p, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return null;
            }

            return new PlatformTarget(domain, shape.ToString());
        }

        /// <summary>
        /// Where a credential comes from, for the message: a literal in the code, configuration <c>'LinkedIn:Password'</c>, environment
        /// variable <c>'IG_PASS'</c>, the console, a parameter, a field or property.
        /// </summary>
        public static string Origin(IOperation? value, BodyFacts? facts, int depth = 0)
        {
            value = ValueTracer.Strip(value);
            if (value is null || depth > 6)
            {
                return "an expression";
            }

            if (value.ConstantValue is { HasValue: true, Value: string })
            {
                return value is IFieldReferenceOperation constant ? $"constant '{constant.Field.Name}' in the code" : "a literal in the code";
            }

            switch (value)
            {
                case IInvocationOperation { TargetMethod.Name: "GetEnvironmentVariable" } environment:
                    return $"environment variable {Key(environment.Arguments.FirstOrDefault()?.Value)}";
                case IInvocationOperation { TargetMethod.Name: "GetValue" or "GetConnectionString" or "GetSection" } configuration when IsConfiguration(configuration.TargetMethod.ContainingType, configuration.Arguments):
                    return $"configuration {Key(configuration.Arguments.LastOrDefault(a => a.Value.Type?.SpecialType == SpecialType.System_String)?.Value)}";
                case IInvocationOperation { TargetMethod.Name: "ReadLine" or "ReadPassword" }:
                    return "the console";
                case IPropertyReferenceOperation { Arguments.Length: 1 } indexer when IsConfiguration(indexer.Property.ContainingType, default):
                    return $"configuration {Key(indexer.Arguments[0].Value)}";
                case ILocalReferenceOperation local when facts is not null:
                    foreach (var assignment in facts.AssignmentsOf(local.Local))
                    {
                        if (assignment.Kind == AssignmentKind.Value)
                        {
                            return Origin(assignment.Value, facts, depth + 1);
                        }
                    }

                    return $"local '{local.Local.Name}'";
                case IParameterReferenceOperation parameter:
                    return $"parameter '{parameter.Parameter.Name}'";
                case IPropertyReferenceOperation { Arguments.Length: 0 } property:
                    return property.Instance is { } owner and not IInstanceReferenceOperation
                        ? $"property '{ShapeEvaluator.NameOf(ValueTracer.Strip(owner))}.{property.Property.Name}'"
                        : $"property '{property.Property.Name}'";
                case IFieldReferenceOperation field:
                    return $"field '{field.Field.Name}'";
                default:
                    return $"'{ShapeEvaluator.NameOf(value)}'";
            }
        }

        /// <summary>A test: the member or its type carries a test framework's attribute, or the type is named for tests.</summary>
        public static bool InTest(ISymbol? member)
        {
            for (var current = member; current is not null; current = current.ContainingType)
            {
                foreach (var attribute in current.GetAttributes())
                {
                    if (attribute.AttributeClass?.Name is "FactAttribute" or "TheoryAttribute" or "TestAttribute" or "TestMethodAttribute" or "TestCaseAttribute"
                        or "DataTestMethodAttribute" or "TestClassAttribute" or "TestFixtureAttribute")
                    {
                        return true;
                    }
                }

                if (current is INamedTypeSymbol { Name: var name } && (name.EndsWith("Tests", StringComparison.Ordinal) || name.EndsWith("Test", StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsConfiguration(INamedTypeSymbol? type, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            if (type?.Name.IndexOf("Configuration", StringComparison.Ordinal) >= 0 || type?.AllInterfaces.Any(i => i.Name == "IConfiguration") == true)
            {
                return true;
            }

            return !arguments.IsDefaultOrEmpty && arguments[0].Value.Type is { } receiver && receiver.Name.IndexOf("Configuration", StringComparison.Ordinal) >= 0;
        }

        private static string Key(IOperation? key)
            => ValueTracer.Strip(key)?.ConstantValue is { HasValue: true, Value: string text } ? $"'{text}'" : "(a computed key)";

        private static bool ContainsAny(string text, string[] words) => words.Any(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase) >= 0);

        private static void AddTexts(IOperation value, ValueTracer tracer, List<string> result)
            => result.AddRange(tracer.Trace(value).Where(v => v.Text is not null).Select(v => v.Text!));

        /// <summary><c>driver.FindElement(By.Id("password"))</c>, <c>page.Locator("#pass")</c>, <c>await page.QuerySelectorAsync("#pass")</c>, through locals.</summary>
        private static void Finder(IOperation? instance, ValueTracer tracer, BodyFacts? facts, List<string> result, int depth)
        {
            instance = ValueTracer.Strip(instance);
            if (instance is null || depth > 4)
            {
                return;
            }

            switch (instance)
            {
                case IInvocationOperation finder when FieldFinders.Contains(finder.TargetMethod.Name):
                    foreach (var argument in finder.Arguments)
                    {
                        if (argument.Value.Type?.SpecialType == SpecialType.System_String)
                        {
                            AddTexts(argument.Value, tracer, result);
                        }
                        else
                        {
                            Finder(argument.Value, tracer, facts, result, depth + 1);
                        }
                    }

                    Finder(finder.Instance, tracer, facts, result, depth + 1);
                    break;
                case ILocalReferenceOperation local when facts is not null:
                    result.Add(local.Local.Name);

                    // element = FindElement(email) … element = FindElement(password): the assignment that reaches this use.
                    var assignments = facts.AssignmentsOf(local.Local);
                    var reaching = assignments.Where(a => a.Site.Syntax.SyntaxTree == local.Syntax.SyntaxTree && a.Site.Syntax.SpanStart < local.Syntax.SpanStart)
                        .OrderBy(a => a.Site.Syntax.SpanStart).LastOrDefault();
                    foreach (var assignment in reaching.Site is null ? assignments : new List<Assignment> { reaching })
                    {
                        Finder(assignment.Value, tracer, facts, result, depth + 1);
                    }

                    break;
                case IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.Length: 0 }:
                    // A page object's element: its name says what it is (PasswordInput).
                    result.Add(((IMemberReferenceOperation)instance).Member.Name);
                    break;
            }
        }
    }
}
