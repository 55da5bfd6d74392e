using System.Text.Json;

namespace IdcRepro.Pipeline;

/// <summary>What a stage's work produced besides its files: facts to keep in the stamp.</summary>
public sealed record StageProducts(IReadOnlyDictionary<string, object> Facts)
{
    public static StageProducts None { get; } = new(new Dictionary<string, object>());
}

/// <summary>The outcome of asking for a stage: its stamp and folder, and whether it had to run.</summary>
public sealed record StageResult(Stamp Stamp, string Directory, bool Ran);

/// <summary>
/// Runs a stage into a private work folder and publishes it atomically (one rename) under its key, with its
/// stamp written last; or finds it already there. A folder without a valid stamp, or whose files no longer
/// match the stamp, is not trusted and is made again.
/// </summary>
public sealed class StageCache(ArtifactLayout layout)
{
    public ArtifactLayout Layout => layout;

    /// <summary>The stamp of a complete, intact output for this key, or null.</summary>
    public Stamp? Find(StageKey key)
    {
        var dir = layout.StageDirectory(key);
        var stampPath = Path.Combine(dir, Stamp.FileName);
        if (!File.Exists(stampPath)) return null;
        Stamp? stamp;
        try
        {
            stamp = JsonSerializer.Deserialize<Stamp>(File.ReadAllText(stampPath), Stamp.Json);
        }
        catch (JsonException)
        {
            return null;
        }
        if (stamp is null || stamp.Key != key.Hash) return null;
        foreach (var (name, file) in stamp.Outputs)
        {
            var info = new FileInfo(Path.Combine(dir, name));
            if (!info.Exists || info.Length != file.Bytes) return null;
        }
        return stamp;
    }

    /// <summary>
    /// Returns the existing output for <paramref name="key"/>, or runs <paramref name="produce"/> into a work
    /// folder and publishes it. <paramref name="resumable"/> keeps what an interrupted earlier attempt left in the
    /// work folder (for stages that can pick up where they stopped); otherwise the work folder starts empty.
    /// </summary>
    public StageResult GetOrRun(StageKey key, bool force, Func<string, StageProducts> produce, bool resumable = false)
    {
        var final = layout.StageDirectory(key);
        if (!force && Find(key) is { } existing) return new StageResult(existing, final, Ran: false);

        var root = layout.StageRoot(key.Stage);
        var work = Path.Combine(root, $".partial-{key.Short}");
        try
        {
            Directory.CreateDirectory(root);
            using var workLock = AcquireLock(work + ".lock", key);
            return RunLocked(key, root, work, final, produce, resumable);
        }
        catch (Exception e) when (e is not WriteFailedException && WriteFailure.IsDiskFull(e))
        {
            throw WriteFailure.In(root, $"the {key.Stage} output", e);
        }
    }

    /// <summary>Makes the output in the work folder and publishes it; holds the work folder's lock throughout.</summary>
    private static StageResult RunLocked(StageKey key, string root, string work, string final, Func<string, StageProducts> produce, bool resumable)
    {
        try
        {
            if (!resumable && Directory.Exists(work)) Directory.Delete(work, recursive: true);
            Directory.CreateDirectory(work);
            var stamp = Produce(key, work, produce);
            Publish(root, work, final, key);
            return new StageResult(stamp, final, Ran: true);
        }
        catch (Exception e)
        {
            // A half-made output is never published, so never trusted; one that cannot resume is removed at once,
            // which also gives back its space when the disk filled up.
            // Said of the stage's folder, not of the work folder that is gone; a write elsewhere (a download) keeps its own words.
            var inWork = e is not WriteFailedException failed || failed.Folder.StartsWith(work, StringComparison.Ordinal);
            var written = WriteFailure.IsDiskFull(e) ? FolderBytes(work) : 0;
            if (!resumable) TryDelete(work);
            if (!WriteFailure.IsDiskFull(e) || !inWork) throw;
            throw WriteFailure.In(root, $"the {key.Stage} output", e,
                written > 0 ? $"it had written {WriteFailure.Size(written)} when the disk filled" : null,
                resumable ? $"{key.Stage} goes on from what it kept in {work}" : null);
        }
    }

    private static Stamp Produce(StageKey key, string work, Func<string, StageProducts> produce)
    {
        var started = DateTimeOffset.UtcNow;
        var products = produce(work);
        var outputs = Directory.EnumerateFiles(work, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(work, f).Replace('\\', '/'))
            .Where(f => f != Stamp.FileName)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => f, f => new OutputFile(new FileInfo(Path.Combine(work, f)).Length, Hashing.FileSha256(Path.Combine(work, f))));
        var stamp = new Stamp
        {
            Stage = key.Stage,
            Key = key.Hash,
            StageVersion = key.Version,
            CodeVersion = CodeVersion.Current,
            Config = JsonDocument.Parse(key.SectionJson).RootElement,
            Inputs = key.Inputs,
            Outputs = outputs,
            OutputHash = Hashing.Sha256Hex(string.Join("\n", outputs.Select(o => $"{o.Key}\t{o.Value.Sha256}"))),
            Facts = products.Facts.ToDictionary(f => f.Key, f => JsonSerializer.SerializeToElement(f.Value, Stamp.Json)),
            CreatedUtc = started,
            Seconds = Math.Round((DateTimeOffset.UtcNow - started).TotalSeconds, 3),
        };
        // Written last: a folder without a stamp is never trusted.
        AtomicFile.WriteAllText(Path.Combine(work, Stamp.FileName), JsonSerializer.Serialize(stamp, Stamp.Json));
        return stamp;
    }

    /// <summary>Replaces the key's folder with the finished work folder in one rename.</summary>
    private static void Publish(string root, string work, string final, StageKey key)
    {
        if (Directory.Exists(final))
        {
            var retired = Path.Combine(root, $".retired-{key.Short}-{Guid.NewGuid():N}");
            Directory.Move(final, retired);
            Directory.Delete(retired, recursive: true);
        }
        Directory.Move(work, final);
    }

    private static long FolderBytes(string folder) => Directory.Exists(folder)
        ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
        : 0;

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still never trusted (no stamp, never renamed into place) and emptied by the next run of the stage.
        }
    }

    private static FileStream AcquireLock(string path, StageKey key)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException e) when (!WriteFailure.IsDiskFull(e))
        {
            throw new StageException($"{key.Stage}: another run is making the same output right now ({path}). Wait for it to finish, then rerun.");
        }
    }
}
