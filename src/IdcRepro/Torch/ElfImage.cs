using System.Buffers.Binary;
using System.Text;

namespace IdcRepro.Torch;

// Why this exists: TorchSharp 0.107's libLibTorchSharp.so asks for GLIBCXX_3.4.32 (for a marker symbol it never
// calls), which the libstdc++ of Debian 12 (this machine's: its newest is GLIBCXX_3.4.30) and Ubuntu 22.04 lack, so
// TorchSharp does not load there at all. The Elf* readers find that need and mark it weak in a cached copy
// (LibTorchSharpPatcher, TorchRuntime); see README, Backends and GPU.

/// <summary>
/// A bounds-checked view of an ELF64 little-endian image: its section headers, and reads inside one section.
/// Every offset taken from the file is checked against the file and the section before it is used.
/// </summary>
internal sealed class ElfImage
{
    public const uint StringTableType = 3;        // SHT_STRTAB
    private const int HeaderSize = 64;            // sizeof(Elf64_Ehdr)
    private const int SectionHeaderSize = 64;     // sizeof(Elf64_Shdr)
    private const uint NoBitsType = 8;            // SHT_NOBITS: occupies no file space

    private readonly byte[] _bytes;

    public ElfImage(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        _bytes = bytes;
        if (bytes.Length < HeaderSize || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L'
            || bytes[3] != (byte)'F')
            throw new ElfFormatException("not an ELF file (no \\x7fELF header)");
        if (bytes[4] != 2)
            throw new ElfFormatException($"ELF class {bytes[4]} is not supported: only ELF64 (class 2) is");
        if (bytes[5] != 1)
            throw new ElfFormatException($"ELF data encoding {bytes[5]} is not supported: only little-endian (1) is");
        Sections = ReadSectionHeaders();
    }

    public IReadOnlyList<ElfSection> Sections { get; }

    /// <summary>The first section of the given type, or null when the image has none.</summary>
    public ElfSection? FindSection(uint type)
    {
        foreach (var section in Sections)
            if (section.Type == type) return section;
        return null;
    }

    /// <summary>The string table that <paramref name="section"/>'s sh_link names.</summary>
    public ElfSection LinkedStringTable(ElfSection section)
    {
        if (section.Link == 0 || section.Link >= Sections.Count)
            throw new ElfFormatException(
                $"section {section.Index} links to section {section.Link}, which does not exist");
        var table = Sections[(int)section.Link];
        if (table.Type != StringTableType)
            throw new ElfFormatException(
                $"section {section.Index} links to section {table.Index}, which is not a string table");
        return table;
    }

    public ushort ReadUInt16(ElfSection section, long offset) =>
        BinaryPrimitives.ReadUInt16LittleEndian(Span(section, offset, 2));

    public uint ReadUInt32(ElfSection section, long offset) =>
        BinaryPrimitives.ReadUInt32LittleEndian(Span(section, offset, 4));

    /// <summary>
    /// The file offset of <paramref name="length"/> bytes at <paramref name="offset"/> inside a section, checked.
    /// </summary>
    public long FileOffset(ElfSection section, long offset, int length)
    {
        if (offset < 0 || length < 0 || offset > section.Size - length)
            throw new ElfFormatException(
                $"a read of {length} bytes at {offset} runs past section {section.Index} ({section.Size} bytes)");
        return section.Offset + offset;
    }

    /// <summary>
    /// The NUL-terminated string at <paramref name="offset"/> of a string table, which must end inside the table.
    /// </summary>
    public string ReadString(ElfSection table, uint offset)
    {
        var start = FileOffset(table, offset, 0);
        var available = _bytes.AsSpan((int)start, (int)(table.Size - offset));
        var end = available.IndexOf((byte)0);
        if (end < 0)
            throw new ElfFormatException($"the string at {offset} of section {table.Index} has no terminating NUL");
        return Encoding.UTF8.GetString(available[..end]);
    }

    private ReadOnlySpan<byte> Span(ElfSection section, long offset, int length) =>
        _bytes.AsSpan((int)FileOffset(section, offset, length), length);

    private List<ElfSection> ReadSectionHeaders()
    {
        var header = _bytes.AsSpan();
        var tableOffset = BinaryPrimitives.ReadUInt64LittleEndian(header[0x28..]);   // e_shoff
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(header[0x3A..]);     // e_shentsize
        long count = BinaryPrimitives.ReadUInt16LittleEndian(header[0x3C..]);        // e_shnum
        if (tableOffset == 0) return [];
        if (entrySize != SectionHeaderSize)
            throw new ElfFormatException($"section header size is {entrySize}, expected {SectionHeaderSize}");
        if (tableOffset > (ulong)_bytes.Length - SectionHeaderSize)
            throw new ElfFormatException(
                $"section header table at {tableOffset} lies outside the file ({_bytes.Length} bytes)");
        // extended numbering: sh_size of section 0
        if (count == 0) count = (long)BinaryPrimitives.ReadUInt64LittleEndian(header[((int)tableOffset + 0x20)..]);
        if (count > ((long)_bytes.Length - (long)tableOffset) / SectionHeaderSize)
            throw new ElfFormatException(
                $"{count} section headers at {tableOffset} do not fit in the file ({_bytes.Length} bytes)");

        var sections = new List<ElfSection>((int)count);
        for (var i = 0; i < count; i++)
        {
            var entry = header.Slice((int)tableOffset + i * SectionHeaderSize, SectionHeaderSize);
            var type = BinaryPrimitives.ReadUInt32LittleEndian(entry[0x04..]);
            var offset = BinaryPrimitives.ReadUInt64LittleEndian(entry[0x18..]);
            var size = BinaryPrimitives.ReadUInt64LittleEndian(entry[0x20..]);
            var link = BinaryPrimitives.ReadUInt32LittleEndian(entry[0x28..]);
            var info = BinaryPrimitives.ReadUInt32LittleEndian(entry[0x2C..]);
            if (type == NoBitsType || type == 0) size = 0;
            else if (offset > (ulong)_bytes.Length || size > (ulong)_bytes.Length - offset)
                throw new ElfFormatException(
                    $"section {i} ({offset}+{size} bytes) lies outside the file ({_bytes.Length} bytes)");
            sections.Add(
                new ElfSection(i, type, type == NoBitsType || type == 0 ? 0 : (long)offset, (long)size, link, info));
        }
        return sections;
    }
}

/// <summary>
/// A file is not an ELF64 little-endian image, or one of its headers points outside the file or its section.
/// </summary>
public sealed class ElfFormatException(string message) : Exception(message);

/// <summary>
/// The fields of one ELF64 section header that the version readers use; offsets are from the start of the file.
/// </summary>
internal readonly record struct ElfSection(int Index, uint Type, long Offset, long Size, uint Link, uint Info);
