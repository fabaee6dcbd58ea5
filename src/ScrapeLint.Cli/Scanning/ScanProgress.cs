using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>
    /// One self-overwriting status line on standard error (projects and files done, elapsed time), redrawn
    /// at most a few times a second. Silent when disabled (not a terminal, or --quiet).
    /// </summary>
    internal sealed class ScanProgress : IDisposable
    {
        private readonly TextWriter? writer;
        private readonly Stopwatch clock;
        private readonly Timer? timer;
        private readonly object gate = new();
        private string phase = "loading";
        private int projects;
        private int projectsDone;
        private int files;
        private int filesDone;
        private int lastLength;

        public ScanProgress(TextWriter? writer, Stopwatch clock)
        {
            this.writer = writer;
            this.clock = clock;
            if (writer is not null)
            {
                timer = new Timer(_ => Draw(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250));
            }
        }

        public void Analysing(int projectCount, int fileCount)
        {
            phase = "analysing";
            projects = projectCount;
            files = fileCount;
        }

        public void ProjectDone(int fileCount)
        {
            Interlocked.Increment(ref projectsDone);
            Interlocked.Add(ref filesDone, fileCount);
        }

        public void Dispose()
        {
            timer?.Dispose();
            lock (gate)
            {
                if (writer is not null && lastLength > 0)
                {
                    writer.Write("\r" + new string(' ', lastLength) + "\r");
                    writer.Flush();
                }

                lastLength = 0;
            }
        }

        private void Draw()
        {
            lock (gate)
            {
                if (writer is null)
                {
                    return;
                }

                var elapsed = clock.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
                var line = phase == "loading"
                    ? $"scrapelint: loading… {elapsed} s"
                    : $"scrapelint: {Volatile.Read(ref projectsDone)}/{projects} projects, {Volatile.Read(ref filesDone)}/{files} files, {elapsed} s";
                writer.Write("\r" + line.PadRight(lastLength));
                writer.Flush();
                lastLength = line.Length;
            }
        }
    }
}
