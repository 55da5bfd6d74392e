using System.Diagnostics;
using System.Text.Json;

namespace IdcRepro.Pipeline;

/// <summary>What a stage's work produced besides its files: facts to keep in the stamp.</summary>
public sealed record StageProducts(IReadOnlyDictionary<string, object> Facts)
{
    public static StageProducts None { get; } = new(new Dictionary<string, object>());
}

/// <summary>
/// The outcome of asking for a stage: its stamp and folder, whether it had to run, and why (when it was damaged).
/// </summary>
public sealed record StageResult(Stamp Stamp, string Directory, bool Ran, string? Remade = null);

/// <summary>
/// What the cache holds for a key: a verified output, nothing, or an output that must not be trusted (and why).
/// </summary>
public sealed record CacheLookup(Stamp? Stamp, string? Damage)
{
    public static CacheLookup Missing { get; } = new(null, null);
}

/// <summary>
/// Runs a stage into a private work folder and publishes it atomically (one rename) under its key, with its stamp
/// written last; or finds it there. Nothing is trusted unchecked: a found output's stamp must be intact (its fields
/// give its key, its output hash covers its files) and every file must have the size and SHA-256 the stamp records
/// (through <see cref="ContentHasher"/>'s stat fast path, so an unchanged output costs a stat per file).
/// </summary>
public sealed class StageCache(ArtifactLayout layout, ContentHasher hashes)
{
    /// <summary>
    /// How long a run waits for another process making the same output (a concurrent job of a sweep) before giving up.
    /// </summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromHours(24);

    public ArtifactLayout Layout => layout;

    /// <summary>The complete, intact output for this key, or why there is none.</summary>
    public CacheLookup Find(StageKey key, Func<string, ContentHasher, string?>? externalMismatch = null)
    {
        var dir = layout.StageDirectory(key);
        var stampPath = Path.Combine(dir, Stamp.FileName);
        if (!File.Exists(stampPath))
            return Directory.Exists(dir) ? new CacheLookup(null, "its folder has no stamp.json") : CacheLookup.Missing;
        Stamp? stamp;
        try
        {
            stamp = JsonSerializer.Deserialize<Stamp>(File.ReadAllText(stampPath), Stamp.Json);
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return new CacheLookup(null, "its stamp.json is unreadable");
        }
        if (stamp is null) return new CacheLookup(null, "its stamp.json is empty");
        if (stamp.Key != key.Hash || stamp.RecomputedKey() != key.Hash)
            return new CacheLookup(null, "its stamp.json no longer describes the key it is filed under (edited?)");
        if (stamp.OutputHash != Stamp.HashOfOutputs(stamp.Outputs))
            return new CacheLookup(null, "its stamp.json's output_hash does not cover its outputs (edited?)");
        if (hashes.Mismatch(dir, stamp.Outputs) is { } mismatch) return new CacheLookup(null, mismatch);
        if (externalMismatch?.Invoke(dir, hashes) is { } changed) return new CacheLookup(null, changed);
        return new CacheLookup(stamp, null);
    }

    /// <summary>
    /// Returns the verified output for <paramref name="key"/>, or runs <paramref name="produce"/> into a work folder
    /// and publishes it. <paramref name="resumable"/> keeps what an interrupted earlier attempt left in the work folder
    /// (a stage that picks up where it stopped), unless forced; otherwise the work folder starts empty. Another process
    /// making the same output is waited for (up to <see cref="LockWait"/>), and its output reused.
    /// </summary>
    public StageResult GetOrRun(StageKey key, bool force, Func<string, StageProducts> produce, bool resumable = false,
        Func<string, ContentHasher, string?>? externalMismatch = null, Action<string>? onWait = null)
    {
        var final = layout.StageDirectory(key);
        var found = force ? CacheLookup.Missing : Find(key, externalMismatch);
        if (found.Stamp is { } existing) return new StageResult(existing, final, Ran: false);

        var root = layout.StageRoot(key.Stage);
        var work = Path.Combine(root, $".partial-{key.Short}");
        try
        {
            Directory.CreateDirectory(root);
            using var workLock = AcquireLock(Path.Combine(root, $".lock-{key.Short}"), key, onWait);
            // Another process may have made it while this one waited.
            if (!force && Find(key, externalMismatch).Stamp is { } made)
                return new StageResult(made, final, Ran: false);
            var stamp = RunLocked(key, root, work, final, produce, resumable, force);
            hashes.Remember(final, stamp.Outputs);
            return new StageResult(stamp, final, Ran: true, found.Damage);
        }
        catch (Exception e) when (e is not WriteFailedException && WriteFailure.IsDiskFull(e))
        {
            throw WriteFailure.In(root, $"the {key.Stage} output", e);
        }
    }

