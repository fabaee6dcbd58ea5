using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OpenQA.Selenium;

namespace GroupLens;

public sealed record GroupMember(string Id, string Name, string Work, string Town);

/// <summary>Lists the members of a Facebook group through the mobile site and saves their profiles and photos.</summary>
public sealed class GroupMemberScraper
{
    private readonly IWebDriver _driver;
    private readonly HttpClient _http;

    public GroupMemberScraper(IWebDriver driver, HttpClient http)
    {
        _driver = driver;
        _http = http;
    }

    public List<string> MemberIds(string groupId, int scrolls)
    {
        _driver.Url = $"https://m.facebook.com/groups/{groupId}/members"; // expect: SL4001
        var js = (IJavaScriptExecutor)_driver;
        for (var i = 0; i < scrolls; i++)
        {
            js.ExecuteScript("window.scrollTo(0, document.body.scrollHeight);");
            Thread.Sleep(800);
        }

        return _driver.FindElements(By.CssSelector("a[href*='profile.php?id=']"))
            .Select(a => ParseId(a.GetDomAttribute("href")))
            .Where(id => id.Length > 0)
            .Distinct()
            .ToList();
    }

    public async Task<List<GroupMember>> HarvestAsync(IEnumerable<string> memberIds, string photoDir)
    {
        Directory.CreateDirectory(photoDir);
        var members = new List<GroupMember>();
        foreach (var memberId in memberIds)
        {
            _driver.Navigate().GoToUrl($"https://m.facebook.com/profile.php?id={memberId}"); // expect: SL1001, SL2001, SL2002, SL4001
            members.Add(new GroupMember(
                memberId,
                Text("#cover-name-root h3"),
                Text("#work div.experience"),
                Text("#living div.title")));

            var photoSrc = _driver.FindElements(By.CssSelector("img.profpic")).FirstOrDefault()?.GetDomAttribute("src");
            if (string.IsNullOrEmpty(photoSrc))
            {
                continue;
            }

            var bytes = await _http.GetByteArrayAsync(photoSrc); // expect: SL1002, SL2001, SL2002
            await File.WriteAllBytesAsync(Path.Combine(photoDir, memberId + ".jpg"), bytes);
        }

        return members;
    }

    private string Text(string css)
        => _driver.FindElements(By.CssSelector(css)).FirstOrDefault()?.Text.Trim() ?? "";

    private static string ParseId(string? href)
    {
        if (href is null)
        {
            return "";
        }

        var start = href.IndexOf("id=", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }

        var id = new string(href.Skip(start + 3).TakeWhile(char.IsDigit).ToArray());
        return id;
    }
}
