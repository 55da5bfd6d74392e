using IdcRepro.Torch;

namespace IdcRepro.Tests.Torch;

public sealed class ElfVersionNeedsTests
{
    private static TinyElf Sample() => TinyElf.Build(
        [
            ("libc.so.6", [("GLIBC_2.2.5", 0), ("GLIBC_2.34", 0)]),
            ("libstdc++.so.6",
                [("GLIBCXX_3.4.30", 0), ("GLIBCXX_3.4.32", 0), ("CXXABI_1.3", ElfVersionNeeds.WeakFlag)]),
        ],
        ["V_1"]);

    [Fact]
    public void Read_lists_every_need_in_file_order_with_its_flags()
    {
        Assert.Equal(
            [
                ("libc.so.6", "GLIBC_2.2.5", (ushort)0), ("libc.so.6", "GLIBC_2.34", (ushort)0),
                ("libstdc++.so.6", "GLIBCXX_3.4.30", (ushort)0), ("libstdc++.so.6", "GLIBCXX_3.4.32", (ushort)0),
                ("libstdc++.so.6", "CXXABI_1.3", ElfVersionNeeds.WeakFlag),
            ],
            ElfVersionNeeds.Read(Sample().Bytes));
    }

    [Fact]
    public void Read_gives_nothing_for_an_image_without_version_needs()
    {
        Assert.Empty(ElfVersionNeeds.Read(
            TinyElf.Build([("libc.so.6", [("GLIBC_2.2.5", 0)])], [], withVersionSections: false).Bytes));
    }

    [Fact]
    public void Read_finds_GLIBCXX_3_4_32_in_the_shipped_LibTorchSharp()
    {
        var needs = ElfVersionNeeds.Read(ShippedLibTorchSharp.Bytes());

        Assert.Contains(("libstdc++.so.6", "GLIBCXX_3.4.32", (ushort)0), needs);
        Assert.Contains(("libc.so.6", "GLIBC_2.2.5", (ushort)0), needs);
        Assert.Equal(20, needs.Count(n => n.File == "libstdc++.so.6")); // as `readelf -V` lists for TorchSharp 0.107.0
        Assert.Equal(28, needs.Count);
    }

    [Fact]
    public void MarkWeak_sets_only_the_weak_flag_of_that_version_in_the_shipped_LibTorchSharp()
    {
        var original = ShippedLibTorchSharp.Bytes();
        var untouched = (byte[])original.Clone();

        var patched = ElfVersionNeeds.MarkWeak(original, "GLIBCXX_3.4.32");

        Assert.Equal(untouched, original);                                    // the input array is not modified
        Assert.Equal(original.Length, patched.Length);
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        var at = Assert.Single(differing);                                    // one byte: the low byte of vna_flags
        Assert.Equal(0, original[at]);
        Assert.Equal(ElfVersionNeeds.WeakFlag, patched[at]);

        var before = ElfVersionNeeds.Read(original);
        var after = ElfVersionNeeds.Read(patched);
        Assert.Equal(before.Select(n => n.Version == "GLIBCXX_3.4.32"
            ? n with { Flags = ElfVersionNeeds.WeakFlag } : n), after);
    }

    [Fact]
    public void MarkWeak_keeps_flags_already_set_and_touches_no_other_entry()
    {
        var elf = Sample().Bytes;

        var patched = ElfVersionNeeds.MarkWeak(ElfVersionNeeds.MarkWeak(elf, "CXXABI_1.3"), "GLIBC_2.34");

        Assert.Equal(
            [
                ("libc.so.6", "GLIBC_2.2.5", (ushort)0), ("libc.so.6", "GLIBC_2.34", ElfVersionNeeds.WeakFlag),
                ("libstdc++.so.6", "GLIBCXX_3.4.30", (ushort)0), ("libstdc++.so.6", "GLIBCXX_3.4.32", (ushort)0),
                ("libstdc++.so.6", "CXXABI_1.3", ElfVersionNeeds.WeakFlag),
            ],
            ElfVersionNeeds.Read(patched));
    }

    [Fact]
    public void MarkWeak_of_a_version_that_is_not_needed_says_so()
    {
        var e = Assert.Throws<ArgumentException>(() => ElfVersionNeeds.MarkWeak(Sample().Bytes, "GLIBCXX_9.9"));

        Assert.Contains("'GLIBCXX_9.9'", e.Message);
        Assert.Contains("GLIBCXX_3.4.32", e.Message);   // and lists what is needed
    }

    [Theory]
    [InlineData("not elf")]
    [InlineData("32-bit")]
    [InlineData("big-endian")]
    [InlineData("truncated header")]
    [InlineData("section headers past the end")]
    [InlineData("section past the end")]
    [InlineData("section size overflows")]
    [InlineData("file name past the string table")]
    [InlineData("aux past the section")]
    [InlineData("next past the section")]
    [InlineData("aux chain ends early")]
    [InlineData("string table link to nowhere")]
    [InlineData("string without terminator")]
    [InlineData("truncated file")]
    public void Corrupt_images_are_rejected_with_a_format_error(string corruption)
    {
        var elf = Sample();
        var bytes = Corrupt(elf, corruption);

        Assert.Throws<ElfFormatException>(() => ElfVersionNeeds.Read(bytes));
        Assert.Throws<ElfFormatException>(() => ElfVersionNeeds.MarkWeak(bytes, "GLIBCXX_3.4.32"));
    }

    private static byte[] Corrupt(TinyElf elf, string corruption)
    {
        var b = elf.Bytes;
        var verneed = elf.SectionHeaderField(TinyElf.VerneedSectionIndex, 0);
        switch (corruption)
        {
            case "not elf": b[1] = (byte)'X'; break;
            case "32-bit": b[4] = 1; break;
            case "big-endian": b[5] = 2; break;
            case "truncated header": return b[..40];
            case "section headers past the end":
                BitConverter.TryWriteBytes(b.AsSpan(0x28), (ulong)b.Length - 10); break;
            case "section past the end":
                BitConverter.TryWriteBytes(b.AsSpan(verneed + 0x18), (ulong)b.Length - 8); break;
            case "section size overflows":
                BitConverter.TryWriteBytes(b.AsSpan(verneed + 0x20), ulong.MaxValue - 4); break;
            case "file name past the string table":
                BitConverter.TryWriteBytes(b.AsSpan(elf.VerneedOffset + 4), 100_000u); break;
            case "aux past the section": BitConverter.TryWriteBytes(b.AsSpan(elf.VerneedOffset + 8), 4_000u); break;
            case "next past the section": BitConverter.TryWriteBytes(b.AsSpan(elf.VerneedOffset + 12), 4_000u); break;
            case "aux chain ends early": BitConverter.TryWriteBytes(b.AsSpan(elf.VerneedOffset + 16 + 12), 0u); break;
            case "string table link to nowhere": BitConverter.TryWriteBytes(b.AsSpan(verneed + 0x28), 77u); break;
            case "string without terminator":
                b.AsSpan(elf.DynstrOffset, elf.VerneedOffset - elf.DynstrOffset).Fill((byte)'x'); break;
            case "truncated file": return b[..(elf.SectionHeadersOffset + 3 * TinyElf.SectionHeaderSize)];
            default: throw new ArgumentOutOfRangeException(nameof(corruption));
        }
        return b;
    }
}
