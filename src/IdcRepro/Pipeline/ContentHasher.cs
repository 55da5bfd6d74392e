using System.Collections.Concurrent;

namespace IdcRepro.Pipeline;

/// <summary>
/// Content hashes of files and folders with the <see cref="HashState"/> fast path: what keys and output checks use,
/// so that an unchanged 1.6 GB archive or a folder of 277,524 patches costs a stat pass, not a read, while any change
/// of any byte is seen. One per run of the pipeline; <see cref="Save"/> keeps what it learnt for the next process.
/// </summary>
public sealed class ContentHasher(string stateFolder)
{
    private readonly ConcurrentDictionary<string, HashState> _states = new(StringComparer.Ordinal);

    /// <summary>The SHA-256 of a file's content, or null when it does not exist.</summary>
    public string? File(string path, IProgress<long>? progress = null)
    {
        var full = Path.GetFullPath(path);
        return State(Path.GetDirectoryName(full)!).Sha256(Path.GetFileName(full), progress);
    }

    /// <summary>
    /// The hash of a folder's content: every file's relative path ('/'-separated) and SHA-256, in ordinal path order.
    /// Files whose stat changed are read in parallel; <paramref name="progress"/> counts files checked.
    /// </summary>
    public string Folder(string folder, IProgress<int>? progress = null)
    {
        var root = Path.GetFullPath(folder);
        var state = State(root);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var hashes = new string[files.Length];
        var done = 0;
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            hashes[i] = state.Sha256(files[i])
                ?? throw new IOException($"{Path.Combine(root, files[i])} disappeared while {root} was hashed");
            var n = Interlocked.Increment(ref done);
            if (n % 1024 == 0) progress?.Report(n);
        });
        progress?.Report(files.Length);
        state.KeepOnly(files.ToHashSet(StringComparer.Ordinal));
        return Hashing.Sha256Hex(string.Join("\n", files.Select((f, i) => $"{f}\t{hashes[i]}")));
    }

    /// <summary>
    /// Whether every file would be answered from memory (nothing to read): lets callers skip a progress bar.
    /// </summary>
    public bool Remembers(string folder, IEnumerable<string> relativePaths)
    {
        var state = State(Path.GetFullPath(folder));
        return relativePaths.All(state.Remembers);
    }

    /// <summary>
    /// Checks a stage folder's files against the sizes and hashes its stamp records; null when all match, else what is
    /// wrong with the first that does not (missing, other size, other content).
    /// </summary>
    public string? Mismatch(string folder, IReadOnlyDictionary<string, OutputFile> outputs)
    {
        var state = State(Path.GetFullPath(folder));
        foreach (var (name, expected) in outputs.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, name);
            if (FileStat.Of(path) is not { } stat) return $"{name} is missing";
            if (stat.Size != expected.Bytes) return $"{name} has {stat.Size:N0} bytes, its stamp {expected.Bytes:N0}";
            if (state.Sha256(name) != expected.Sha256) return $"{name}'s content differs from its stamp (SHA-256)";
        }
        return null;
    }

    /// <summary>Remembers the hashes of files just written and hashed (a freshly published stage folder).</summary>
    public void Remember(string folder, IReadOnlyDictionary<string, OutputFile> outputs)
    {
        var state = State(Path.GetFullPath(folder));
        foreach (var (name, file) in outputs) state.Remember(name, file.Sha256);
    }

    /// <summary>Writes every state that learnt something.</summary>
    public void Save()
    {
        foreach (var state in _states.Values) state.Save();
    }

    private HashState State(string root) => _states.GetOrAdd(root, r => HashState.Open(stateFolder, r));
}
