namespace ScrapeLint.Cli.Commands
{
    internal static class HelpText
    {
        public const string Usage = """
            scrapelint: audit C# code for harvesting of personal data from the web (the ScrapeLint rules).

            Usage:
              scrapelint scan <path> [options]   analyse a folder, solution or project and report findings
              scrapelint rules                   list the rules with their severities and help links
              scrapelint --version               print the version
              scrapelint --help                  print this help

            <path>:
              a folder        Read as loose C# files: every *.cs below it (bin, obj and hidden folders skipped),
                              grouped by the folder of the nearest .csproj and compiled against the installed .NET
                              reference assemblies. Project files are read as text, never evaluated: no MSBuild
                              targets, no restore, no source generators, so a repository you do not trust runs
                              no code of its own. Packages (PackageReference, packages.config, HintPath) come
                              from the local NuGet cache, ProjectReferences from the folder; what is not found
                              stays unresolved, with a warning (the rules tolerate that, but may miss what only
                              those types reveal).
              .sln .slnx .csproj
                              Loaded with MSBuild from the installed .NET SDK (design-time build, like an IDE),
                              honouring the projects' references and .editorconfig. Evaluating a project runs
                              its MSBuild code (InitialTargets, Exec in Directory.Build.props/.targets):
                              only do this for repositories you trust. Restore first (dotnet restore);
                              an unrestored project stops the scan with the command to run.

            Options for scan:
              --build                          load a folder's solution or projects with MSBuild instead of
                                               reading loose files (runs the repository's MSBuild code)
              -f, --format text|sarif|json|gitlab
                                               report format (default: text); sarif is one SARIF 2.1.0
                                               log for the whole scan, gitlab is GitLab's code quality report
              -o, --output <file>              write the report to a file instead of standard output
              --fail-on none|info|warning|error
                                               exit with 1 when a finding reaches this severity
                                               (default: warning)
              --allow-partial                  accept a scan that left files or projects out (unreadable,
                                               over the 4 MB cap, not loaded, not restored): exit by the
                                               findings instead of 2; what was left out is still listed
              -q, --quiet                      no progress on standard error (it is shown only on a terminal)

            .editorconfig files (dotnet_diagnostic.<ID>.severity and the scrapelint.* options) apply in both
            modes.

            A folder scan opens only regular files inside the folder: links are resolved and followed only to
            regular files inside it; devices, FIFOs, sockets, dangling links and link loops are skipped with a
            warning. A file over 4 MB, or one that cannot be read, is not analysed: the scan says so and is
            incomplete.

            Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage error, a
            path that cannot be loaded, an unrestored solution or project, or an incomplete scan (a file or
            project not analysed, or nothing analysed at all) unless --allow-partial; 130 cancelled (Ctrl+C).
            """;
    }
}
