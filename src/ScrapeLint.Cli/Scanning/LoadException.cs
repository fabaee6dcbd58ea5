using System;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>A path or project that cannot be analysed: exit code 2 with this message, no stack trace.</summary>
    internal sealed class LoadException : Exception
    {
        public LoadException(string message)
            : base(message)
        {
        }
    }
}
