namespace IdcRepro.Pipeline;

/// <summary>
/// Replaces what a command writes into a folder the user names (<c>idc predict -o</c>) as one set: the new files are
/// made in a sibling folder, then swapped in, so the folder never holds new files beside stale ones of an earlier run
/// (a metrics.json of other patches beside new predictions). A folder that holds nothing else is swapped whole, with
/// two renames; in one that also holds other files, the command's own files are replaced and its stale ones removed.
/// </summary>
public static class OutputFolder
{
    /// <param name="folder">The output folder (made when missing).</param>
    /// <param name="owned">The names of every file the command may write there.</param>
    /// <param name="write">Writes this run's files into the folder it is given.</param>
    public static void Replace(string folder, IReadOnlyCollection<string> owned, Action<string> write)
    {
        folder = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var parent = Path.GetDirectoryName(folder)!;
        var fresh = Path.Combine(parent, $".{Path.GetFileName(folder)}.new-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(fresh);
            write(fresh);
            var others = Directory.Exists(folder)
                ? Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Where(n => !owned.Contains(n!))
                    .ToList()
                : [];
            if (others.Count == 0) Swap(folder, fresh);
            else ReplaceOwned(folder, fresh, owned);
        }
        catch (Exception e) when (e is WriteFailedException || WriteFailure.IsWriteProblem(e))
        {
            throw WriteFailure.In(folder, $"the outputs of this run", e);
        }
        finally
        {
            try
            {
                if (Directory.Exists(fresh)) Directory.Delete(fresh, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A dot-named leftover beside the output; the outcome above is what counts.
            }
        }
    }

    private static void Swap(string folder, string fresh)
    {
        if (!Directory.Exists(folder))
        {
            Directory.Move(fresh, folder);
            return;
        }
        var retired = $"{fresh}.old";
        Directory.Move(folder, retired);
        Directory.Move(fresh, folder);
        Directory.Delete(retired, recursive: true);
    }

    /// <summary>
    /// Stale files first (a moment without them is better than a moment beside new ones), then each new file by rename.
    /// </summary>
    private static void ReplaceOwned(string folder, string fresh, IReadOnlyCollection<string> owned)
    {
        foreach (var name in owned.Where(n => !File.Exists(Path.Combine(fresh, n))))
            File.Delete(Path.Combine(folder, name));
        foreach (var name in owned.Where(n => File.Exists(Path.Combine(fresh, n))))
            File.Move(Path.Combine(fresh, name), Path.Combine(folder, name), overwrite: true);
    }
}
