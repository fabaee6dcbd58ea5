// Helpers that download release archives and documents in loops, named for what they save: no image evidence,
// and the documents come from the team's own hosts.
using System.Collections.Generic;
using System.IO;
using System.Net;

namespace Mirror;

public static class ReleaseAssetMirror
{
    public static void SaveArchive(string source, string target) => new WebClient().DownloadFile(source, target);

    public static void SaveNumbered(string source, int n) => new WebClient().DownloadFile(source, Path.Combine("out", $"part{n}.zip"));

    public static void Run(IEnumerable<string> versions)
    {
        var n = 0;
        foreach (var version in versions)
        {
            SaveArchive($"https://downloads.example.org/releases/{version}/tool.zip", $"tool-{version}.zip");
            SaveNumbered($"https://downloads.example.org/releases/{version}/docs.zip", n++);
        }
    }
}
