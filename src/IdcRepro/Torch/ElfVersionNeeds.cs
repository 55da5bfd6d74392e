namespace IdcRepro.Torch;

// Part of the libstdc++ loading fix: TorchSharp 0.107's LibTorchSharp needs GLIBCXX_3.4.32, which Debian 12 lacks
// (why and how: ElfImage.cs, TorchRuntime.cs; README, Backends and GPU).

/// <summary>
/// Reads and patches the version needs (<c>.gnu.version_r</c>, SHT_GNU_verneed) of an ELF64 little-endian shared
/// library:
/// which symbol versions it requires from which library, e.g. <c>GLIBCXX_3.4.32</c> from <c>libstdc++.so.6</c>.
/// </summary>
public static class ElfVersionNeeds
{
    /// <summary>SHT_GNU_verneed.</summary>
    public const uint SectionType = 0x6ffffffe;

    /// <summary>VER_FLG_WEAK: the dynamic loader does not fail when the library it names lacks this version.</summary>
    public const ushort WeakFlag = 0x2;

    private const int VerneedSize = 16;   // vn_version, vn_cnt, vn_file, vn_aux, vn_next
    private const int FlagsOffsetInVernaux = 4;

    /// <summary>
    /// Every (library file, version, flags) the image needs, in file order; empty when it has no version needs.
    /// </summary>
    public static IReadOnlyList<(string File, string Version, ushort Flags)> Read(byte[] elf) =>
        Walk(new ElfImage(elf)).Select(n => (n.File, n.Version, n.Flags)).ToList();

    /// <summary>
    /// A copy of <paramref name="elf"/> in which every need of <paramref name="version"/> carries VER_FLG_WEAK;
    /// nothing else changes. The input array is not modified.
    /// </summary>
    /// <exception cref="ArgumentException">The image does not need <paramref name="version"/>.</exception>
    public static byte[] MarkWeak(byte[] elf, string version)
    {
        ArgumentException.ThrowIfNullOrEmpty(version);
        var needs = Walk(new ElfImage(elf));
        var matches = needs.Where(n => n.Version == version).ToList();
        if (matches.Count == 0)
            throw new ArgumentException(
                $"the ELF image needs no symbol version '{version}' (it " +
                $"needs: {string.Join(", ", needs.Select(n => n.Version).Distinct())})",
                nameof(version));

        var patched = (byte[])elf.Clone();
        foreach (var need in matches)
        {
            var flags = (ushort)(need.Flags | WeakFlag);
            patched[need.FlagsFileOffset] = (byte)flags;
            patched[need.FlagsFileOffset + 1] = (byte)(flags >> 8);
        }
        return patched;
    }

    private static List<(string File, string Version, ushort Flags, long FlagsFileOffset)> Walk(ElfImage image)
    {
        var result = new List<(string, string, ushort, long)>();
        if (image.FindSection(SectionType) is not { } section) return result;
        var strings = image.LinkedStringTable(section);

        long entry = 0;
        while (true)
        {
            var structVersion = image.ReadUInt16(section, entry);
            if (structVersion != 1)
                throw new ElfFormatException($"version need at {entry} has vn_version {structVersion}, expected 1");
            var auxCount = image.ReadUInt16(section, entry + 2);
            var file = image.ReadString(strings, image.ReadUInt32(section, entry + 4));
            var aux = entry + image.ReadUInt32(section, entry + 8);
            var next = image.ReadUInt32(section, entry + 12);

            for (var i = 0; i < auxCount; i++)
            {
                var flagsAt = image.FileOffset(section, aux + FlagsOffsetInVernaux, 2);
                var flags = image.ReadUInt16(section, aux + FlagsOffsetInVernaux);
                var name = image.ReadString(strings, image.ReadUInt32(section, aux + 8));
                result.Add((file, name, flags, flagsAt));
                var auxNext = image.ReadUInt32(section, aux + 12);
                if (auxNext == 0 && i < auxCount - 1)
                    throw new ElfFormatException(
                        $"version need for {file} announces {auxCount} entries but its chain ends after {i + 1}");
                aux += auxNext;
            }

            if (next == 0) return result;
            if (next < VerneedSize)
                throw new ElfFormatException($"version need at {entry} points to an overlapping next entry (+{next})");
            entry += next;
        }
    }
}
