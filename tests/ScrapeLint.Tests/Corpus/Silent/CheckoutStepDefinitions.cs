// BDD step definitions and a test set-up that drive the team's own shop through page objects, product by product,
// and a client named for a platform that reads profile JSON from its own configured API.
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using OpenQA.Selenium;
using TechTalk.SpecFlow;

namespace Shop.Specs
{
    public sealed class ProductPage
    {
        private readonly IWebDriver _driver;
        private readonly string _sku;

        public ProductPage(IWebDriver driver, string sku)
        {
            _driver = driver;
            _sku = sku;
        }

        public void Open() => _driver.Navigate().GoToUrl(_driver.Url.Split('/')[0] + "//shop.test/products/" + _sku);
    }

    [Binding]
    public sealed class CatalogSteps
    {
        private readonly IWebDriver _driver = null!;

        [When("every product of the catalog is opened")]
        public void OpenAll(List<string> skus)
        {
            foreach (var sku in skus)
            {
                new ProductPage(_driver, sku).Open();
            }
        }
    }

    public sealed record MemberProfile(string Name);

    public sealed class TwitterAudienceSync
    {
        private readonly HttpClient _http = new();

        public async Task<List<MemberProfile?>> ReadAsync(IEnumerable<string> profileUrls)
        {
            var profiles = new List<MemberProfile?>();
            foreach (var profileUrl in profileUrls)
            {
                profiles.Add(await _http.GetFromJsonAsync<MemberProfile>(profileUrl));
            }

            return profiles;
        }
    }
}

namespace TechTalk.SpecFlow
{
    [System.AttributeUsage(System.AttributeTargets.Class)]
    public sealed class BindingAttribute : System.Attribute
    {
    }

    [System.AttributeUsage(System.AttributeTargets.Method)]
    public sealed class WhenAttribute : System.Attribute
    {
        public WhenAttribute(string text)
        {
        }
    }
}
