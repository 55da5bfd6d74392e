namespace IdcRepro.Pipeline;

/// <summary>
/// Writes a whole folder under a temporary name beside it and renames it into place, replacing an earlier one, so a
/// reader never sees half of it (the way <see cref="StageCache"/> publishes a stage, for folders outside the cache).
/// </summary>
public static class AtomicFolder
{
    public static void Write(string folder, Action<string> writeTemporary)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var parent = Path.GetDirectoryName(target)
            ?? throw new ArgumentException($"{folder} has no parent folder to write beside.", nameof(folder));
        var name = Path.GetFileName(target);
        Directory.CreateDirectory(parent);
        var work = Path.Combine(parent, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(work);
        try
        {
            writeTemporary(work);
            if (Directory.Exists(target))
            {
                var retired = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.retired");
                Directory.Move(target, retired);
                Directory.Move(work, target);
                Directory.Delete(retired, recursive: true);
            }
            else
            {
                Directory.Move(work, target);
            }
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }
}
