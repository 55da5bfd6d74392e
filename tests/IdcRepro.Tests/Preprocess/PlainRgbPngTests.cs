using System.Buffers.Binary;
using System.IO.Compression;
using IdcRepro.Config;
using IdcRepro.Data;
using IdcRepro.Preprocess;
using IdcRepro.Tests.Data;
using IdcRepro.Tests.TestSupport;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace IdcRepro.Tests.Preprocess;

/// <summary>The fast path must give exactly what ImageSharp gives, and hand anything odd back to it.</summary>
public sealed class PlainRgbPngTests
{
    private static byte[] Fast(byte[] png, int width, int height)
    {
        var pixels = new byte[width * height * 3];
        Assert.True(PlainRgbPng.TryDecode(png, PngStructure.Check(png), pixels),
            "the fast path declined a plain RGB PNG");
        return pixels;
    }

    [Theory]
    [InlineData(PngFilterMethod.None)]
    [InlineData(PngFilterMethod.Sub)]
    [InlineData(PngFilterMethod.Up)]
    [InlineData(PngFilterMethod.Average)]
    [InlineData(PngFilterMethod.Paeth)]
    [InlineData(PngFilterMethod.Adaptive)]
    public void Reverses_every_row_filter(PngFilterMethod filter)
    {
        var noisy = TestPngs.Pixels(50, 50, seed: 1);
        var smooth = Enumerable.Range(0, 7500).Select(i => (byte)(i / 150 * 3 + i % 150 / 7 + (i % 3) * 40)).ToArray();

        Assert.Equal(noisy, Fast(TestPngs.Rgb(50, 50, noisy, filter), 50, 50));
        Assert.Equal(smooth, Fast(TestPngs.Rgb(50, 50, smooth, filter), 50, 50));
    }

    [Fact]
    public void Decodes_odd_sizes()
    {
        var pixels = TestPngs.Pixels(1, 50, seed: 2);

        Assert.Equal(pixels, Fast(TestPngs.Rgb(1, 50, pixels), 1, 50));
    }

    [Fact]
    public void Joins_image_data_split_over_several_chunks()
    {
        var pixels = TestPngs.Pixels(50, 50, seed: 3);

        Assert.Equal(pixels, Fast(SplitImageData(TestPngs.Rgb(50, 50, pixels), pieces: 4), 50, 50));
    }

    [Fact]
    public void Declines_other_flavours_which_imagesharp_then_decodes()
    {
        var pixels = TestPngs.Pixels(50, 50, seed: 4);
        var deep = TestPngs.Rgb(50, 50, pixels, depth: PngBitDepth.Bit16);
        var grey = TestPngs.Grey(50, 50, pixels[..2500]);

        Assert.False(PlainRgbPng.TryDecode(deep, new ImageSize(50, 50), new byte[7500]));
        Assert.False(PlainRgbPng.TryDecode(grey, new ImageSize(50, 50), new byte[7500]));
        var decoded = new byte[7500];
        PatchDecoder.Decode(deep, new PreprocessConfig(), decoded);
        Assert.Equal(pixels, decoded);
    }

    [Fact]
    public void Declines_a_bad_checksum_which_imagesharp_then_calls_corrupt()
    {
        var png = TestPngs.Rgb(50, 50, seed: 5);
        png[png.Length / 2] ^= 0x01;

        Assert.False(PlainRgbPng.TryDecode(png, new ImageSize(50, 50), new byte[7500]));
        Assert.Throws<CorruptPatchException>(() => PatchDecoder.Decode(png, new PreprocessConfig(), new byte[7500]));
    }

    [Fact]
    public void Gives_exactly_what_imagesharp_gives_on_the_real_sample()
    {
        using var archive = ZipFile.OpenRead(RepoPaths.SampleZip);
        using var reader = ZipPatchReader.Open(RepoPaths.SampleZip);
        var checkedCount = 0;
        foreach (var entry in archive.Entries.Where((e, i) => i % 13 == 0 && e.FullName.EndsWith(".png")))
        {
            var png = reader.ReadAllBytes(entry.FullName);
            using var expected = Image.Load<Rgb24>(png);
            var expectedBytes = new byte[expected.Width * expected.Height * 3];
            expected.CopyPixelDataTo(expectedBytes);

            Assert.Equal(expectedBytes, Fast(png, expected.Width, expected.Height));
            checkedCount++;
        }
        Assert.True(checkedCount > 2000);
    }

    /// <summary>Rewrites a PNG with its single IDAT chunk cut into several, as some encoders write them.</summary>
    private static byte[] SplitImageData(byte[] png, int pieces)
    {
        var output = new MemoryStream();
        output.Write(png, 0, 8);
        for (var at = 8; at < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at));
            var type = png.AsSpan(at + 4, 4);
            if (type.SequenceEqual("IDAT"u8))
            {
                var data = png.AsSpan(at + 8, length);
                var step = (length + pieces - 1) / pieces;
                for (var from = 0; from < length; from += step)
                    WriteChunk(output, "IDAT"u8, data[from..Math.Min(length, from + step)]);
            }
            else
            {
                output.Write(png, at, 12 + length);
            }
            at += 12 + length;
        }
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        var typed = new byte[4 + data.Length];
        type.CopyTo(typed);
        data.CopyTo(typed.AsSpan(4));
        output.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(word, System.IO.Hashing.Crc32.HashToUInt32(typed));
        output.Write(word);
    }
}
