namespace IdcRepro.Pipeline;

/// <summary>
/// A test seam: makes <see cref="AtomicFile"/> writes under a folder fail as a full disk does (ENOSPC), for the code
/// running in the caller's async flow only (other tests running at the same time are not affected).
/// </summary>
internal static class WriteFaults
{
    private static readonly AsyncLocal<string?> FullFolder = new();

    /// <summary>Until disposed, writes under <paramref name="folder"/> fail with "No space left on device".</summary>
    public static IDisposable DiskFullUnder(string folder)
    {
        var previous = FullFolder.Value;
        FullFolder.Value = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        return new Restore(() => FullFolder.Value = previous);
    }

    /// <summary>Throws what a full disk throws when <paramref name="path"/> lies under the folder made full.</summary>
    public static void Check(string path)
    {
        if (FullFolder.Value is { } folder && Path.GetFullPath(path).StartsWith(folder, StringComparison.Ordinal))
            throw new IOException($"No space left on device : '{path}'", OperatingSystem.IsWindows()
                ? unchecked((int)0x80070070) : 28);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
