namespace IdcRepro.Torch;

// Part of the libstdc++ loading fix: TorchSharp 0.107's LibTorchSharp needs GLIBCXX_3.4.32, which Debian 12 lacks
// (why and how: ElfImage.cs, TorchRuntime.cs; README, Backends and GPU).

/// <summary>
/// Reads the version definitions (<c>.gnu.version_d</c>, SHT_GNU_verdef) of an ELF64 little-endian shared library:
/// the symbol versions it provides, e.g. <c>GLIBCXX_3.4.30</c> for Debian 12's <c>libstdc++.so.6</c>.
/// </summary>
public static class ElfVersionDefinitions
{
    /// <summary>SHT_GNU_verdef.</summary>
    public const uint SectionType = 0x6ffffffd;

    private const ushort BaseFlag = 0x1;  // VER_FLG_BASE: the entry names the file itself, not a version
    private const int VerdefSize = 20;    // vd_version, vd_flags, vd_ndx, vd_cnt, vd_hash, vd_aux, vd_next

    /// <summary>The version names the image defines, in file order, without the file's own base entry.</summary>
    public static IReadOnlyList<string> Read(byte[] elf)
    {
        var image = new ElfImage(elf);
        var result = new List<string>();
        if (image.FindSection(SectionType) is not { } section) return result;
        var strings = image.LinkedStringTable(section);

        long entry = 0;
        while (true)
        {
            var structVersion = image.ReadUInt16(section, entry);
            if (structVersion != 1)
                throw new ElfFormatException(
                    $"version definition at {entry} has vd_version {structVersion}, expected 1");
            var flags = image.ReadUInt16(section, entry + 2);
            var auxCount = image.ReadUInt16(section, entry + 6);
            var aux = image.ReadUInt32(section, entry + 12);
            var next = image.ReadUInt32(section, entry + 16);
            if (auxCount > 0 && (flags & BaseFlag) == 0)
                // first Verdaux: vda_name
                result.Add(image.ReadString(strings, image.ReadUInt32(section, entry + aux)));

            if (next == 0) return result;
            if (next < VerdefSize)
                throw new ElfFormatException(
                    $"version definition at {entry} points to an overlapping next entry (+{next})");
            entry += next;
        }
    }
}
