using System.Runtime.InteropServices;

namespace IdcRepro.Pipeline;

/// <summary>
/// What the file system says about a file without reading it: device, inode, size, and modification and change times
/// in nanoseconds. Any write changes the change time (ctime), which no user call can set back, so a file whose stat is
/// unchanged has unchanged content: the fast path of <see cref="HashState"/>. Read with <c>statx</c> on Linux;
/// elsewhere .NET's own fields stand in (size, write and creation time: weaker, as it has no ctime).
/// </summary>
public readonly record struct FileStat(ulong Device, ulong Inode, long Size, long ModifiedNs, long ChangedNs)
{
    /// <summary>The stat of an existing file, or null when there is none.</summary>
    public static FileStat? Of(string path)
    {
        if (OperatingSystem.IsLinux()) return Statx(path);
        var info = new FileInfo(path);
        if (!info.Exists) return null;
        return new FileStat(0, 0, info.Length, info.LastWriteTimeUtc.Ticks * 100, info.CreationTimeUtc.Ticks * 100);
    }

    public override string ToString() => $"{Device}\t{Inode}\t{Size}\t{ModifiedNs}\t{ChangedNs}";

    public static bool TryParse(ReadOnlySpan<string> fields, out FileStat stat)
    {
        stat = default;
        if (fields.Length != 5
            || !ulong.TryParse(fields[0], out var device) || !ulong.TryParse(fields[1], out var inode)
            || !long.TryParse(fields[2], out var size) || !long.TryParse(fields[3], out var modified)
            || !long.TryParse(fields[4], out var changed)) return false;
        stat = new FileStat(device, inode, size, modified, changed);
        return true;
    }

    private const int AtFdCwd = -100;
    private const uint StatxBasicStats = 0x7ff;
    private const int Enoent = 2, Enotdir = 20;

    private static FileStat? Statx(string path)
    {
        var buffer = new StatxBuffer();
        if (NativeStatx(AtFdCwd, path, 0, StatxBasicStats, ref buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is Enoent or Enotdir) return null;
            throw new IOException($"{path}: stat failed ({Marshal.GetPInvokeErrorMessage(errno)})");
        }
        if ((buffer.Mode & 0xF000) != 0x8000) return null; // not a regular file
        var device = ((ulong)buffer.DevMajor << 32) | buffer.DevMinor;
        return new FileStat(device, buffer.Inode, (long)buffer.Size,
            buffer.MtimeSec * 1_000_000_000 + buffer.MtimeNsec, buffer.CtimeSec * 1_000_000_000 + buffer.CtimeNsec);
    }

    /// <summary>Linux's <c>struct statx</c> (256 bytes, the same layout on every architecture).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(32)] public ulong Inode;
        [FieldOffset(40)] public ulong Size;
        [FieldOffset(96)] public long CtimeSec;
        [FieldOffset(104)] public uint CtimeNsec;
        [FieldOffset(112)] public long MtimeSec;
        [FieldOffset(120)] public uint MtimeNsec;
        [FieldOffset(136)] public uint DevMajor;
        [FieldOffset(140)] public uint DevMinor;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int NativeStatx(int dirfd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags,
        uint mask, ref StatxBuffer buffer);
}
