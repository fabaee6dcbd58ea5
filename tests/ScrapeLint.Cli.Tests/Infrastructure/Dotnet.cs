using System.Diagnostics;

namespace ScrapeLint.Cli.Tests.Infrastructure;

/// <summary>The dotnet CLI, for the few tests that must restore a fixture (offline: see <see cref="OfflineNuGetConfig"/>).</summary>
public static class Dotnet
{
    /// <summary>
    /// A nuget.config that knows only the local feed and keeps the packages folder inside the fixture: a restore
    /// with it never reaches the network and leaves the machine's NuGet cache alone.
    /// </summary>
    public static string OfflineNuGetConfig(string feed, string packages) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="test-feed" value="{feed}" />
          </packageSources>
          <config>
            <add key="globalPackagesFolder" value="{packages}" />
          </config>
        </configuration>
        """;

    /// <summary>Runs <c>dotnet restore</c> and returns its output; fails the test when it fails and <paramref name="mustSucceed"/>.</summary>
    public static string Restore(string path, bool mustSucceed = true)
    {
        var start = new ProcessStartInfo("dotnet", new[] { "restore", path, "--nologo" })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "dotnet restore did not finish in 2 minutes");
        var output = stdout.Result + stderr.Result;
        Assert.True(process.ExitCode == 0 || !mustSucceed, "dotnet restore failed:\n" + output);
        return output;
    }
}
