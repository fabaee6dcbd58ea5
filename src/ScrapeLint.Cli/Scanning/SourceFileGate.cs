using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace ScrapeLint.Cli.Scanning
{
    /// <summary>What became of one source file a folder scan came across.</summary>
    internal enum FileOutcome
    {
        /// <summary>Read: its text is analysed.</summary>
        Read,

        /// <summary>
        /// Not repository content: a link that leaves the scanned folder, that points at something other than a
        /// regular file (a device, a FIFO, a socket, a folder), that dangles, or that loops. Never opened; a
        /// warning, and the scan goes on.
        /// </summary>
        Skipped,

        /// <summary>
        /// Repository content the scan could not analyse: larger than the size cap, unreadable, or an I/O error
        /// while reading. A warning, and the scan is incomplete (exit 2 unless --allow-partial).
        /// </summary>
        NotAnalysed,
    }

    /// <summary>The outcome for one file, with the text when it was read and the reason when it was not.</summary>
    internal sealed record GatedFile(string Path, FileOutcome Outcome, SourceText? Text, string? Reason, string? RealPath);

    /// <summary>
    /// Admits only regular files inside the scanned root. A path is resolved to its real path (every link
    /// followed, the folders' included) before anything is opened; the target must lie inside the root's real
    /// path and be a regular file no larger than <see cref="MaxFileBytes"/>, and it is read through the resolved
    /// path with the cap enforced on the bytes actually read. FIFOs, devices and sockets are never opened.
    /// </summary>
    internal static class SourceFileGate
    {
        public const long MaxFileBytes = 4 * 1024 * 1024;

        // PAL file type bits of System.Native's FileStatus.Mode (the same on every Unix the runtime supports).
        private const int TypeMask = 0xF000;
        private const int RegularFile = 0x8000;
        private const int Directory = 0x4000;
        private const int Fifo = 0x1000;
        private const int CharDevice = 0x2000;
        private const int BlockDevice = 0x6000;
        private const int Socket = 0xC000;

        /// <summary>The real path of a folder (links resolved), or the full path where that cannot be known.</summary>
        public static string RealFolder(string folder)
            => OperatingSystem.IsWindows() ? System.IO.Path.GetFullPath(folder) : Native.RealPath(folder, out _) ?? System.IO.Path.GetFullPath(folder);

        /// <summary>
        /// The real path of a regular file inside the scanned folder (an assembly a HintPath names), or null when the path
        /// does not exist, cannot be resolved, leaves the folder or is not a regular file. Nothing is opened.
        /// </summary>
        public static string? RegularFileInside(string path, string realRoot)
        {
            string? real;
            if (OperatingSystem.IsWindows())
            {
                try
                {
                    var info = new FileInfo(path);
                    real = info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)?.FullName : info.FullName;
                }
                catch (IOException)
                {
                    return null;
                }

                if (real is null || !File.Exists(real) || (File.GetAttributes(real) & (FileAttributes.Directory | FileAttributes.Device)) != 0)
                {
                    return null;
                }
            }
            else
            {
                real = Native.RealPath(path, out _);
                if (real is null || !Native.Stat(real, out var mode, out _, out _) || (mode & TypeMask) != RegularFile)
                {
                    return null;
                }
            }

            return IsInside(real, realRoot) ? real : null;
        }

        /// <param name="realRoot">The real path of the scanned folder, or null for a file that may lie outside it (an .editorconfig above it).</param>
        public static GatedFile Read(string path, string? realRoot, long maxBytes = MaxFileBytes)
        {
            string real;
            if (OperatingSystem.IsWindows())
            {
                var info = new FileInfo(path);
                if (info.LinkTarget is not null)
                {
                    FileSystemInfo? target;
                    try
                    {
                        target = info.ResolveLinkTarget(returnFinalTarget: true);
                    }
                    catch (IOException ex)
                    {
                        return new GatedFile(path, FileOutcome.Skipped, null, $"a link that cannot be resolved ({ex.Message})", null);
                    }

                    if (target is null || !target.Exists)
                    {
                        return new GatedFile(path, FileOutcome.Skipped, null, "a link to nothing (dangling)", null);
                    }

                    real = target.FullName;
                }
                else
                {
                    real = info.FullName;
                }
            }
            else
            {
                var resolved = Native.RealPath(path, out var error);
                if (resolved is null)
                {
                    return new GatedFile(path, FileOutcome.Skipped, null, error == Native.ELOOP ? "a link loop" : error == Native.ENOENT ? "a link to nothing (dangling)" : $"a path that cannot be resolved ({Marshal.GetPInvokeErrorMessage(error)})", null);
                }

                real = resolved;
            }

            if (realRoot is not null && !IsInside(real, realRoot))
            {
                return new GatedFile(path, FileOutcome.Skipped, null, $"a link to '{real}', outside the scanned folder", real);
            }

            long size;
            if (OperatingSystem.IsWindows())
            {
                var info = new FileInfo(real);
                if ((info.Attributes & (FileAttributes.Directory | FileAttributes.Device)) != 0)
                {
                    return new GatedFile(path, FileOutcome.Skipped, null, "not a regular file", real);
                }

                size = info.Length;
            }
            else
            {
                if (!Native.Stat(real, out var mode, out size, out var error))
                {
                    return new GatedFile(path, FileOutcome.NotAnalysed, null, $"cannot be examined ({Marshal.GetPInvokeErrorMessage(error)})", real);
                }

                switch (mode & TypeMask)
                {
                    case RegularFile:
                        break;
                    case Fifo:
                        return new GatedFile(path, FileOutcome.Skipped, null, "a FIFO (named pipe), not a regular file; never opened", real);
                    case CharDevice:
                    case BlockDevice:
                        return new GatedFile(path, FileOutcome.Skipped, null, $"a device ('{real}'), not a regular file; never opened", real);
                    case Socket:
                        return new GatedFile(path, FileOutcome.Skipped, null, "a socket, not a regular file; never opened", real);
                    case Directory:
                        return new GatedFile(path, FileOutcome.Skipped, null, "a folder, not a regular file", real);
                    default:
                        return new GatedFile(path, FileOutcome.Skipped, null, "not a regular file; never opened", real);
                }
            }

            if (size > maxBytes)
            {
                return new GatedFile(path, FileOutcome.NotAnalysed, null, TooLarge(size, maxBytes), real);
            }

            try
            {
                using var stream = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
                var buffer = new byte[Math.Min(maxBytes + 1, Math.Max(size + 1, 4096))];
                var length = 0;
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        if (buffer.Length > maxBytes)
                        {
                            // The file grew past the cap after it was examined.
                            return new GatedFile(path, FileOutcome.NotAnalysed, null, TooLarge(length, maxBytes), real);
                        }

                        Array.Resize(ref buffer, (int)Math.Min(maxBytes + 1, (long)buffer.Length * 2));
                    }

                    var read = stream.Read(buffer, length, buffer.Length - length);
                    if (read == 0)
                    {
                        break;
                    }

                    length += read;
                }

                using var memory = new MemoryStream(buffer, 0, length, writable: false);
                return new GatedFile(path, FileOutcome.Read, SourceText.From(memory, Encoding.UTF8), null, real);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return new GatedFile(path, FileOutcome.NotAnalysed, null, $"cannot be read ({ex.Message})", real);
            }
        }

        private static string TooLarge(long size, long maxBytes)
            => $"{size:N0} bytes, over the {maxBytes / (1024 * 1024)} MB cap of a source file; not analysed";

        private static bool IsInside(string path, string root)
        {
            var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            var prefix = System.IO.Path.TrimEndingDirectorySeparator(root) + System.IO.Path.DirectorySeparatorChar;
            return path.StartsWith(prefix, comparison);
        }

        /// <summary>The runtime's own System.Native shim: present wherever .NET runs on Unix, with a portable FileStatus.</summary>
        private static class Native
        {
            public const int ENOENT = 2;

            public static readonly int ELOOP = OperatingSystem.IsLinux() ? 40 : 62;

            private const string Library = "libSystem.Native";

            public static string? RealPath(string path, out int error)
            {
                var result = SystemNative_RealPath(path);
                if (result == IntPtr.Zero)
                {
                    error = Marshal.GetLastPInvokeError();
                    return null;
                }

                try
                {
                    error = 0;
                    return Marshal.PtrToStringUTF8(result);
                }
                finally
                {
                    SystemNative_Free(result);
                }
            }

            /// <summary>stat(2), links followed: the file type and permission bits, and the size.</summary>
            public static unsafe bool Stat(string path, out int mode, out long size, out int error)
            {
                // FileStatus starts with int Flags, int Mode, uint Uid, uint Gid, long Size; the buffer is larger than the whole struct.
                var status = stackalloc byte[512];
                if (SystemNative_Stat(path, status) != 0)
                {
                    error = Marshal.GetLastPInvokeError();
                    mode = 0;
                    size = 0;
                    return false;
                }

                error = 0;
                mode = *(int*)(status + 4);
                size = *(long*)(status + 16);
                return true;
            }

            [DllImport(Library, EntryPoint = "SystemNative_RealPath", SetLastError = true)]
            private static extern IntPtr SystemNative_RealPath([MarshalAs(UnmanagedType.LPUTF8Str)] string path);

            [DllImport(Library, EntryPoint = "SystemNative_Free")]
            private static extern void SystemNative_Free(IntPtr pointer);

            [DllImport(Library, EntryPoint = "SystemNative_Stat", SetLastError = true)]
            private static extern unsafe int SystemNative_Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte* status);
        }
    }
}
