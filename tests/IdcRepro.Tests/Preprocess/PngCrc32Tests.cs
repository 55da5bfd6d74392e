using IdcRepro.Preprocess;

namespace IdcRepro.Tests.Preprocess;

public sealed class PngCrc32Tests
{
    [Theory]
    [InlineData("", 0x00000000u)]
    [InlineData("a", 0xE8B7BE43u)]
    [InlineData("123456789", 0xCBF43926u)]
    [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
    public void Matches_the_standard_check_values(string text, uint expected)
    {
        Assert.Equal(expected, PngCrc32.Compute(System.Text.Encoding.ASCII.GetBytes(text)));
    }
}
