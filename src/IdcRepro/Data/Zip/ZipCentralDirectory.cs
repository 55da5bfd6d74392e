using System.Buffers.Binary;
using System.Text;

namespace IdcRepro.Data.Zip;

/// <summary>
/// Reads a zip's central directory (zip64 included) into a name -> location table, so entries can be read with
/// positional reads from any thread. Names are taken as UTF-8, as <see cref="System.IO.Compression.ZipArchive"/> does.
/// Errors are <see cref="InvalidDataException"/>s; the caller adds the file's name. Only <see cref="ZipPatchReader"/>
/// uses it, for lock-free parallel reads (its header says what that measured); checking and listing an archive go
/// through ZipArchive.
/// </summary>
public static class ZipCentralDirectory
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint EntrySignature = 0x02014b50;
    private const int EndLength = 22;
    private const int EntryFixedLength = 46;

    public static Dictionary<string, ZipEntryLocation> Read(Stream zip)
    {
        var (count, offset) = FindDirectory(zip);
        zip.Position = offset;
        var entries = new Dictionary<string, ZipEntryLocation>((int)Math.Min(count, 1 << 20), StringComparer.Ordinal);
        Span<byte> fixedPart = stackalloc byte[EntryFixedLength];
        var variable = new byte[3 * ushort.MaxValue];
        for (long i = 0; i < count; i++)
        {
            zip.ReadExactly(fixedPart);
            if (BinaryPrimitives.ReadUInt32LittleEndian(fixedPart) != EntrySignature)
                throw new InvalidDataException($"central directory entry {i} has a bad signature");
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[8..]);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[10..]);
            var crc32 = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[16..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[20..]);
            long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(fixedPart[32..]);
            long localOffset = BinaryPrimitives.ReadUInt32LittleEndian(fixedPart[42..]);
            var rest = variable.AsSpan(0, nameLength + extraLength + commentLength);
            zip.ReadExactly(rest);
            var name = Encoding.UTF8.GetString(rest[..nameLength]);
            if ((flags & 1) != 0) throw new InvalidDataException($"entry '{name}' is encrypted");
            ApplyZip64(rest.Slice(nameLength, extraLength), ref uncompressed, ref compressed, ref localOffset);
            entries.TryAdd(name, new ZipEntryLocation(localOffset, compressed, uncompressed, method, crc32));
        }
        return entries;
    }

    private static (long Count, long Offset) FindDirectory(Stream zip)
    {
        var tailLength = (int)Math.Min(zip.Length, EndLength + ushort.MaxValue);
        var tail = new byte[tailLength];
        zip.Position = zip.Length - tailLength;
        zip.ReadExactly(tail);
        for (var at = tailLength - EndLength; at >= 0; at--)
        {
            var end = tail.AsSpan(at);
            if (BinaryPrimitives.ReadUInt32LittleEndian(end) != EndSignature) continue;
            if (at + EndLength + BinaryPrimitives.ReadUInt16LittleEndian(end[20..]) != tailLength) continue;
            long count = BinaryPrimitives.ReadUInt16LittleEndian(end[10..]);
            long offset = BinaryPrimitives.ReadUInt32LittleEndian(end[16..]);
            var endPosition = zip.Length - tailLength + at;
            return TryReadZip64(zip, endPosition) ?? (count, offset);
        }
        throw new InvalidDataException("no end-of-central-directory record: not a zip archive, or cut short");
    }

    private static (long Count, long Offset)? TryReadZip64(Stream zip, long endPosition)
    {
        if (endPosition < 20) return null;
        Span<byte> locator = stackalloc byte[20];
        zip.Position = endPosition - 20;
        zip.ReadExactly(locator);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature) return null;
        Span<byte> end64 = stackalloc byte[56];
        zip.Position = (long)BinaryPrimitives.ReadUInt64LittleEndian(locator[8..]);
        zip.ReadExactly(end64);
        if (BinaryPrimitives.ReadUInt32LittleEndian(end64) != Zip64EndSignature)
            throw new InvalidDataException("the zip64 end-of-central-directory record is missing");
        return ((long)BinaryPrimitives.ReadUInt64LittleEndian(end64[32..]),
            (long)BinaryPrimitives.ReadUInt64LittleEndian(end64[48..]));
    }

    /// <summary>
    /// Takes the 64-bit sizes and offset from the zip64 extra field for those the fixed part marks 0xFFFFFFFF.
    /// </summary>
    private static void ApplyZip64(ReadOnlySpan<byte> extra, ref long uncompressed, ref long compressed,
        ref long localOffset)
    {
        const long marker = uint.MaxValue;
        if (uncompressed != marker && compressed != marker && localOffset != marker) return;
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var size = Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]), extra.Length - 4);
            var data = extra.Slice(4, size);
            extra = extra[(4 + size)..];
            if (id != 1) continue;
            if (uncompressed == marker && data.Length >= 8)
            {
                uncompressed = (long)BinaryPrimitives.ReadUInt64LittleEndian(data);
                data = data[8..];
            }
            if (compressed == marker && data.Length >= 8)
            {
                compressed = (long)BinaryPrimitives.ReadUInt64LittleEndian(data);
                data = data[8..];
            }
            if (localOffset == marker && data.Length >= 8)
                localOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(data);
            return;
        }
    }
}
