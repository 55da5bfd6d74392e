using System.Diagnostics;

namespace IdcRepro.Tests.TestSupport;

/// <summary>
/// A small tmpfs mounted on a folder (root only, where the kernel allows it), to see what a full disk really does.
/// Tests that use one fall back to an injected failure where it cannot be mounted: they never skip.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    /// <summary>
    /// Mounts a tmpfs of <paramref name="megabytes"/> MB on <paramref name="folder"/>, or returns null where that is
    /// impossible.
    /// </summary>
    public static SmallDisk? TryMount(string folder, int megabytes)
    {
        if (!OperatingSystem.IsLinux()) return null;
        Directory.CreateDirectory(folder);
        try
        {
            return Exec("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder) == 0
                ? new SmallDisk(folder)
                : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no mount command
        }
    }

    /// <summary>Fills the disk to the last byte with one file.</summary>
    public void Fill()
    {
        var chunk = new byte[64 * 1024];
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create, FileAccess.Write,
            FileShare.None, 1);
        try
        {
            while (true) filler.Write(chunk);
        }
        catch (IOException)
        {
            // Full. What was buffered is already written or lost; either way no byte is left.
        }
        for (var size = chunk.Length / 2; size > 0; size /= 2)
        {
            try
            {
                filler.Write(chunk, 0, size);
                filler.Flush();
            }
            catch (IOException)
            {
            }
        }
    }

    public void Dispose()
    {
        if (Exec("umount", Path) != 0) Exec("umount", "-l", Path);
    }

    private static int Exec(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
