using IdcRepro.Config;
using IdcRepro.Preprocess;
using IdcRepro.Tests.Data;

namespace IdcRepro.Tests.Preprocess;

public sealed class PatchDecoderTests
{
    private static readonly PreprocessConfig Bilinear = new();

    private static byte[] Decode(byte[] png, PreprocessConfig config, out ImageSize original)
    {
        var pixels = new byte[PatchDecoder.PatchBytes(config)];
        original = PatchDecoder.Decode(png, config, pixels);
        return pixels;
    }

    [Fact]
    public void A_full_size_patch_is_copied_as_it_is()
    {
        var expected = TestPngs.Pixels(50, 50, seed: 1);

        var pixels = Decode(TestPngs.Rgb(50, 50, expected), Bilinear, out var original);

        Assert.Equal(expected, pixels);
        Assert.Equal(new ImageSize(50, 50), original);
    }

    [Theory]
    [InlineData(ResizeMode.Bilinear)]
    [InlineData(ResizeMode.Bicubic)]
    [InlineData(ResizeMode.Nearest)]
    public void An_odd_sized_patch_is_resampled_to_the_full_size(ResizeMode mode)
    {
        var pixels = Decode(TestPngs.Solid(50, 42, 200, 100, 50),
            new PreprocessConfig { Resize = mode }, out var original);

        Assert.Equal(new ImageSize(50, 42), original);
        Assert.Equal(50 * 50 * 3, pixels.Length);
        Assert.All(pixels.Chunk(3), p => Assert.Equal([200, 100, 50], p));
    }

    [Fact]
    public void Nearest_resampling_only_repeats_rows_of_the_original()
    {
        var source = TestPngs.Pixels(50, 42, seed: 2);

        var pixels = Decode(TestPngs.Rgb(50, 42, source), new PreprocessConfig { Resize = ResizeMode.Nearest }, out _);

        var sourceRows = source.Chunk(150).Select(Convert.ToHexString).ToHashSet();
        Assert.All(pixels.Chunk(150), row => Assert.Contains(Convert.ToHexString(row), sourceRows));
    }

    [Fact]
    public void Padding_keeps_the_pixels_top_left_and_fills_the_rest_with_black()
    {
        var source = TestPngs.Pixels(50, 42, seed: 3);

        var pixels = Decode(TestPngs.Rgb(50, 42, source),
            new PreprocessConfig { Resize = ResizeMode.Pad }, out var original);

        Assert.Equal(new ImageSize(50, 42), original);
        Assert.Equal(source, pixels[..source.Length]);
        Assert.All(pixels[source.Length..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Padding_a_narrow_patch_keeps_each_row_at_the_left()
    {
        var source = TestPngs.Pixels(32, 50, seed: 4);

        var pixels = Decode(TestPngs.Rgb(32, 50, source), new PreprocessConfig { Resize = ResizeMode.Pad }, out _);

        for (var y = 0; y < 50; y++)
        {
            Assert.Equal(source.AsSpan(y * 96, 96).ToArray(), pixels.AsSpan(y * 150, 96).ToArray());
            Assert.All(pixels.AsSpan(y * 150 + 96, 54).ToArray(), b => Assert.Equal(0, b));
        }
    }

    [Fact]
    public void Padding_a_patch_larger_than_the_size_is_a_config_error_not_corruption()
    {
        var error = Assert.Throws<PatchTooLargeException>(() =>
            Decode(TestPngs.Rgb(50, 50, seed: 5), new PreprocessConfig { Size = 32, Resize = ResizeMode.Pad }, out _));

        Assert.Contains("resize", error.Message);
    }

    [Fact]
    public void A_larger_patch_is_resampled_down_to_a_smaller_size()
    {
        var pixels = Decode(TestPngs.Solid(50, 50, 9, 8, 7), new PreprocessConfig { Size = 32 }, out _);

        Assert.Equal(32 * 32 * 3, pixels.Length);
        Assert.All(pixels.Chunk(3), p => Assert.Equal([9, 8, 7], p));
    }

    [Fact]
    public void A_grey_patch_becomes_rgb()
    {
        var levels = TestPngs.Pixels(50, 50, seed: 6)[..2500];

        var pixels = Decode(TestPngs.Grey(50, 50, levels), Bilinear, out _);

        Assert.Equal(levels.SelectMany(l => new[] { l, l, l }), pixels);
    }

    [Fact]
    public void An_rgba_patch_becomes_rgb_and_its_alpha_is_dropped()
    {
        var rgba = TestPngs.Pixels(50, 50, seed: 7).Concat(TestPngs.Pixels(50, 50, seed: 8)).Take(10000).ToArray();

        var pixels = Decode(TestPngs.Rgba(50, 50, rgba), Bilinear, out _);

        Assert.Equal(rgba.Chunk(4).SelectMany(p => p[..3]), pixels);
    }

    [Fact]
    public void A_palette_patch_becomes_rgb()
    {
        var colours = new byte[][] { [255, 0, 0], [0, 128, 255], [10, 20, 30] };
        var source = Enumerable.Range(0, 2500).SelectMany(i => colours[i % 3]).ToArray();

        var pixels = Decode(TestPngs.Palette(50, 50, source), Bilinear, out _);

        Assert.Equal(source, pixels);
    }

    [Fact]
    public void An_empty_file_is_corrupt()
    {
        var error = Assert.Throws<CorruptPatchException>(() => Decode([], Bilinear, out _));

        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_png_is_corrupt()
    {
        Assert.Throws<CorruptPatchException>(() => Decode("<html>not found</html>"u8.ToArray(), Bilinear, out _));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(100)]
    [InlineData(3000)]
    public void A_truncated_png_is_corrupt(int cut)
    {
        var png = TestPngs.Rgb(50, 50, seed: 9);

        var error = Assert.Throws<CorruptPatchException>(() => Decode(png[..^cut], Bilinear, out _));

        Assert.Contains("cut short", error.Message);
    }

    [Fact]
    public void A_png_with_damaged_pixel_data_is_corrupt()
    {
        var png = TestPngs.Rgb(50, 50, seed: 10);
        png[png.Length / 2] ^= 0xFF;

        Assert.Throws<CorruptPatchException>(() => Decode(png, Bilinear, out _));
    }

    [Fact]
    public void The_destination_must_be_one_patch_long()
    {
        Assert.Throws<ArgumentException>(() =>
            PatchDecoder.Decode(TestPngs.Rgb(50, 50, seed: 11), Bilinear, new byte[100]));
    }
}
