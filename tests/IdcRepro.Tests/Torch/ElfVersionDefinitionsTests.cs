using IdcRepro.Torch;

namespace IdcRepro.Tests.Torch;

public sealed class ElfVersionDefinitionsTests
{
    [Fact]
    public void Read_lists_the_defined_versions_without_the_file_s_own_entry()
    {
        var elf = TinyElf.Build([("libc.so.6", [("GLIBC_2.2.5", 0)])], ["GLIBCXX_3.4", "GLIBCXX_3.4.30", "CXXABI_1.3"]);

        Assert.Equal(["GLIBCXX_3.4", "GLIBCXX_3.4.30", "CXXABI_1.3"], ElfVersionDefinitions.Read(elf.Bytes));
    }

    [Fact]
    public void Read_gives_nothing_for_an_image_without_version_definitions()
    {
        Assert.Empty(ElfVersionDefinitions.Read(TinyElf.Build([], ["V_1"], withVersionSections: false).Bytes));
    }

    [Fact]
    public void Read_rejects_a_definition_chain_that_leaves_the_section()
    {
        var elf = TinyElf.Build([], ["V_1", "V_2"]);
        BitConverter.TryWriteBytes(elf.Bytes.AsSpan(elf.VerdefOffset + 16), 9_000u);   // vd_next of the base entry

        Assert.Throws<ElfFormatException>(() => ElfVersionDefinitions.Read(elf.Bytes));
    }

    [Fact]
    public void The_process_s_libstdcxx_defines_the_basic_GLIBCXX_and_CXXABI_versions()
    {
        var defined = LoadedLibStdCxx.DefinedVersions(LoadedLibStdCxx.Path());

        Assert.Contains("GLIBCXX_3.4", defined);
        Assert.Contains("CXXABI_1.3", defined);
        Assert.DoesNotContain(defined, v => v.StartsWith("libstdc++", StringComparison.Ordinal));
    }
}
