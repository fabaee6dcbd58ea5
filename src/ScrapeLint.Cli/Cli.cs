using System;
using System.IO;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ScrapeLint.Cli.Commands;
using ScrapeLint.Cli.Reporting;
using ScrapeLint.Cli.Scanning;

namespace ScrapeLint.Cli
{
    /// <summary>Runs one command line against the given writers and returns the exit code.</summary>
    internal static class Cli
    {
        public const int Clean = 0;
        public const int FindingsAtThreshold = 1;
        public const int UsageOrLoadError = 2;
        public const int Cancelled = 130;

        /// <param name="progressIsVisible">Whether stderr is a terminal, where a progress line makes sense.</param>
        public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool progressIsVisible, CancellationToken cancellationToken)
        {
            ParsedCommand command;
            try
            {
                command = CommandLine.Parse(args);
            }
            catch (UsageException ex)
            {
                stderr.WriteLine($"scrapelint: {ex.Message}");
                stderr.WriteLine("Run 'scrapelint --help' for usage.");
                return UsageOrLoadError;
            }

            switch (command.Kind)
            {
                case CommandKind.Help:
                    stdout.WriteLine(HelpText.Usage);
                    return Clean;
                case CommandKind.Version:
                    stdout.WriteLine($"scrapelint {AnalyzerCatalog.AnalyzerVersion} (Roslyn {typeof(Compilation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]})");
                    return Clean;
                case CommandKind.Rules:
                    RulesTable.Write(stdout);
                    return Clean;
                default:
                    return await ScanAsync(command.Scan!, stdout, stderr, progressIsVisible, cancellationToken).ConfigureAwait(false);
            }
        }

        private static async Task<int> ScanAsync(ScanSettings settings, TextWriter stdout, TextWriter stderr, bool progressIsVisible, CancellationToken cancellationToken)
        {
            ScanResult result;
            try
            {
                result = await Scanner.ScanAsync(settings, progressIsVisible && !settings.Quiet ? stderr : null, cancellationToken).ConfigureAwait(false);
            }
            catch (LoadException ex)
            {
                stderr.WriteLine($"scrapelint: {ex.Message}");
                return UsageOrLoadError;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                stderr.WriteLine("scrapelint: cancelled");
                return Cancelled;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"scrapelint: cannot read '{settings.Path}': {ex.Message}");
                return UsageOrLoadError;
            }
#pragma warning disable CA1031 // A command-line tool reports any failure as a message and an exit code, never a stack trace.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                stderr.WriteLine($"scrapelint: scanning '{settings.Path}' failed: {ex.GetType().Name}: {ex.Message}");
                return UsageOrLoadError;
            }

            if (!settings.Quiet)
            {
                foreach (var warning in result.Warnings)
                {
                    stderr.WriteLine($"scrapelint: warning: {warning}");
                }

                foreach (var skipped in result.Skipped)
                {
                    stderr.WriteLine($"scrapelint: warning: skipped {skipped}");
                }
            }

            // What was not analysed is printed even with --quiet: it decides the exit code.
            foreach (var missed in result.NotAnalysed)
            {
                stderr.WriteLine($"scrapelint: {(settings.AllowPartial ? "warning" : "error")}: not analysed: {missed}");
            }

            try
            {
                WriteReport(result, settings, stdout);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"scrapelint: cannot write '{settings.OutputFile}': {ex.Message}");
                return UsageOrLoadError;
            }

            if (settings.OutputFile is not null && !settings.Quiet)
            {
                stderr.WriteLine($"scrapelint: {result.Findings.Length} finding(s); report written to {settings.OutputFile}");
            }

            if (result.Files == 0)
            {
                // Nothing analysed is never a pass, --allow-partial or not: there is no part to accept.
                stderr.WriteLine($"scrapelint: error: no C# file of '{settings.Path}' was analysed; nothing to report on (exit 2)");
                return UsageOrLoadError;
            }

            if (result.IsIncomplete && !settings.AllowPartial)
            {
                stderr.WriteLine($"scrapelint: error: the scan is incomplete: {result.NotAnalysed.Length} file(s) or project(s) not analysed (listed above), so its findings may be missing some (exit 2). Fix them, or pass --allow-partial to accept a partial scan.");
                return UsageOrLoadError;
            }

            foreach (var finding in result.Findings)
            {
                if (Severity.Reaches(finding.Severity, settings.FailOn))
                {
                    return FindingsAtThreshold;
                }
            }

            return Clean;
        }

        private static void WriteReport(ScanResult result, ScanSettings settings, TextWriter stdout)
        {
            if (settings.OutputFile is null)
            {
                if (settings.Format == ReportFormat.Text)
                {
                    TextReport.Write(result, stdout);
                    return;
                }

                using var buffer = new MemoryStream();
                WriteJson(result, settings.Format, buffer);
                stdout.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
                return;
            }

            var fullPath = Path.GetFullPath(settings.OutputFile);
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            using var file = File.Create(fullPath);
            if (settings.Format == ReportFormat.Text)
            {
                using var writer = new StreamWriter(file, new UTF8Encoding(false));
                TextReport.Write(result, writer);
            }
            else
            {
                WriteJson(result, settings.Format, file);
            }
        }

        private static void WriteJson(ScanResult result, ReportFormat format, Stream stream)
        {
            if (format == ReportFormat.Sarif)
            {
                SarifReport.Write(result, stream);
            }
            else if (format == ReportFormat.Gitlab)
            {
                GitLabReport.Write(result, stream);
            }
            else
            {
                JsonReport.Write(result, stream);
            }
        }
    }
}
