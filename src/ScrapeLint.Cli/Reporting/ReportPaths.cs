using System.IO;
using System.Linq;

namespace ScrapeLint.Cli.Reporting
{
    /// <summary>
    /// Where machine-read reports anchor their paths: the root of the git repository that holds the scanned
    /// folder, so that code scanning services (GitHub, GitLab, Azure DevOps), which resolve paths from the
    /// repository's root, place a finding in the right file even when a subfolder was scanned; the scanned
    /// folder itself outside a repository.
    /// </summary>
    internal static class ReportPaths
    {
        public static string Anchor(string scannedRoot)
        {
            for (var dir = new DirectoryInfo(scannedRoot); dir is not null; dir = dir.Parent)
            {
                var git = Path.Combine(dir.FullName, ".git");
                if (Directory.Exists(git) || File.Exists(git))
                {
                    return dir.FullName;
                }
            }

            return scannedRoot;
        }

        /// <summary>The path relative to the anchor, with forward slashes.</summary>
        public static string Relative(string anchor, string filePath)
            => string.Join('/', Path.GetRelativePath(anchor, filePath).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Where(s => s.Length > 0));
    }
}
