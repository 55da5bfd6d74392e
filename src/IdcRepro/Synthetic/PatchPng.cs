using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace IdcRepro.Synthetic;

/// <summary>
/// Encodes patch pixels as an 8-bit RGB PNG with fixed settings and no metadata chunks, so equal pixels give equal
/// bytes.
/// </summary>
internal static class PatchPng
{
    private static readonly PngEncoder Encoder = new()
    {
        ColorType = PngColorType.Rgb,
        BitDepth = PngBitDepth.Bit8,
        FilterMethod = PngFilterMethod.Adaptive,
        CompressionLevel = PngCompressionLevel.DefaultCompression,
        InterlaceMethod = PngInterlaceMode.None,
        ChunkFilter = PngChunkFilter.ExcludeAll,
    };

    /// <summary>PNG bytes of <paramref name="rgb"/> (three bytes a pixel, row by row).</summary>
    public static byte[] Encode(byte[] rgb, int width, int height)
    {
        using var image = Image.LoadPixelData<Rgb24>(rgb, width, height);
        using var stream = new MemoryStream();
        image.SaveAsPng(stream, Encoder);
        return stream.ToArray();
    }
}
