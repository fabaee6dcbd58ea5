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
                              no code of its own. Types from NuGet packages stay unresolved (the rules tolerate
                              that, but may miss what only those types reveal).
              .sln .slnx .csproj
                              Loaded with MSBuild from the installed .NET SDK (design-time build, like an IDE),
                              honouring the projects' references and .editorconfig. Evaluating a project runs
                              its MSBuild code: only do this for repositories you trust. Restore first
                              (dotnet restore) so that package types resolve.

            Options for scan:
              --build                          load a folder's solution or projects with MSBuild instead of
                                               reading loose files (runs the repository's MSBuild code)
              -f, --format text|sarif|json     report format (default: text)
              -o, --output <file>              write the report to a file instead of standard output
              --fail-on none|info|warning|error
                                               exit with 1 when a finding reaches this severity
                                               (default: warning)
              -q, --quiet                      no progress on standard error (it is shown only on a terminal)

            .editorconfig files (dotnet_diagnostic.<ID>.severity and the scrapelint.* options) apply in both
            modes.

            Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 usage error or a
            path or project that cannot be loaded; 130 cancelled (Ctrl+C).
            """;
    }
}