    /// <summary>
    /// Makes the output in the work folder and publishes it; the caller holds the work folder's lock throughout.
    /// </summary>
    private static Stamp RunLocked(StageKey key, string root, string work, string final,
        Func<string, StageProducts> produce, bool resumable, bool force)
    {
        try
        {
            if ((force || !resumable) && Directory.Exists(work)) Directory.Delete(work, recursive: true);
            Directory.CreateDirectory(work);
            var stamp = Produce(key, work, produce);
            Publish(root, work, final, key);
            return stamp;
        }
        catch (Exception e)
        {
            // A half-made output is never published, so never trusted; one that cannot resume is removed at once,
            // which also gives back its space when the disk filled up.
            // Said of the stage's folder, not of the work folder that is gone; a write elsewhere (a download) keeps its
            // own words.
            var inWork = e is not WriteFailedException failed
                || failed.Folder.StartsWith(work, StringComparison.Ordinal);
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
            .ToDictionary(f => f, f =>
                new OutputFile(new FileInfo(Path.Combine(work, f)).Length, Hashing.FileSha256(Path.Combine(work, f))));
        var stamp = new Stamp
        {
            Stage = key.Stage,
            Key = key.Hash,
            StageVersion = key.Version,
            CodeVersion = CodeVersion.Current,
            Config = JsonDocument.Parse(key.SectionJson).RootElement,
            Inputs = key.Inputs,
            Outputs = outputs,
            OutputHash = Stamp.HashOfOutputs(outputs),
            Facts =
                products.Facts.ToDictionary(f => f.Key, f => JsonSerializer.SerializeToElement(f.Value, Stamp.Json)),
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

    private static string Duration(TimeSpan span) => span.TotalHours >= 1 ? $"{span.TotalHours:0.#} h"
        : span.TotalMinutes >= 1 ? $"{span.TotalMinutes:0.#} min"
        : $"{span.TotalSeconds:0.#} s";

    /// <summary>
    /// An exclusive lock on a file next to the work folder (an advisory <c>flock</c> on Unix; on NFS the kernel maps it
    /// to an <c>fcntl</c> lock that lockd or NFSv4 carries to every client). The file is never deleted: deleting it on
    /// close would let two processes each lock a different file of the same name.
    /// </summary>
    private FileStream AcquireLock(string path, StageKey key, Action<string>? onWait)
    {
        var clock = Stopwatch.StartNew();
        var pause = TimeSpan.FromMilliseconds(200);
        var said = false;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException e) when (!WriteFailure.IsDiskFull(e) && clock.Elapsed < LockWait)
            {
                if (!said)
                {
                    onWait?.Invoke(
                        $"{key.Stage}: another process is making the same output ({key.Short}); waiting for it (at " +
                        $"most {Duration(LockWait)}), then using it");
                    said = true;
                }
                Thread.Sleep(pause);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 5000));
            }
            catch (IOException e) when (!WriteFailure.IsDiskFull(e))
            {
                throw new StageException(
                    $"{key.Stage}: another process has been making the same output for {Duration(LockWait)} ({path} " +
                    "is locked). " +
                                         "Check for a stuck run (a job of a sweep?), stop it, then rerun.");
            }
        }
    }
}
