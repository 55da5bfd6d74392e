using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace IdcRepro.Tests.Reporting;

/// <summary>Checks on PNG bytes: they decode, have the expected size, and are not one flat colour.</summary>
public static class PngAssert
{
    public static Image<Rgb24> Decodes(byte[] png, int? width = null, int? height = null)
    {
        Assert.True(png.Length > 8 && png[0] == 0x89 && png[1] == (byte)'P' && png[2] == (byte)'N'
            && png[3] == (byte)'G', "not a PNG signature");
        var image = Image.Load<Rgb24>(png);
        if (width is { } w) Assert.Equal(w, image.Width);
        if (height is { } h) Assert.Equal(h, image.Height);
        return image;
    }

    /// <summary>Distinct colours among a sample of pixels (a blank image has one).</summary>
    public static int DistinctColours(Image<Rgb24> image)
    {
        var colours = new HashSet<Rgb24>();
        var stepX = Math.Max(1, image.Width / 200);
        var stepY = Math.Max(1, image.Height / 200);
        for (var y = 0; y < image.Height; y += stepY)
            for (var x = 0; x < image.Width; x += stepX)
                colours.Add(image[x, y]);
        return colours.Count;
    }
}
