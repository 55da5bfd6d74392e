namespace IdcRepro.Training;

/// <summary>
/// Patches as decoded: <see cref="Count"/> uint8 RGB images of <see cref="Height"/> x <see cref="Width"/>, row-major
/// N x H x W x 3 in <see cref="Pixels"/> (what the preprocess stage writes and what training uploads to the device as
/// is).
/// </summary>
public sealed record PatchImages
{
    public const int Channels = 3;

    public PatchImages(ReadOnlyMemory<byte> pixels, int count, int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (pixels.Length != (long)count * height * width * Channels)
            throw new ArgumentException(
                $"{count} patches of {height}x{width}x{Channels} need {(long)count * height * width * Channels} " +
                $"bytes, not {pixels.Length}.", nameof(pixels));
        Pixels = pixels;
        Count = count;
        Height = height;
        Width = width;
    }

    public ReadOnlyMemory<byte> Pixels { get; }
    public int Count { get; }
    public int Height { get; }
    public int Width { get; }

    /// <summary>Bytes per patch: H x W x 3.</summary>
    public int PatchBytes => Height * Width * Channels;
}
