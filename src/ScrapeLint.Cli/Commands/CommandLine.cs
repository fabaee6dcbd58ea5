using System;
using System.Collections.Generic;

namespace ScrapeLint.Cli.Commands
{
    internal enum CommandKind
    {
        Help,
        Version,
        Rules,
        Scan,
    }

    internal enum ReportFormat
    {
        Text,
        Sarif,
        Json,
        Gitlab,
    }

    /// <summary>The threshold of <c>--fail-on</c>: findings at or above it make the exit code 1.</summary>
    internal enum FailOn
    {
        None,
        Info,
        Warning,
        Error,
    }

    internal sealed record ScanSettings(
        string Path,
        ReportFormat Format,
        string? OutputFile,
        FailOn FailOn,
        bool Build,
        bool Quiet,
        bool AllowPartial = false);

    internal sealed record ParsedCommand(CommandKind Kind, ScanSettings? Scan = null);

    /// <summary>A command line that cannot be run: exit code 2, the message and a pointer to --help.</summary>
    internal sealed class UsageException : Exception
    {
        public UsageException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// Parses the command line. Hand-written: the grammar is two commands and a handful of options, and
    /// usage errors must exit with 2 (1 means "findings"), which a parser library would need bending for.
    /// </summary>
    internal static class CommandLine
    {
        public static ParsedCommand Parse(IReadOnlyList<string> args)
        {
            if (args.Count == 0)
            {
                return new ParsedCommand(CommandKind.Help);
            }

            foreach (var arg in args)
            {
                if (arg is "-h" or "--help" or "-?")
                {
                    return new ParsedCommand(CommandKind.Help);
                }
            }

            switch (args[0])
            {
                case "--version":
                    ExpectNoMore(args, 1);
                    return new ParsedCommand(CommandKind.Version);
                case "rules":
                    ExpectNoMore(args, 1);
                    return new ParsedCommand(CommandKind.Rules);
                case "scan":
                    return new ParsedCommand(CommandKind.Scan, ParseScan(args));
                default:
                    throw new UsageException(args[0].StartsWith('-')
                        ? $"unknown option '{args[0]}' (expected a command: scan or rules)"
                        : $"unknown command '{args[0]}' (expected scan or rules)");
            }
        }

        private static ScanSettings ParseScan(IReadOnlyList<string> args)
        {
            string? path = null;
            string? output = null;
            var format = ReportFormat.Text;
            var failOn = FailOn.Warning;
            var build = false;
            var quiet = false;
            var allowPartial = false;

            for (var i = 1; i < args.Count; i++)
            {
                var arg = args[i];
                string? inlineValue = null;
                if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=') is var eq and > 2)
                {
                    inlineValue = arg.Substring(eq + 1);
                    arg = arg.Substring(0, eq);
                }

                switch (arg)
                {
                    case "--format":
                    case "-f":
                        format = ParseChoice<ReportFormat>(arg, inlineValue ?? Value(args, ref i, arg));
                        break;
                    case "--output":
                    case "-o":
                        output = inlineValue ?? Value(args, ref i, arg);
                        break;
                    case "--fail-on":
                        failOn = ParseChoice<FailOn>(arg, inlineValue ?? Value(args, ref i, arg));
                        break;
                    case "--build":
                        build = Flag(arg, inlineValue);
                        break;
                    case "--allow-partial":
                        allowPartial = Flag(arg, inlineValue);
                        break;
                    case "--quiet":
                    case "-q":
                        quiet = Flag(arg, inlineValue);
                        break;
                    default:
                        if (arg.StartsWith('-') && arg != "-")
                        {
                            throw new UsageException($"unknown option '{arg}' for scan");
                        }

                        if (path is not null)
                        {
                            throw new UsageException($"scan takes one path; got '{path}' and '{arg}'");
                        }

                        path = arg;
                        break;
                }
            }

            if (path is null)
            {
                throw new UsageException("scan needs a path: a folder, a .sln, .slnx or .csproj file");
            }

            return new ScanSettings(path, format, output, failOn, build, quiet, allowPartial);
        }

        private static string Value(IReadOnlyList<string> args, ref int i, string option)
        {
            if (i + 1 >= args.Count || (args[i + 1].StartsWith('-') && args[i + 1].Length > 1))
            {
                throw new UsageException($"option '{option}' needs a value");
            }

            i++;
            return args[i];
        }

        private static bool Flag(string option, string? inlineValue)
            => inlineValue is null ? true : throw new UsageException($"option '{option}' takes no value");

        private static T ParseChoice<T>(string option, string value)
            where T : struct, Enum
        {
            if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && !int.TryParse(value, out _))
            {
                return parsed;
            }

            var choices = string.Join("|", Array.ConvertAll(Enum.GetNames<T>(), n => n.ToLowerInvariant()));
            throw new UsageException($"option '{option}' expects {choices}, not '{value}'");
        }

        private static void ExpectNoMore(IReadOnlyList<string> args, int count)
        {
            if (args.Count > count)
            {
                throw new UsageException($"unexpected argument '{args[count]}' after '{args[count - 1]}'");
            }
        }
    }
}
