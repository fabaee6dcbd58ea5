using System.Net;
using OpenCvSharp;

namespace ProfileHarvester;

/// <summary>
/// Gets past LinkedIn's defences: a member's session cookie or a scripted login with the member's password, a
/// different proxy for every client, a paid CAPTCHA farm when a challenge shows up, and a face index of the
/// downloaded avatars. Every one of these is a ScrapeLint finding (SL3004, SL3005, SL3002, SL3003, SL1003).
/// </summary>
public sealed class StealthSession
{
    private const string CaptchaSubmitUrl = "https://2captcha.com/in.php";

    private readonly string[] proxies;
    private readonly string liAt;
    private readonly Random random = new();
    private readonly CascadeClassifier faces = new("haarcascade_frontalface_default.xml");

    public StealthSession(string proxyListPath, string liAt)
    {
        proxies = File.ReadAllLines(proxyListPath);
        this.liAt = liAt;
    }

    /// <summary>A client that looks like a logged-in member coming from a fresh address.</summary>
    public HttpClient CreateClient()
    {
        var cookies = new CookieContainer();
        cookies.Add(new Uri("https://www.linkedin.com"), new Cookie("li_at", liAt));
        var handler = new HttpClientHandler
        {
            CookieContainer = cookies,
            Proxy = new WebProxy(proxies[random.Next(proxies.Length)]),
            UseProxy = true,
        };
        return new HttpClient(handler);
    }

    /// <summary>Signs in as the member when no session cookie is at hand.</summary>
    public Task<HttpResponseMessage> SignInAsync(HttpClient http, string email, string password)
        => http.PostAsync("https://www.linkedin.com/checkpoint/lg/login-submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["session_key"] = email,
            ["session_password"] = password,
        }));

    /// <summary>Hands a reCAPTCHA to 2captcha's workers and returns the request id to poll.</summary>
    public async Task<string> SubmitCaptchaAsync(HttpClient http, string apiKey, string siteKey, string pageUrl)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["key"] = apiKey,
            ["method"] = "userrecaptcha",
            ["googlekey"] = siteKey,
            ["pageurl"] = pageUrl,
        });
        using var response = await http.PostAsync(CaptchaSubmitUrl, form);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Counts the faces on a member's avatar, for the face index.</summary>
    public async Task<int> CountFacesAsync(HttpClient http, string avatarUrl)
    {
        var bytes = await http.GetByteArrayAsync(avatarUrl);
        using var image = Cv2.ImDecode(bytes, ImreadModes.Color);
        return faces.DetectMultiScale(image).Length;
    }
}
