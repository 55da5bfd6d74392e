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
        Directory.CreateDirectory(root);
        var work = Path.Combine(root, $".partial-{key.Short}");
        using var workLock = AcquireLock(work + ".lock", key);
        if (!resumable && Directory.Exists(work)) Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);

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
        AtomicFile.WriteAllText(Path.Combine(work, Stamp.FileName), JsonSerializer.Serialize(stamp, Stamp.Json));

        if (Directory.Exists(final))
        {
            var retired = Path.Combine(root, $".retired-{key.Short}-{Guid.NewGuid():N}");
            Directory.Move(final, retired);
            Directory.Delete(retired, recursive: true);
        }
        Directory.Move(work, final);
        return new StageResult(stamp, final, Ran: true);
    }

    private static FileStream AcquireLock(string path, StageKey key)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            throw new StageException($"{key.Stage}: another run is making the same output right now ({path}). Wait for it to finish, then rerun.");
        }
    }
}
