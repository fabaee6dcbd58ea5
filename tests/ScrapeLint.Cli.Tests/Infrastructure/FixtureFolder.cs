namespace ScrapeLint.Cli.Tests.Infrastructure;

/// <summary>A temporary folder of fixture files, deleted on dispose.</summary>
public sealed class FixtureFolder : IDisposable
{
    public FixtureFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "scrapelint-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the OS is left for the temp cleaner.
        }
    }
}
