// Profile-named URLs visited in a loop where the platform is named only by identifiers; the host comes from
// configuration.
using System.Collections.Generic;
using OpenQA.Selenium;

namespace Outreach.LinkedIn;

public sealed class Connection
{
    public string ProfileLink { get; set; } = "";
}

public sealed class ConnectionsVisitor
{
    private readonly IWebDriver _driver;
    private readonly string _home;

    public ConnectionsVisitor(IWebDriver driver, string home)
    {
        _driver = driver;
        _home = home;
    }

    public void VisitAll(List<Connection> connections)
    {
        _driver.Navigate().GoToUrl(_home);
        foreach (var connection in connections)
        {
            Open(connection); // expect: SL1001, SL2001, SL2002
        }
    }

    private void Open(Connection connection) => _driver.Navigate().GoToUrl(connection.ProfileLink);
}
