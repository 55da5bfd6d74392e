using IdcRepro.Pipeline;

namespace IdcRepro.Stages;

/// <summary>Cheap fingerprints (for up-to-date checks) and content hashes of local dataset sources.</summary>
public static class LocalSource
{
    /// <summary>Size and modification time: changes when the file is replaced, costs no read.</summary>
    public static string FileFingerprint(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new StageException($"data.path: {path} does not exist. Point data.path at the dataset zip (e.g. --set data.path=../shared/data/idc-sample.zip).");
        return $"{info.Length}:{info.LastWriteTimeUtc.Ticks}";
    }

    public static string DirectoryFingerprint(string path)
    {
        if (!Directory.Exists(path))
            throw new StageException($"data.path: folder {path} does not exist. Point data.path at a folder in the original layout (<patient>/<class>/*.png).");
        long count = 0, bytes = 0, latest = 0;
        foreach (var file in new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            count++;
            bytes += file.Length;
            latest = Math.Max(latest, file.LastWriteTimeUtc.Ticks);
        }
        return $"{count}:{bytes}:{latest}";
    }

    /// <summary>A hash of every file's relative path and content, in ordinal path order.</summary>
    public static string DirectoryContentHash(string path)
    {
        var lines = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(path, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(f => $"{f}\t{Hashing.FileSha256(Path.Combine(path, f))}");
        return Hashing.Sha256Hex(string.Join("\n", lines));
    }
}
