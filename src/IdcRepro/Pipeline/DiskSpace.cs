namespace IdcRepro.Pipeline;

/// <summary>Free space where a folder lives (or would live: the nearest folder above it that exists).</summary>
public static class DiskSpace
{
    /// <summary>
    /// Bytes available to this user on the disk of <paramref name="path"/>, or null when the system will not say.
    /// </summary>
    public static long? FreeBytes(string path)
    {
        try
        {
            var dir = new DirectoryInfo(Path.GetFullPath(path));
            while (dir is { Exists: false }) dir = dir.Parent;
            return dir is null ? null : new DriveInfo(dir.FullName).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
