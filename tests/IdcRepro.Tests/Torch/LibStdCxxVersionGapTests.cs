using IdcRepro.Torch;

namespace IdcRepro.Tests.Torch;

public sealed class LibStdCxxVersionGapTests
{
    [Fact]
    public void Missing_lists_the_strong_libstdcxx_needs_the_system_lacks()
    {
        (string, string, ushort)[] needs =
        [
            ("libstdc++.so.6", "GLIBCXX_3.4.30", 0),
            ("libstdc++.so.6", "GLIBCXX_3.4.32", 0),
            ("libstdc++.so.6", "GLIBCXX_3.4.33", ElfVersionNeeds.WeakFlag),   // already weak: the loader tolerates it
            ("libstdc++.so.6", "CXXABI_1.3.15", 0),
            ("libc.so.6", "GLIBC_2.99", 0),                                  // not libstdc++'s business
        ];

        var missing = LibStdCxxVersionGap.Missing(needs, ["GLIBCXX_3.4", "GLIBCXX_3.4.30", "CXXABI_1.3"]);

        Assert.Equal(["GLIBCXX_3.4.32", "CXXABI_1.3.15"], missing);
    }

    [Fact]
    public void Missing_is_empty_where_the_system_defines_everything()
    {
        Assert.Empty(LibStdCxxVersionGap.Missing([("libstdc++.so.6", "GLIBCXX_3.4.32", 0)],
            ["GLIBCXX_3.4.32", "GLIBCXX_3.4.33"]));
    }

    [Theory]
    [InlineData("GLIBCXX_3.4.32", true)]
    [InlineData("CXXABI_1.3.15", false)]
    [InlineData("GLIBC_2.38", false)]
    public void Only_GLIBCXX_versions_may_be_weakened(string version, bool expected)
    {
        Assert.Equal(expected, LibStdCxxVersionGap.CanWeaken(version));
    }
}
