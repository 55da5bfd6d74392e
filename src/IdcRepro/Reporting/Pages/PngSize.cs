using System.Buffers.Binary;

namespace IdcRepro.Reporting.Pages;

/// <summary>A PNG's width and height, read from its IHDR chunk.</summary>
internal static class PngSize
{
    public static (int Width, int Height) Of(byte[] png)
    {
        if (png.Length < 24 || png[12] != (byte)'I' || png[13] != (byte)'H' || png[14] != (byte)'D'
            || png[15] != (byte)'R')
            throw new ArgumentException("Not a PNG image.", nameof(png));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)),
            BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}
