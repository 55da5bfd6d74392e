using System.Buffers.Binary;

namespace IdcRepro.Preprocess;

/// <summary>
/// A cheap structural check before decoding: the PNG signature, an IHDR first with a plausible patch size, and
/// every chunk whole up to IEND. It catches truncated files, which the decoder may otherwise accept in part.
/// </summary>
public static class PngStructure
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private const uint Ihdr = 0x49484452;
    private const uint Iend = 0x49454E44;

    /// <summary>Larger than any patch can sensibly be; a bigger IHDR is damage, not a patch.</summary>
    public const int MaxSide = 4096;

    /// <summary>
    /// The size IHDR declares; throws <see cref="CorruptPatchException"/> if the file is not a whole PNG.
    /// </summary>
    public static ImageSize Check(ReadOnlySpan<byte> png)
    {
        if (png.Length == 0) throw new CorruptPatchException("the file is empty (0 bytes)");
        if (png.Length < Signature.Length + 25 || !png.StartsWith(Signature))
            throw new CorruptPatchException($"not a PNG file ({png.Length} bytes, no PNG signature and header)");
        var ihdr = png[Signature.Length..];
        if (BinaryPrimitives.ReadUInt32BigEndian(ihdr[4..]) != Ihdr || BinaryPrimitives.ReadUInt32BigEndian(ihdr) != 13)
            throw new CorruptPatchException("the PNG does not start with an IHDR chunk");
        var width = BinaryPrimitives.ReadUInt32BigEndian(ihdr[8..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(ihdr[12..]);
        if (width is 0 or > MaxSide || height is 0 or > MaxSide)
            throw new CorruptPatchException($"the PNG header claims {width}x{height} pixels");
        for (var at = Signature.Length; at + 12 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[at..]);
            if (length > png.Length - at - 12) break;
            if (BinaryPrimitives.ReadUInt32BigEndian(png[(at + 4)..]) == Iend)
                return new ImageSize((int)width, (int)height);
            at += 12 + (int)length;
        }
        throw new CorruptPatchException($"the PNG is cut short ({png.Length} bytes, no IEND chunk)");
    }
}
