using System.Diagnostics;
using System.Text.Json;
using ScrapeLint.Cli.Scanning;
using ScrapeLint.Cli.Tests.Infrastructure;

namespace ScrapeLint.Cli.Tests;

/// <summary>
/// Folders built to hang, exhaust or mislead the scan: links to devices, FIFOs, dangling links, link loops,
/// links out of the folder, unreadable and padded files. Each scan must end quickly, analyse what it can, say
/// what it left out, and never report a clean pass over a file it did not read.
/// </summary>
public sealed class HostileFolderTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    private readonly FixtureFolder folder = new();
    private readonly FixtureFolder outside = new();

    public void Dispose()
    {
        folder.Dispose();
        outside.Dispose();
    }

    [Fact]
    public async Task Devices_fifos_dangling_links_loops_and_links_out_of_the_folder_are_skipped_and_named()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // FIFOs and /dev exist only on Unix.
        }

        folder.Write("ProfileLoop.cs", Sources.ProfileLoop);
        File.CreateSymbolicLink(Path.Combine(folder.Root, "Zero.cs"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(folder.Root, "Random.cs"), "/dev/urandom");
        MakeFifo(Path.Combine(folder.Root, "Pipe.cs"));
        File.CreateSymbolicLink(Path.Combine(folder.Root, "Dangling.cs"), "nowhere/Missing.cs");
        File.CreateSymbolicLink(Path.Combine(folder.Root, "LoopA.cs"), "LoopB.cs");
        File.CreateSymbolicLink(Path.Combine(folder.Root, "LoopB.cs"), "LoopA.cs");

        // A crawler outside the folder, reached through a link: not the repository's content, never read.
        var foreign = outside.Write("Foreign.cs", Sources.ProfileLoop.Replace("linkedin.com/in/", "x.com/", StringComparison.Ordinal));
        File.CreateSymbolicLink(Path.Combine(folder.Root, "Foreign.cs"), foreign);

        var run = await WithinDeadline(CliRun.RunAsync("scan", folder.Root, "--format", "json"));

        // Skipped entries are not repository content: the scan is complete, and its findings decide the exit.
        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("files").GetInt32());
        Assert.Equal(7, summary.GetProperty("skipped").GetInt32());
        Assert.Equal(0, summary.GetProperty("notAnalysed").GetInt32());
        Assert.True(summary.GetProperty("complete").GetBoolean());
        var skipped = json.RootElement.GetProperty("skipped").EnumerateArray()
            .ToDictionary(s => Path.GetFileName(s.GetProperty("path").GetString()!), s => s.GetProperty("reason").GetString()!);
        Assert.Contains("'/dev/zero', outside the scanned folder", skipped["Zero.cs"], StringComparison.Ordinal);
        Assert.Contains("outside the scanned folder", skipped["Random.cs"], StringComparison.Ordinal);
        Assert.Contains("FIFO", skipped["Pipe.cs"], StringComparison.Ordinal);
        Assert.Contains("dangling", skipped["Dangling.cs"], StringComparison.Ordinal);
        Assert.Contains("loop", skipped["LoopA.cs"], StringComparison.Ordinal);
        Assert.Contains("loop", skipped["LoopB.cs"], StringComparison.Ordinal);
        Assert.Contains("outside the scanned folder", skipped["Foreign.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("x.com", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("scrapelint: warning: skipped " + Path.Combine(folder.Root, "Pipe.cs"), run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_or_device_reached_through_a_link_inside_the_folder_is_never_opened()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        folder.Write("ProfileLoop.cs", Sources.ProfileLoop);
        MakeFifo(Path.Combine(folder.Root, ".cache", "pipe"));
        File.CreateSymbolicLink(Path.Combine(folder.Root, "ViaLink.cs"), ".cache/pipe");

        var run = await WithinDeadline(CliRun.RunAsync("scan", folder.Root));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("ViaLink.cs: a FIFO (named pipe), not a regular file; never opened", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("; 1 skipped.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_to_a_regular_file_inside_the_folder_is_analysed_through_its_target()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // The target hides in a folder the scan does not walk and has no .cs name; the link is what makes it source.
        folder.Write(".stash/crawler.txt", Sources.ProfileLoop);
        File.CreateSymbolicLink(Path.Combine(folder.Root, "Crawler.cs"), ".stash/crawler.txt");

        var run = await WithinDeadline(CliRun.RunAsync("scan", folder.Root));

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("SL1001 warning:", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("scanned 1 file in 1 project", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_size_cap_applies_to_a_link_target_and_an_oversized_target_makes_the_scan_incomplete()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        folder.Write("RepoStats.cs", Sources.OwnApiClient);
        var big = Path.Combine(folder.Root, "data", "big.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(big)!);
        using (var stream = File.Create(big))
        {
            stream.SetLength(50L * 1024 * 1024); // sparse: 50 MB that cost nothing on disk
        }

        File.CreateSymbolicLink(Path.Combine(folder.Root, "Small.cs"), "data/big.bin");

        var clock = Stopwatch.StartNew();
        var run = await WithinDeadline(CliRun.RunAsync("scan", folder.Root));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("Small.cs: 52,428,800 bytes, over the 4 MB cap", run.Stderr, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task A_crawler_padded_past_the_size_cap_fails_the_scan_instead_of_passing_it()
    {
        var padded = Sources.ProfileLoop + "\n/*" + new string(' ', 5 * 1024 * 1024) + "*/\n";
        folder.Write("Padded.cs", padded);
        folder.Write("RepoStats.cs", Sources.OwnApiClient);

        var run = await CliRun.RunAsync("scan", folder.Root);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("Incomplete scan: No findings; scanned 1 file", run.Stdout.Split('\n').Last(l => l.Length > 0), StringComparison.Ordinal);
        Assert.Contains("Not analysed (the scan is incomplete):", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Padded.cs: 5,243,", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("; 1 not analysed.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("scrapelint: error: not analysed: " + Path.Combine(folder.Root, "Padded.cs"), run.Stderr, StringComparison.Ordinal);
        Assert.Contains("the scan is incomplete", run.Stderr, StringComparison.Ordinal);

        // The user may accept a partial scan; it still says what it left out.
        var partial = await CliRun.RunAsync("scan", folder.Root, "--allow-partial");

        Assert.True(partial.ExitCode == 0, partial.ToString());
        Assert.Contains("Incomplete scan: No findings; scanned 1 file in 1 project (loose files, no MSBuild)", partial.Stdout, StringComparison.Ordinal);
        Assert.Contains("; 1 not analysed.", partial.Stdout, StringComparison.Ordinal);
        Assert.Contains("scrapelint: warning: not analysed: ", partial.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scan_that_analysed_nothing_exits_2_even_with_allow_partial()
    {
        folder.Write("Padded.cs", Sources.ProfileLoop + "\n//" + new string('x', 5 * 1024 * 1024) + "\n");

        var run = await CliRun.RunAsync("scan", folder.Root, "--allow-partial");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("was analysed; nothing to report on", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_folder_is_not_a_pass()
    {
        folder.Write("README.md", "no code here");

        var run = await CliRun.RunAsync("scan", folder.Root);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("no C# file of", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_file_makes_the_scan_incomplete_and_the_others_are_still_analysed()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        folder.Write("ProfileLoop.cs", Sources.ProfileLoop);
        var locked = folder.Write("Locked.cs", Sources.OwnApiClient.Replace("RepoStats", "LockedStats", StringComparison.Ordinal));
        File.SetUnixFileMode(locked, UnixFileMode.None);

        var run = await CliRun.RunAsync("scan", folder.Root, "--format", "json");

        if (CanRead(locked))
        {
            // As root (CI here), mode 000 does not stop a read: the file is simply analysed, and the scan is complete.
            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("scanned 2 files", await TextSummary(), StringComparison.Ordinal);
            return;
        }

        Assert.True(run.ExitCode == 2, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var missed = Assert.Single(json.RootElement.GetProperty("notAnalysed").EnumerateArray());
        Assert.EndsWith("Locked.cs", missed.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Contains("cannot be read", missed.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains(json.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("ruleId").GetString() == "SL1001");
    }

    [Fact]
    public void A_read_error_on_a_regular_file_is_reported_not_thrown()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // /proc/self/mem is a regular file whose first page cannot be read (EIO), whoever the user is: an honest
        // I/O error even where permissions do not bite (root).
        var gated = SourceFileGate.Read("/proc/self/mem", realRoot: null);

        Assert.Equal(FileOutcome.NotAnalysed, gated.Outcome);
        Assert.Contains("cannot be read", gated.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminal_escape_sequences_in_a_source_line_are_escaped_in_the_text_report()
    {
        var hostile = Sources.ProfileLoop.Replace(
            "Console.WriteLine(html.Length); } }",
            "Console.WriteLine(html.Length); } } // \u001b]0;owned\u0007\u001b[2J\u009b31m\u202Eevil",
            StringComparison.Ordinal);
        Assert.NotEqual(Sources.ProfileLoop, hostile);
        folder.Write("ProfileLoop.cs", hostile);

        var run = await CliRun.RunAsync("scan", folder.Root);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.DoesNotContain(run.Stdout, c => c is '\u001b' or '\u0007' or '\u009b' or '\u202E');
        Assert.Contains(@"// \x1B]0;owned\x07\x1B[2J\x9B31m\u202Eevil", run.Stdout, StringComparison.Ordinal);
    }

    private async Task<string> TextSummary() => (await CliRun.RunAsync("scan", folder.Root)).Stdout;

    private static bool CanRead(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void MakeFifo(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var process = Process.Start(new ProcessStartInfo("mkfifo", new[] { path }) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }

    private static async Task<CliRun> WithinDeadline(Task<CliRun> run)
    {
        var finished = await Task.WhenAny(run, Task.Delay(Deadline));
        Assert.True(finished == run, $"the scan did not finish within {Deadline.TotalSeconds} s");
        return await run;
    }
}
