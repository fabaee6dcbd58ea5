using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace ScrapeLint.Package.Tests;

/// <summary>A finding as MSBuild prints it: <c>File.cs(10,29): warning SL1001: …</c>.</summary>
public sealed record Finding(string File, string Id, string Severity)
{
    public override string ToString() => $"{File}: {Severity} {Id}";
}

public sealed partial record CommandResult(int ExitCode, string Output)
{
    /// <summary>Distinct ScrapeLint findings of a build (MSBuild repeats each one in its summary).</summary>
    public IReadOnlySet<Finding> Findings => DiagnosticLine().Matches(Output)
        .Select(m => new Finding(Path.GetFileName(m.Groups["file"].Value), m.Groups["id"].Value, m.Groups["severity"].Value))
        .ToHashSet();

    [GeneratedRegex(@"^(?<file>[^\r\n(]+\.cs)\(\d+,\d+\): (?<severity>warning|error) (?<id>SL\d{4}):", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}

/// <summary>Runs the .NET CLI the way a developer or CI would, with no build servers left behind.</summary>
public static class DotNet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public static CommandResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host inherits MSBuild's variables from `dotnet test`; a child build must start clean.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        // Servers that outlive the build would keep the redirected output open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish in {Timeout}:\n{output}");
        }

        process.WaitForExit(); // drains the output events
        lock (output)
        {
            return new CommandResult(process.ExitCode, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
