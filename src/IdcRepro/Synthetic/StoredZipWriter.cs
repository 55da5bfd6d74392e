using System.Buffers.Binary;
using System.Text;

namespace IdcRepro.Synthetic;

/// <summary>
/// Writes a zip of stored (uncompressed) entries whose bytes depend only on the entries: a fixed timestamp, no
/// extra fields, and the same "made by" on every OS (System.IO.Compression stamps the OS it runs on).
/// Switches to Zip64 records only when a count or offset needs them.
/// </summary>
internal sealed class StoredZipWriter(Stream output)
{
    private const ushort DosDate = (2019 - 1980) << 9 | 1 << 5 | 1; // 2019-01-01
    private const ushort DosTime = 0;
    private const ushort Version = 20, Version64 = 45;
    private readonly List<(byte[] Name, uint Crc, uint Size, long Offset)> _entries = [];
    private long _position;
    private bool _finished;

    public void Add(string name, ReadOnlySpan<byte> data)
    {
        var nameBytes = Encoding.ASCII.GetBytes(name);
        var crc = System.IO.Hashing.Crc32.HashToUInt32(data);
        var header = new byte[30];
        var span = header.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, 0x04034b50);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version);
        // span[6..10]: flags 0, method 0 (stored)
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], DosTime);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], DosDate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[14..], crc);
        BinaryPrimitives.WriteUInt32LittleEndian(span[18..], (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(span[22..], (uint)data.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(span[26..], (ushort)nameBytes.Length);
        _entries.Add((nameBytes, crc, (uint)data.Length, _position));
        Write(header);
        Write(nameBytes);
        Write(data);
    }

    /// <summary>Writes the central directory: the archive is complete (and the stream flushed) after this.</summary>
    public void Finish()
    {
        if (_finished) return;
        _finished = true;
        var directoryStart = _position;
        foreach (var (name, crc, size, offset) in _entries)
        {
            var far = offset >= uint.MaxValue;
            var header = new byte[46 + (far ? 12 : 0)];
            var span = header.AsSpan();
            BinaryPrimitives.WriteUInt32LittleEndian(span, 0x02014b50);
            BinaryPrimitives.WriteUInt16LittleEndian(span[4..], far ? Version64 : Version); // made by: MS-DOS
            BinaryPrimitives.WriteUInt16LittleEndian(span[6..], far ? Version64 : Version);
            BinaryPrimitives.WriteUInt16LittleEndian(span[12..], DosTime);
            BinaryPrimitives.WriteUInt16LittleEndian(span[14..], DosDate);
            BinaryPrimitives.WriteUInt32LittleEndian(span[16..], crc);
            BinaryPrimitives.WriteUInt32LittleEndian(span[20..], size);
            BinaryPrimitives.WriteUInt32LittleEndian(span[24..], size);
            BinaryPrimitives.WriteUInt16LittleEndian(span[28..], (ushort)name.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(span[30..], (ushort)(far ? 12 : 0));
            BinaryPrimitives.WriteUInt32LittleEndian(span[42..], far ? uint.MaxValue : (uint)offset);
            if (far)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(span[46..], 0x0001); // Zip64 extra: the offset only
                BinaryPrimitives.WriteUInt16LittleEndian(span[48..], 8);
                BinaryPrimitives.WriteInt64LittleEndian(span[50..], offset);
            }
            Write(span[..46]);
            Write(name);
            Write(span[46..]);
        }
        var directorySize = _position - directoryStart;
        var zip64 = _entries.Count >= ushort.MaxValue || directoryStart >= uint.MaxValue
            || directorySize >= uint.MaxValue;
        if (zip64) WriteZip64End(directoryStart, directorySize);

        var end = new byte[22];
        var e = end.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(e, 0x06054b50);
        BinaryPrimitives.WriteUInt16LittleEndian(e[8..], (ushort)Math.Min(_entries.Count, ushort.MaxValue));
        BinaryPrimitives.WriteUInt16LittleEndian(e[10..], (ushort)Math.Min(_entries.Count, ushort.MaxValue));
        BinaryPrimitives.WriteUInt32LittleEndian(e[12..], (uint)Math.Min(directorySize, uint.MaxValue));
        BinaryPrimitives.WriteUInt32LittleEndian(e[16..], (uint)Math.Min(directoryStart, uint.MaxValue));
        Write(e);
        output.Flush();
    }

    private void WriteZip64End(long directoryStart, long directorySize)
    {
        var recordStart = _position;
        var record = new byte[56 + 20];
        var r = record.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(r, 0x06064b50);
        BinaryPrimitives.WriteInt64LittleEndian(r[4..], 44);
        BinaryPrimitives.WriteUInt16LittleEndian(r[12..], Version64);
        BinaryPrimitives.WriteUInt16LittleEndian(r[14..], Version64);
        BinaryPrimitives.WriteInt64LittleEndian(r[24..], _entries.Count);
        BinaryPrimitives.WriteInt64LittleEndian(r[32..], _entries.Count);
        BinaryPrimitives.WriteInt64LittleEndian(r[40..], directorySize);
        BinaryPrimitives.WriteInt64LittleEndian(r[48..], directoryStart);
        var locator = r[56..];
        BinaryPrimitives.WriteUInt32LittleEndian(locator, 0x07064b50);
        BinaryPrimitives.WriteInt64LittleEndian(locator[8..], recordStart);
        BinaryPrimitives.WriteUInt32LittleEndian(locator[16..], 1);
        Write(r);
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        output.Write(bytes);
        _position += bytes.Length;
    }
}
