using System.IO.Compression;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace IdcRepro.Tests.Data;

/// <summary>
/// Small PNGs with known pixels (PNG is lossless, so the pixels are what a decoder must give back), and zips of them.
/// </summary>
public static class TestPngs
{
    /// <summary>Distinct, deterministic RGB pixels (HWC) for a width x height patch.</summary>
    public static byte[] Pixels(int width, int height, int seed)
    {
        var pixels = new byte[width * height * 3];
        new Random(seed).NextBytes(pixels);
        return pixels;
    }

    public static byte[] Rgb(int width, int height, int seed) => Rgb(width, height, Pixels(width, height, seed));

    public static byte[] Rgb(int width, int height, byte[] pixels, PngFilterMethod filter = PngFilterMethod.Adaptive,
        PngBitDepth depth = PngBitDepth.Bit8)
    {
        using var image = Image.LoadPixelData<Rgb24>(pixels, width, height);
        return Encode(image, PngColorType.Rgb, filter, depth);
    }

    public static byte[] Solid(int width, int height, byte r, byte g, byte b)
    {
        using var image = new Image<Rgb24>(width, height, new Rgb24(r, g, b));
        return Encode(image, PngColorType.Rgb);
    }

    public static byte[] Grey(int width, int height, byte[] levels)
    {
        using var image = Image.LoadPixelData<L8>(levels, width, height);
        return Encode(image, PngColorType.Grayscale);
    }

    public static byte[] Rgba(int width, int height, byte[] rgba)
    {
        using var image = Image.LoadPixelData<Rgba32>(rgba, width, height);
        return Encode(image, PngColorType.RgbWithAlpha);
    }

    public static byte[] Palette(int width, int height, byte[] pixels)
    {
        using var image = Image.LoadPixelData<Rgb24>(pixels, width, height);
        return Encode(image, PngColorType.Palette);
    }

    /// <summary>
    /// A zip of the given entries; <paramref name="level"/> NoCompression stores them, as the IDC sample does.
    /// </summary>
    public static void Zip(string path, IEnumerable<(string Name, byte[] Bytes)> entries,
        CompressionLevel level = CompressionLevel.NoCompression)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, bytes) in entries)
        {
            using var stream = zip.CreateEntry(name, level).Open();
            stream.Write(bytes);
        }
    }

    private static byte[] Encode<TPixel>(Image<TPixel> image, PngColorType colorType,
        PngFilterMethod filter = PngFilterMethod.Adaptive, PngBitDepth depth = PngBitDepth.Bit8)
        where TPixel : unmanaged, IPixel<TPixel>
    {
        using var stream = new MemoryStream();
        image.SaveAsPng(stream, new PngEncoder { ColorType = colorType, BitDepth = depth, FilterMethod = filter });
        return stream.ToArray();
    }
}
