using System.Runtime.InteropServices;
using IdcRepro.Config;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;
using SixLabors.ImageSharp.Processing.Processors.Transforms;
using ResizeMode = IdcRepro.Config.ResizeMode;
using SharpResizeMode = SixLabors.ImageSharp.Processing.ResizeMode;

namespace IdcRepro.Preprocess;

/// <summary>
/// Decodes one PNG patch into size x size x 3 bytes (row-major HWC, RGB; grey, palette and alpha PNGs become
/// RGB). A patch already that size is copied as it is; another is resampled to exactly that size (bilinear,
/// as the blog's cv2.resize default; bicubic; nearest) or, under pad, placed top-left on black.
/// Full-size 8-bit RGB PNGs (nearly every IDC patch) take <see cref="PlainRgbPng"/>'s fast path; everything else,
/// and anything that path finds odd, goes through ImageSharp. Pure: bytes in, pixels out. Safe from many threads at
/// once.
/// </summary>
public static class PatchDecoder
{
    /// <summary>
    /// PNG only, no nested parallelism (the caller runs patches in parallel), one contiguous buffer per image.
    /// </summary>
    private static readonly Configuration Png = new(new PngConfigurationModule())
    {
        MaxDegreeOfParallelism = 1,
        PreferContiguousImageBuffers = true,
    };

    private static readonly PngDecoder Decoder = new() { IgnoreMetadata = true };

    /// <summary>Bytes of one decoded patch: size * size * 3.</summary>
    public static int PatchBytes(PreprocessConfig config) => config.Size * config.Size * 3;

    /// <summary>
    /// Decodes <paramref name="png"/> into <paramref name="destination"/> (exactly <see cref="PatchBytes"/> long) and
    /// returns the patch's original size. Throws <see cref="CorruptPatchException"/> for a file that is not a whole,
    /// valid PNG, and <see cref="PatchTooLargeException"/> for a patch larger than the size under pad.
    /// </summary>
    public static ImageSize Decode(ReadOnlySpan<byte> png, PreprocessConfig config, Span<byte> destination)
    {
        var size = config.Size;
        if (destination.Length != PatchBytes(config))
            throw new ArgumentException(
                $"destination is {destination.Length} bytes; a {size}x{size} RGB patch needs {PatchBytes(config)}",
                nameof(destination));
        var declared = PngStructure.Check(png);
        if (config.Resize == ResizeMode.Pad && (declared.Width > size || declared.Height > size))
            throw new PatchTooLargeException(declared, size);

        var fullSize = declared.Width == size && declared.Height == size;
        var pixels = fullSize ? destination : new byte[declared.Width * declared.Height * 3];
        if (!PlainRgbPng.TryDecode(png, declared, pixels))
        {
            using var image = Load(png);
            if (image.Width != declared.Width || image.Height != declared.Height)
                throw new CorruptPatchException(
                    $"the PNG header says {declared} but the image decodes as {image.Width}x{image.Height}");
            Pixels(image).CopyTo(pixels);
        }
        if (!fullSize) Reshape(pixels, declared, config, destination);
        return declared;
    }

    /// <summary>
    /// Brings <paramref name="pixels"/> (HWC RGB of <paramref name="from"/>) to size x size: resampled, or padded
    /// top-left on black.
    /// </summary>
    private static void Reshape(ReadOnlySpan<byte> pixels, ImageSize from, PreprocessConfig config,
        Span<byte> destination)
    {
        var size = config.Size;
        if (config.Resize == ResizeMode.Pad)
        {
            destination.Clear();
            var rowBytes = from.Width * 3;
            for (var y = 0; y < from.Height; y++)
                pixels.Slice(y * rowBytes, rowBytes).CopyTo(destination[(y * size * 3)..]);
            return;
        }
        using var image = Image.LoadPixelData<Rgb24>(Png, pixels, from.Width, from.Height);
        image.Mutate(x => x.Resize(new ResizeOptions
        {
            Size = new Size(size, size), Mode = SharpResizeMode.Stretch, Sampler = Sampler(config.Resize)
        }));
        Pixels(image).CopyTo(destination);
    }

    private static Image<Rgb24> Load(ReadOnlySpan<byte> png)
    {
        try
        {
            return Image.Load<Rgb24>(Png, png, Decoder);
        }
        catch (Exception e) when (e is ImageFormatException or InvalidDataException or InvalidMemoryOperationException
            or NotSupportedException)
        {
            throw new CorruptPatchException($"the PNG cannot be decoded: {e.Message}", e);
        }
    }

    private static ReadOnlySpan<byte> Pixels(Image<Rgb24> image) =>
        image.DangerousTryGetSinglePixelMemory(out var memory)
            ? MemoryMarshal.AsBytes(memory.Span)
            : throw new InvalidOperationException($"a {image.Width}x{image.Height} image is not in one buffer");

    private static IResampler Sampler(ResizeMode mode) => mode switch
    {
        ResizeMode.Bilinear => KnownResamplers.Triangle,
        ResizeMode.Bicubic => KnownResamplers.Bicubic,
        ResizeMode.Nearest => KnownResamplers.NearestNeighbor,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "not a resampling mode"),
    };
}

/// <summary>A patch file that is not a readable PNG: empty, cut short, or with bad chunks or pixel data.</summary>
public sealed class CorruptPatchException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A patch larger than the cache size under <c>resize: pad</c>, which only enlarges; a config problem, not a corrupt
/// file.
/// </summary>
public sealed class PatchTooLargeException(ImageSize size, int target)
    : Exception(
        $"the patch is {size}, larger than preprocess.size {target}; pad only enlarges: use resize bilinear, " +
        $"bicubic or nearest, or a size of at least {Math.Max(size.Width, size.Height)}")
{
    public ImageSize Size { get; } = size;
}
