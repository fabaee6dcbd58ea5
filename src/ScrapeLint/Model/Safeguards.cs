using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>Recognises the calls that make a crawl polite: robots.txt checks, throttles and concurrency gates.</summary>
    internal sealed class SafeguardRecognizer
    {
        private readonly KnownSymbols known;

        public SafeguardRecognizer(KnownSymbols known)
        {
            this.known = known;
        }

        /// <summary>What this one invocation guards, without looking into the project's own methods.</summary>
        public SafeguardKind Of(IInvocationOperation invocation, ScrapeLintOptions options)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            var name = method.Name;
            var result = SafeguardKind.None;

            if (ScrapeLintOptions.Names(options.RobotsCheckMethods, method.OriginalDefinition))
            {
                result |= SafeguardKind.RobotsCheck;
            }

            if (ScrapeLintOptions.Names(options.RateLimitMethods, method.OriginalDefinition))
            {
                result |= SafeguardKind.Throttle | SafeguardKind.ConcurrencyGate;
            }

            if (type is null)
            {
                return result;
            }

            if (KnownSymbols.Is(type, known.CrawlPolicy))
            {
                if (name.StartsWith("IsAllowed", StringComparison.Ordinal))
                {
                    result |= SafeguardKind.RobotsCheck;
                }
                else if (name.StartsWith("WaitTurn", StringComparison.Ordinal))
                {
                    result |= SafeguardKind.Throttle | SafeguardKind.ConcurrencyGate;
                }

                return result;
            }

            if (Contains(name, "Robots") || Contains(type.Name, "Robots") || KnownSymbols.Is(type, known.RobotsTxt))
            {
                result |= SafeguardKind.RobotsCheck;
            }

            if (((name == "Delay" && KnownSymbols.Is(type, known.Task)) || (name == "Sleep" && KnownSymbols.Is(type, known.Thread)))
                && !IsNoWait(invocation))
            {
                result |= SafeguardKind.Throttle;
            }

            if (name == "WaitForNextTickAsync" && KnownSymbols.Is(type, known.PeriodicTimer))
            {
                result |= SafeguardKind.Throttle;
            }

            if ((name is "AcquireAsync" or "AttemptAcquire" or "Acquire")
                && (KnownSymbols.IsOrInherits(type, known.RateLimiter) || KnownSymbols.IsOrInherits(type, known.PartitionedRateLimiter)))
            {
                result |= SafeguardKind.Throttle | SafeguardKind.ConcurrencyGate;
            }

            if ((name is "Wait" or "WaitAsync") && KnownSymbols.Is(type, known.SemaphoreSlim))
            {
                result |= SafeguardKind.ConcurrencyGate;
            }

            // Throttles the project or a library names for what they do (an injected IRateLimiter, a ThrottleAsync helper).
            if (Contains(name, "Throttl") || Contains(name, "RateLimit") || Contains(name, "Politeness") || Contains(name, "WaitTurn")
                || Contains(type.Name, "RateLimit") || Contains(type.Name, "Throttl")
                || (name.StartsWith("Delay", StringComparison.Ordinal) && !KnownSymbols.Is(type, known.Task)) || name.StartsWith("RandomDelay", StringComparison.Ordinal))
            {
                result |= SafeguardKind.Throttle;
            }

            return result;
        }

        /// <summary><c>Task.Delay(-1)</c> waits forever (a host kept alive), <c>Task.Delay(0)</c> not at all: neither paces requests.</summary>
        private static bool IsNoWait(IInvocationOperation invocation)
        {
            if (invocation.Arguments.Length == 0)
            {
                return false;
            }

            var value = invocation.Arguments[0].Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value.ConstantValue is { HasValue: true, Value: int milliseconds })
            {
                return milliseconds <= 0;
            }

            return value is IFieldReferenceOperation { Field.Name: "InfiniteTimeSpan" or "Zero" } || value is IFieldReferenceOperation { Field: { Name: "Infinite", HasConstantValue: true } };
        }

        /// <summary>Abot configuration: <c>IsRespectRobotsDotTextEnabled = true</c>, <c>MinCrawlDelayPerDomainMilliSeconds &gt; 0</c>.</summary>
        public SafeguardKind Of(ISimpleAssignmentOperation assignment)
        {
            if (assignment.Target is not IPropertyReferenceOperation property || !KnownSymbols.IsAny(property.Property.ContainingType, known.AbotConfigurations))
            {
                return SafeguardKind.None;
            }

            var value = assignment.Value.ConstantValue;
            switch (property.Property.Name)
            {
                case "IsRespectRobotsDotTextEnabled" when !value.HasValue || value.Value is true:
                    return SafeguardKind.RobotsCheck;
                case "MinCrawlDelayPerDomainMilliSeconds" when !value.HasValue || (value.Value is IConvertible number && Convert.ToInt64(number, System.Globalization.CultureInfo.InvariantCulture) > 0):
                    return SafeguardKind.Throttle;
                default:
                    return SafeguardKind.None;
            }
        }

        private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
