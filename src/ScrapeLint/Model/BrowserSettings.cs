using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>One command-line switch given to a browser, or one the automation is told to leave out.</summary>
    internal readonly struct BrowserArgument
    {
        public BrowserArgument(IOperation value, List<TracedValue> texts, bool isExcluded)
        {
            Value = value;
            Texts = texts;
            IsExcluded = isExcluded;
        }

        /// <summary>The switch, or the collection of switches it is one of.</summary>
        public IOperation Value { get; }

        /// <summary>The texts the switch can have.</summary>
        public List<TracedValue> Texts { get; }

        /// <summary>A default switch removed (<c>AddExcludedArgument("enable-automation")</c>, <c>IgnoredDefaultArgs</c>).</summary>
        public bool IsExcluded { get; }
    }

    /// <summary>
    /// Browser launch settings of Selenium (<c>AddArgument(s)</c>, <c>AddExcludedArgument(s)</c>), Puppeteer
    /// (<c>LaunchOptions.Args</c>, <c>IgnoredDefaultArgs</c>) and Playwright (<c>Args</c>, <c>IgnoreDefaultArgs</c>),
    /// and the scripts they inject into every page.
    /// </summary>
    internal static class BrowserSettings
    {
        public static readonly HashSet<string> ArgumentSiteNames = new HashSet<string>
        {
            "AddArgument", "AddArguments", "AddExcludedArgument", "AddExcludedArguments", "Args", "IgnoredDefaultArgs", "IgnoreDefaultArgs",
        };

        public static readonly HashSet<string> ScriptSiteNames = new HashSet<string>
        {
            "EvaluateOnNewDocumentAsync", "EvaluateExpressionOnNewDocumentAsync", "EvaluateFunctionOnNewDocumentAsync", "AddInitScriptAsync",
            "ExecuteCdpCommand", "ExecuteChromeCommand", "ExecuteChromeCommandWithResult", "ExecuteScript", "ExecuteScriptAsync",
            "EvaluateExpressionAsync", "EvaluateFunctionAsync", "EvaluateAsync",
        };

        private static readonly string[] BrowserNamespaces = { "OpenQA.Selenium", "PuppeteerSharp", "Microsoft.Playwright" };

        /// <summary>
        /// The switches an invocation or assignment gives the browser; empty when it is no browser setting. The tracer (which
        /// walks the site's whole body) is made only for a browser setting.
        /// </summary>
        public static List<BrowserArgument> Arguments(IOperation operation, Func<ValueTracer> tracer)
        {
            var result = new List<BrowserArgument>();
            switch (operation)
            {
                case IInvocationOperation { TargetMethod.Name: "AddArgument" or "AddArguments" or "AddExcludedArgument" or "AddExcludedArguments" } invocation
                    when IsBrowserType(invocation.TargetMethod):
                    var excluded = invocation.TargetMethod.Name.StartsWith("AddExcluded", System.StringComparison.Ordinal);
                    foreach (var argument in invocation.Arguments)
                    {
                        AddValues(argument.Value, excluded, tracer(), result);
                    }

                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Args" or "IgnoredDefaultArgs" or "IgnoreDefaultArgs" } property } assignment
                    when IsBrowserType(property.Property):
                    AddValues(assignment.Value, property.Property.Name != "Args", tracer(), result);
                    break;
            }

            return result;
        }

        /// <summary>The arguments of a call that runs a script in the browser's pages (Puppeteer, Playwright, Selenium and CDP).</summary>
        public static IEnumerable<IOperation> Scripts(IOperation operation)
        {
            if (operation is not IInvocationOperation invocation || !ScriptSiteNames.Contains(invocation.TargetMethod.Name) || !IsBrowserType(invocation.TargetMethod))
            {
                yield break;
            }

            foreach (var argument in invocation.Arguments)
            {
                // ExecuteCdpCommand("Page.addScriptToEvaluateOnNewDocument", new Dictionary<string, object> { ["source"] = script }).
                if (ValueTracer.Strip(argument.Value) is IObjectCreationOperation { Initializer: { } initializer })
                {
                    foreach (var entry in initializer.Initializers)
                    {
                        switch (entry)
                        {
                            case ISimpleAssignmentOperation assignment:
                                yield return assignment.Value;
                                break;
                            case IInvocationOperation { Arguments.Length: > 0 } add:
                                yield return add.Arguments[add.Arguments.Length - 1].Value;
                                break;
                        }
                    }
                }
                else
                {
                    yield return argument.Value;
                }
            }
        }

        public static bool IsBrowserType(ISymbol symbol)
        {
            foreach (var prefix in BrowserNamespaces)
            {
                if (EvasionModel.IsIn(symbol, prefix))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A switch's value after its name: <c>--proxy-server=</c>, <c>--user-agent=</c>; null when the text is another switch.</summary>
        public static string? SwitchValue(string text, string name)
        {
            var trimmed = text.TrimStart('-');
            return trimmed.StartsWith(name + "=", System.StringComparison.OrdinalIgnoreCase) ? trimmed.Substring(name.Length + 1).Trim('"', '\'') : null;
        }

        private static void AddValues(IOperation value, bool excluded, ValueTracer tracer, List<BrowserArgument> result)
        {
            var stripped = ValueTracer.Strip(value);
            switch (stripped)
            {
                case null:
                    return;
                case { Type.SpecialType: SpecialType.System_String }:
                    result.Add(new BrowserArgument(value, tracer.Trace(value), excluded));
                    return;
                case IArrayCreationOperation { Initializer: { } initializer }:
                    foreach (var element in initializer.ElementValues)
                    {
                        result.Add(new BrowserArgument(element, tracer.Trace(element), excluded));
                    }

                    return;
                default:
                    // A field, a list or a collection expression of switches.
                    result.Add(new BrowserArgument(value, tracer.Elements(value), excluded));
                    return;
            }
        }
    }
}
