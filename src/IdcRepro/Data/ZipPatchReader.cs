using System.Buffers.Binary;
using System.IO.Compression;
using IdcRepro.Data.Zip;
using IdcRepro.Pipeline;
using Microsoft.Win32.SafeHandles;

namespace IdcRepro.Data;

/// <summary>
/// Reads patches straight out of a zip, never extracting it. The central directory is read once into a shared
/// name table; each read is a pair of positional reads on one file handle, so any number of threads can read at
/// once with no locks and no per-thread archive. Stored and deflated entries are supported.
/// </summary>
public sealed class ZipPatchReader : IPatchReader
{
    private const uint LocalHeaderSignature = 0x04034b50;
    private const int LocalHeaderLength = 30;

    private readonly SafeFileHandle handle;
    private readonly Dictionary<string, ZipEntryLocation> entries;

    private ZipPatchReader(string zipPath, SafeFileHandle handle, Dictionary<string, ZipEntryLocation> entries)
    {
        ZipPath = zipPath;
        this.handle = handle;
        this.entries = entries;
    }

    /// <summary>The zip's full path.</summary>
    public string ZipPath { get; }

    /// <summary>How many entries (files and folders) the zip holds.</summary>
    public int EntryCount => entries.Count;

    public static ZipPatchReader Open(string zipPath)
    {
        var full = Path.GetFullPath(zipPath);
        if (!File.Exists(full))
            throw new StageException($"Dataset zip '{full}' does not exist. Check data.path, or rerun the fetch stage.");
        Dictionary<string, ZipEntryLocation> entries;
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            entries = ZipCentralDirectory.Read(stream);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new StageException($"Dataset zip '{full}' cannot be read: {e.Message}. Fetch it again.");
        }
        return new ZipPatchReader(full, File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.None), entries);
    }

    public byte[] ReadAllBytes(string path)
    {
        if (!entries.TryGetValue(path, out var entry))
            throw new StageException($"Dataset zip '{ZipPath}' has no entry '{path}'. The index is out of date with the data: rerun the index stage.");
        Span<byte> header = stackalloc byte[LocalHeaderLength];
        if (RandomAccess.Read(handle, header, entry.LocalHeaderOffset) != LocalHeaderLength
            || BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalHeaderSignature)
            throw Damaged(path, "its local header is missing");
        var dataOffset = entry.LocalHeaderOffset + LocalHeaderLength
            + BinaryPrimitives.ReadUInt16LittleEndian(header[26..]) + BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
        var stored = new byte[entry.CompressedSize];
        if (RandomAccess.Read(handle, stored, dataOffset) != stored.Length) throw Damaged(path, "its data is cut short");
        return entry.Method switch
        {
            0 when entry.CompressedSize == entry.UncompressedSize => stored,
            8 => Inflate(path, stored, entry.UncompressedSize),
            _ => throw Damaged(path, $"compression method {entry.Method} is not supported (only stored and deflate)"),
        };
    }

    private byte[] Inflate(string path, byte[] compressed, long length)
    {
        var bytes = new byte[length];
        try
        {
            using var inflater = new DeflateStream(new MemoryStream(compressed), CompressionMode.Decompress);
            inflater.ReadExactly(bytes);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw Damaged(path, $"its deflate data is bad ({e.Message})");
        }
        return bytes;
    }

    /// <summary>An unreadable entry: an <see cref="InvalidDataException"/>, which Preprocess treats like a corrupt PNG.</summary>
    private InvalidDataException Damaged(string path, string why) => new($"zip '{ZipPath}' entry '{path}' is damaged: {why}");

    public void Dispose() => handle.Dispose();
}
