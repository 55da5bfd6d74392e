using System.Buffers.Binary;
using System.Text;

namespace IdcRepro.Tests.Torch;

/// <summary>
/// Builds a minimal ELF64 little-endian image with .dynstr, .gnu.version_r and .gnu.version_d sections, and says where
/// its parts are, so tests can corrupt one field at a time.
/// Layout: header | .dynstr | .gnu.version_r | .gnu.version_d | .shstrtab | section headers.
/// </summary>
internal sealed class TinyElf
{
    public const int SectionHeaderSize = 64;
    public const int VerneedSectionIndex = 2;

    private TinyElf(byte[] bytes, int dynstr, int verneed, int verdef, int sectionHeaders)
    {
        Bytes = bytes;
        DynstrOffset = dynstr;
        VerneedOffset = verneed;
        VerdefOffset = verdef;
        SectionHeadersOffset = sectionHeaders;
    }

    public byte[] Bytes { get; }
    public int DynstrOffset { get; }
    public int VerneedOffset { get; }
    public int VerdefOffset { get; }
    public int SectionHeadersOffset { get; }

    /// <summary>
    /// The file offset of a field of section header <paramref name="index"/> (sh_offset is at 0x18, sh_size at 0x20).
    /// </summary>
    public int SectionHeaderField(int index, int field) => SectionHeadersOffset + index * SectionHeaderSize + field;

    public static TinyElf Build(IReadOnlyList<(string File, (string Version, ushort Flags)[] Versions)> needs,
        IReadOnlyList<string> definitions, bool withVersionSections = true)
    {
        var dynstr = new MemoryStream();
        dynstr.WriteByte(0);
        var names = new Dictionary<string, uint>();
        uint Name(string s)
        {
            if (names.TryGetValue(s, out var at)) return at;
            at = (uint)dynstr.Length;
            dynstr.Write(Encoding.UTF8.GetBytes(s + "\0"));
            return names[s] = at;
        }

        var verneed = new List<byte>();
        ushort versionIndex = 2;
        for (var i = 0; i < needs.Count; i++)
        {
            var (file, versions) = needs[i];
            var last = i == needs.Count - 1;
            verneed.AddRange(Record(U16(1), U16((ushort)versions.Length), U32(Name(file)), U32(16),
                U32(last ? 0u : (uint)(16 + 16 * versions.Length))));
            for (var j = 0; j < versions.Length; j++)
                verneed.AddRange(Record(U32(0), U16(versions[j].Flags), U16(versionIndex++),
                    U32(Name(versions[j].Version)), U32(j == versions.Length - 1 ? 0u : 16u)));
        }

        var verdef = new List<byte>();
        var all = new[] { "libtiny.so.1" }.Concat(definitions).ToList();
        for (var i = 0; i < all.Count; i++)
            verdef.AddRange(Record(U16(1), U16(i == 0 ? (ushort)1 : (ushort)0), U16((ushort)(i + 1)), U16(1), U32(0),
                U32(20), U32(i == all.Count - 1 ? 0u : 28u),   // Verdef,
                U32(Name(all[i])), U32(0)));                   // then its one Verdaux

        var shstrtab = Encoding.UTF8.GetBytes("\0.dynstr\0.gnu.version_r\0.gnu.version_d\0.shstrtab\0");
        var output = new List<byte>(new byte[64]);
        var dynstrAt = Append(output, dynstr.ToArray());
        var verneedAt = Append(output, verneed.ToArray());
        var verdefAt = Append(output, verdef.ToArray());
        var shstrtabAt = Append(output, shstrtab);
        while (output.Count % 8 != 0) output.Add(0);
        var headersAt = output.Count;

        var sections = new List<(uint Name, uint Type, int Offset, int Size, uint Link, uint Info)>
        {
            (0, 0, 0, 0, 0, 0),
            (1, 3, dynstrAt, (int)dynstr.Length, 0, 0),
            (9, withVersionSections ? 0x6ffffffeu : 1u, verneedAt, verneed.Count, 1, (uint)needs.Count),
            (24, withVersionSections ? 0x6ffffffdu : 1u, verdefAt, verdef.Count, 1, (uint)all.Count),
            (39, 3, shstrtabAt, shstrtab.Length, 0, 0),
        };
        foreach (var s in sections)
        {
            var header = new byte[SectionHeaderSize];
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x00), s.Name);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x04), s.Type);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(0x18), (ulong)s.Offset);
            BinaryPrimitives.WriteUInt64LittleEndian(header.AsSpan(0x20), (ulong)s.Size);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x28), s.Link);
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(0x2C), s.Info);
            output.AddRange(header);
        }

        var bytes = output.ToArray();
        bytes[0] = 0x7f; bytes[1] = (byte)'E'; bytes[2] = (byte)'L'; bytes[3] = (byte)'F';
        bytes[4] = 2; bytes[5] = 1; bytes[6] = 1; // ELF64, little-endian, EV_CURRENT
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x10), 3);                       // ET_DYN
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x12), 62);                      // EM_X86_64
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(0x14), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(0x28), (ulong)headersAt);        // e_shoff
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x34), 64);                      // e_ehsize
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3A), SectionHeaderSize);       // e_shentsize
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3C), (ushort)sections.Count);  // e_shnum
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(0x3E), 4);                       // e_shstrndx
        return new TinyElf(bytes, dynstrAt, verneedAt, verdefAt, headersAt);
    }

    private static int Append(List<byte> output, byte[] part)
    {
        while (output.Count % 8 != 0) output.Add(0);
        var at = output.Count;
        output.AddRange(part);
        return at;
    }

    private static byte[] Record(params byte[][] fields) => fields.SelectMany(f => f).ToArray();

    private static byte[] U16(ushort v)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, v);
        return b;
    }

    private static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }
}
