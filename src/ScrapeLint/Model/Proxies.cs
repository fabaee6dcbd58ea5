using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ScrapeLint.Model
{
    /// <summary>
    /// The places a proxy is chosen: <c>new WebProxy(address)</c>, a handler's, request's or client's
    /// <c>Proxy</c>, Playwright's <c>Proxy.Server</c>, Selenium's <c>Proxy.HttpProxy</c>/<c>SslProxy</c>, and the
    /// <c>--proxy-server=</c> switch of a browser.
    /// </summary>
    internal static class Proxies
    {
        public const string ProxySwitch = "proxy-server";

        public static readonly HashSet<string> SiteNames = new HashSet<string> { "WebProxy", "Proxy", "Address", "Server", "HttpProxy", "SslProxy" };

        /// <summary>The proxy address (or proxy object) an operation sets, or null.</summary>
        public static IOperation? Address(IOperation operation, EvasionModel model, Func<BodyFacts?> facts)
        {
            switch (operation)
            {
                case IObjectCreationOperation creation when KnownSymbols.IsOrInherits(creation.Type, model.WebProxy):
                    if (creation.Arguments.Length > 0 && creation.Arguments[0].ArgumentKind != ArgumentKind.DefaultValue)
                    {
                        return creation.Arguments[0].Value;
                    }

                    return null;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment:
                    var owner = property.Property.ContainingType;
                    var value = ValueTracer.Strip(assignment.Value);
                    switch (property.Property.Name)
                    {
                        // handler.Proxy = new WebProxy(…) is reported at the WebProxy.
                        case "Proxy" when (EvasionModel.IsIn(owner, "System.Net") || EvasionModel.IsIn(owner, "RestSharp"))
                            && !IsWebProxyCreation(value, model, facts())
                            && value is not (IObjectCreationOperation or ILiteralOperation or IDefaultValueOperation):
                            return assignment.Value;
                        case "Address" when KnownSymbols.IsOrInherits(owner, model.WebProxy) && !IsInitializerOf(assignment, model.WebProxy):
                            return assignment.Value;
                        case "Server" when owner.Name == "Proxy" && EvasionModel.IsIn(owner, "Microsoft.Playwright"):
                        case "HttpProxy" or "SslProxy" when owner.Name == "Proxy" && EvasionModel.IsIn(owner, "OpenQA.Selenium"):
                            return assignment.Value;
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>A <c>new WebProxy(…)</c>, directly or through a local: reported at the creation.</summary>
        private static bool IsWebProxyCreation(IOperation? value, EvasionModel model, BodyFacts? facts)
            => value switch
            {
                IObjectCreationOperation created => KnownSymbols.IsOrInherits(created.Type, model.WebProxy),
                ILocalReferenceOperation local when facts is not null => facts.AssignmentsOf(local.Local).Any(a => IsWebProxyCreation(ValueTracer.Strip(a.Value), model, null)),
                _ => false,
            };

        /// <summary><c>new WebProxy { Address = … }</c>: the creation is the site.</summary>
        private static bool IsInitializerOf(IOperation assignment, INamedTypeSymbol? type)
            => assignment.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation } && KnownSymbols.IsOrInherits(creation.Type, type);

        /// <summary>The address given by a <c>new WebProxy { Address = … }</c> initializer.</summary>
        public static IOperation? InitializerAddress(IOperation operation, EvasionModel model)
        {
            if (operation is IObjectCreationOperation { Initializer: { } initializer } creation && KnownSymbols.IsOrInherits(creation.Type, model.WebProxy))
            {
                foreach (var entry in initializer.Initializers)
                {
                    if (entry is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Address" } } address)
                    {
                        return address.Value;
                    }
                }
            }

            return null;
        }
    }
}
