using Microsoft.Win32.SafeHandles;

namespace IdcRepro.Data.Npy;

/// <summary>
/// Writes a large .npy array item by item without holding it: the file is sized up front and each item goes to
/// its own offset (header + index * item bytes) with a positional write, so any number of threads can write
/// distinct items at once and the result never depends on their order.
/// </summary>
public sealed class NpyArrayWriter : IDisposable
{
    private readonly SafeFileHandle _handle;
    private readonly int _dataOffset;

    private NpyArrayWriter(string path, SafeFileHandle handle, NpyHeader header, int dataOffset)
    {
        Path = path;
        _handle = handle;
        Header = header;
        _dataOffset = dataOffset;
    }

    public string Path { get; }

    /// <summary>The header as it stands (its count changes after <see cref="Compact"/>).</summary>
    public NpyHeader Header { get; private set; }

    /// <summary>
    /// Creates (or replaces) <paramref name="path"/> for an array of this header; unwritten items read as zeros.
    /// </summary>
    public static NpyArrayWriter Create(string path, NpyHeader header)
    {
        var handle = File.OpenHandle(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read);
        var encoded = header.Encode();
        RandomAccess.Write(handle, encoded, 0);
        RandomAccess.SetLength(handle, encoded.Length + header.DataBytes);
        return new NpyArrayWriter(path, handle, header, encoded.Length);
    }

    /// <summary>
    /// Writes consecutive items starting at <paramref name="firstIndex"/>; <paramref name="items"/> is a whole number
    /// of items.
    /// </summary>
    public void Write(long firstIndex, ReadOnlySpan<byte> items)
    {
        var count = items.Length / Header.ItemBytes;
        if (items.Length % Header.ItemBytes != 0 || firstIndex < 0 || firstIndex + count > Header.Count)
            throw new ArgumentOutOfRangeException(nameof(firstIndex),
                $"{items.Length} bytes at item {firstIndex} do not fit {Header} in '{Path}'");
        RandomAccess.Write(_handle, items, _dataOffset + firstIndex * Header.ItemBytes);
    }

    /// <summary>
    /// Keeps only the items at <paramref name="keep"/> (ascending indices), moved down in that order; the file is cut
    /// to the new length and its header rewritten with the new count. Runs of consecutive items move in large blocks.
    /// </summary>
    public void Compact(IReadOnlyList<int> keep)
    {
        var itemBytes = Header.ItemBytes;
        var buffer = new byte[checked((int)Math.Max(itemBytes, (1 << 20) / itemBytes * itemBytes))];
        for (var target = 0; target < keep.Count;)
        {
            var source = keep[target];
            if (source < target || source >= Header.Count || (target > 0 && source <= keep[target - 1]))
                throw new ArgumentException($"indices to keep must be ascending and within 0..{Header.Count - 1}",
                    nameof(keep));
            var run = 1;
            while (target + run < keep.Count && keep[target + run] == source + run) run++;
            if (source != target) Move(source, target, run, buffer);
            target += run;
        }
        var compacted = Header.WithCount(keep.Count);
        var encoded = compacted.Encode();
        if (encoded.Length != _dataOffset)
            throw new InvalidOperationException("the .npy header changed length on compaction");
        RandomAccess.SetLength(_handle, _dataOffset + compacted.DataBytes);
        RandomAccess.Write(_handle, encoded, 0);
        Header = compacted;
    }

    /// <summary>
    /// Moves items [source, source+count) down to [target, ...), block by block from the front: safe as target &lt;
    /// source.
    /// </summary>
    private void Move(long source, long target, long count, byte[] buffer)
    {
        var itemBytes = Header.ItemBytes;
        for (long done = 0; done < count;)
        {
            var items = Math.Min(count - done, buffer.Length / itemBytes);
            var block = buffer.AsSpan(0, (int)(items * itemBytes));
            RandomAccess.Read(_handle, block, _dataOffset + (source + done) * itemBytes);
            RandomAccess.Write(_handle, block, _dataOffset + (target + done) * itemBytes);
            done += items;
        }
    }

    public void Dispose() => _handle.Dispose();
}
