using System;
using System.Threading;
using System.Threading.Tasks;

namespace ScrapeLint.Cli
{
    internal static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            using var cancellation = new CancellationTokenSource();
            var cancelRequests = 0;

            // First Ctrl+C: stop the scan cleanly (exit 130). A second one ends the process at once.
            Console.CancelKeyPress += (_, e) =>
            {
                if (Interlocked.Increment(ref cancelRequests) == 1)
                {
                    e.Cancel = true;
                    cancellation.Cancel();
                }
            };

            return await Cli.RunAsync(args, Console.Out, Console.Error, progressIsVisible: !Console.IsErrorRedirected, cancellation.Token).ConfigureAwait(false);
        }
    }
}
