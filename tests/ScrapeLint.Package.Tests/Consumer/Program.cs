using Consumer;

// A small crawler that references ScrapeLint the way a team would: from the package.
using var http = new HttpClient();
var handles = args.Length > 0 ? File.ReadAllLines(args[0]) : Array.Empty<string>();

var profiles = await new ProfileCrawler(http).FetchAllAsync(handles);
await new AvatarDownloader(http, "photos").SaveAllAsync(handles.Select(h => $"https://media.example.net/avatars/{h}.jpg"));
await new CommunityDirectory(http).FetchMembersAsync(handles);
Console.WriteLine(profiles.Count);

// ScrapeLint.Compliance, from the same feed, compiles against a net10.0 project.
var robots = ScrapeLint.Compliance.RobotsTxt.Parse("User-agent: *\nDisallow: /private/");
Console.WriteLine(robots.IsAllowed("AcmeBot", "https://acme.example/private/x"));
