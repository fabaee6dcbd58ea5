using System;
using System.Collections.Generic;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Tailspin.Shop.E2E;

public sealed record CheckoutCase(string Sku, int Quantity, string Coupon, decimal ExpectedTotal);

/// <summary>End-to-end checkout tests against the shop started by the test fixture on localhost:5000.</summary>
public sealed class CheckoutFlowSeleniumTests : IDisposable
{
    private const string BaseUrl = "http://localhost:5000";
    private readonly IWebDriver driver;

    public CheckoutFlowSeleniumTests()
    {
        var options = new ChromeOptions();
        options.AddArgument("--headless=new");
        options.AddArgument("--window-size=1280,900");
        driver = new ChromeDriver(options);
    }

    public static IEnumerable<CheckoutCase> Cases => new[]
    {
        new CheckoutCase("TS-1001", 1, "", 19.99m),
        new CheckoutCase("TS-1002", 3, "WELCOME10", 53.97m),
        new CheckoutCase("TS-2040", 2, "FREESHIP", 80.00m),
    };

    public void Totals_match_for_every_case()
    {
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(10));
        foreach (var testCase in Cases)
        {
            driver.Navigate().GoToUrl($"{BaseUrl}/products/{testCase.Sku}");
            driver.FindElement(By.Id("quantity")).Clear();
            driver.FindElement(By.Id("quantity")).SendKeys(testCase.Quantity.ToString());
            driver.FindElement(By.CssSelector("button[data-test=add-to-cart]")).Click();

            driver.Url = BaseUrl + "/cart";
            if (testCase.Coupon.Length > 0)
            {
                driver.FindElement(By.Name("coupon")).SendKeys(testCase.Coupon);
                driver.FindElement(By.CssSelector("button[data-test=apply-coupon]")).Click();
            }

            var total = wait.Until(d => d.FindElement(By.CssSelector("[data-test=total]"))).Text;
            if (total != testCase.ExpectedTotal.ToString("0.00"))
            {
                throw new InvalidOperationException($"{testCase.Sku}: expected {testCase.ExpectedTotal}, got {total}");
            }

            driver.Navigate().GoToUrl($"{BaseUrl}/cart/clear");
        }
    }

    public void Account_pages_render_for_seeded_users()
    {
        foreach (var userId in new[] { 1, 2, 3, 42 })
        {
            driver.Navigate().GoToUrl($"http://127.0.0.1:5000/users/{userId}/profile");
            var heading = driver.FindElement(By.TagName("h1")).Text;
            if (string.IsNullOrWhiteSpace(heading))
            {
                throw new InvalidOperationException($"User {userId}: empty profile heading");
            }
        }
    }

    public void Dispose() => driver.Quit();
}
