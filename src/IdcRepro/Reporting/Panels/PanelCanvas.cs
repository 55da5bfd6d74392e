using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace IdcRepro.Reporting.Panels;

/// <summary>
/// How the report's panels (example grids, tissue maps) are drawn: raw RGB patches and PNG bytes to ImageSharp images
/// and back, scaling a patch, and pasting, filling and framing on a canvas. Named for that, not PatchImages:
/// <c>Training.PatchImages</c> is the decoded patches themselves.
/// </summary>
internal static class PanelCanvas
{
    public static Image<Rgb24> FromRgb(byte[] rgb, int size)
    {
        if (rgb.Length != size * size * 3)
            throw new ArgumentException($"A {size}x{size} RGB patch has {size * size * 3} bytes, not {rgb.Length}.",
                nameof(rgb));
        return Image.LoadPixelData<Rgb24>(rgb, size, size);
    }

    /// <summary>
    /// The patch at <paramref name="side"/> x <paramref name="side"/>: nearest-neighbour when enlarged (no invented
    /// detail), box filter when reduced.
    /// </summary>
    public static Image<Rgb24> Scaled(Image<Rgb24> patch, int side)
    {
        var sampler = side >= patch.Width ? KnownResamplers.NearestNeighbor : KnownResamplers.Box;
        return patch.Clone(c => c.Resize(side, side, sampler));
    }

    public static Image<Rgb24> FromPng(byte[] png) => Image.Load<Rgb24>(png);

    public static byte[] Png(Image image)
    {
        using var stream = new MemoryStream();
        image.Save(stream,
            new PngEncoder { ColorType = PngColorType.Rgb, CompressionLevel = PngCompressionLevel.BestCompression });
        return stream.ToArray();
    }

    public static void Paste(Image<Rgb24> canvas, Image<Rgb24> image, int x, int y) =>
        canvas.Mutate(c => c.DrawImage(image, new Point(x, y), 1f));

    /// <summary>Fills a rectangle, clipped to the canvas.</summary>
    public static void Fill(Image<Rgb24> canvas, int x, int y, int width, int height, Rgb24 color)
    {
        var x0 = Math.Max(0, x);
        var x1 = Math.Min(canvas.Width, x + width);
        canvas.ProcessPixelRows(rows =>
        {
            for (var row = Math.Max(0, y); row < Math.Min(canvas.Height, y + height); row++)
                rows.GetRowSpan(row)[x0..Math.Max(x0, x1)].Fill(color);
        });
    }

    /// <summary>A one-pixel frame just inside the rectangle.</summary>
    public static void Frame(Image<Rgb24> canvas, int x, int y, int width, int height, Rgb24 color)
    {
        Fill(canvas, x, y, width, 1, color);
        Fill(canvas, x, y + height - 1, width, 1, color);
        Fill(canvas, x, y, 1, height, color);
        Fill(canvas, x + width - 1, y, 1, height, color);
    }
}
