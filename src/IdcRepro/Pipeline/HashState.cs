using System.Collections.Concurrent;
using System.Text;

namespace IdcRepro.Pipeline;

/// <summary>
/// The SHA-256 of the files under one folder, remembered with each file's <see cref="FileStat"/> (DVC's state file,
/// as a TSV under <c>artifacts/state/</c>): while a file's stat is unchanged its remembered hash is its hash, and the
/// check costs one <c>statx</c>; any write changes the stat (the change time cannot be set back), and the file is read
/// again. A file that changes while it is read is not remembered. Safe for parallel use within a process; between
/// processes the last <see cref="Save"/> wins, which loses at most some remembered hashes, never correctness.
/// </summary>
public sealed class HashState
{
    private const string Header = "# idc hash state 1: path, device, inode, size, mtime ns, ctime ns, sha256";

    private readonly string _stateFile;
    private readonly ConcurrentDictionary<string, (FileStat Stat, string Sha256)> _entries;
    private volatile bool _dirty;

    private HashState(string root, string stateFile, ConcurrentDictionary<string, (FileStat, string)> entries)
    {
        Root = root;
        _stateFile = stateFile;
        _entries = entries;
    }

    /// <summary>The folder whose files this state remembers (paths are relative to it).</summary>
    public string Root { get; }

    /// <summary>
    /// The state of <paramref name="root"/>, kept in <paramref name="stateFolder"/>; empty when none was saved or it is
    /// unreadable.
    /// </summary>
    public static HashState Open(string stateFolder, string root)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var stateFile = Path.Combine(stateFolder, Hashing.Sha256Hex(root)[..16] + ".tsv");
        return new HashState(root, stateFile, Read(stateFile));
    }

    /// <summary>
    /// The SHA-256 of <paramref name="relativePath"/>, from memory when its stat is unchanged; null when there is no
    /// such file.
    /// </summary>
    public string? Sha256(string relativePath, IProgress<long>? progress = null)
    {
        var path = Path.Combine(Root, relativePath);
        if (FileStat.Of(path) is not { } before) return null;
        if (_entries.TryGetValue(relativePath, out var known) && known.Stat == before) return known.Sha256;

        var sha = Hashing.FileSha256(path, progress);
        if (FileStat.Of(path) == before && Rememberable(relativePath))
        {
            _entries[relativePath] = (before, sha);
            _dirty = true;
        }
        return sha;
    }

    /// <summary>
    /// Remembers a hash the caller computed of a file nobody has written since (its stat now is what is remembered).
    /// </summary>
    public void Remember(string relativePath, string sha256)
    {
        if (FileStat.Of(Path.Combine(Root, relativePath)) is not { } stat || !Rememberable(relativePath)) return;
        _entries[relativePath] = (stat, sha256);
        _dirty = true;
    }

    /// <summary>Whether the file's hash would come from memory (its stat is the remembered one).</summary>
    public bool Remembers(string relativePath) =>
        _entries.TryGetValue(relativePath, out var known)
            && FileStat.Of(Path.Combine(Root, relativePath)) == known.Stat;

    /// <summary>Forgets files no longer in <paramref name="present"/> (a folder's files after a listing).</summary>
    public void KeepOnly(IReadOnlySet<string> present)
    {
        foreach (var stale in _entries.Keys.Where(k => !present.Contains(k)).ToList())
        {
            _entries.TryRemove(stale, out _);
            _dirty = true;
        }
    }

    /// <summary>
    /// Writes the state when it changed (atomically). A state that cannot be written is only a lost shortcut.
    /// </summary>
    public void Save()
    {
        if (!_dirty) return;
        try
        {
            var text = new StringBuilder(Header).Append('\n');
            foreach (var (path, (stat, sha)) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                text.Append(path).Append('\t').Append(stat.ToString()).Append('\t').Append(sha).Append('\n');
            AtomicFile.WriteAllText(_stateFile, text.ToString());
            _dirty = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Next time the files are read again; nothing is trusted that was not checked.
        }
    }

    private static bool Rememberable(string relativePath) => relativePath.IndexOfAny(['\t', '\n', '\r']) < 0;

    private static ConcurrentDictionary<string, (FileStat, string)> Read(string stateFile)
    {
        var entries = new ConcurrentDictionary<string, (FileStat, string)>(StringComparer.Ordinal);
        string[] lines;
        try
        {
            if (!File.Exists(stateFile)) return entries;
            lines = File.ReadAllLines(stateFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return entries;
        }
        if (lines.Length == 0 || lines[0] != Header) return entries;
        foreach (var line in lines.AsSpan(1))
        {
            var fields = line.Split('\t');
            if (fields.Length == 7 && FileStat.TryParse(fields.AsSpan(1, 5), out var stat) && fields[6].Length == 64)
                entries[fields[0]] = (stat, fields[6]);
        }
        return entries;
    }
}
