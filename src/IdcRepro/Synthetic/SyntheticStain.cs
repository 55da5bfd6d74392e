namespace IdcRepro.Synthetic;

/// <summary>
/// One slide's H&amp;E staining: how strongly haematoxylin (purple-blue, nuclei) and eosin (pink, stroma) absorb
/// red, green and blue, and the scanner's brightness. Light through a pixel is a product of (1 - absorbance x amount)
/// per stain: a Beer-Lambert look without exp, so every CPU gives the same bytes.
/// </summary>
internal sealed record SyntheticStain(
    (double R, double G, double B) Haematoxylin,
    (double R, double G, double B) Eosin,
    double Brightness)
{
    /// <summary>
    /// A slide's stain: both dyes vary in strength and hue from slide to slide, as between real labs and days.
    /// </summary>
    public static SyntheticStain Draw(Random random)
    {
        double Around(double centre, double spread) => centre + spread * (2 * random.NextDouble() - 1);
        var h = Around(1.0, 0.32);
        var e = Around(1.0, 0.35);
        return new SyntheticStain(
            (Around(0.65, 0.06) * h, Around(0.78, 0.05) * h, Around(0.42, 0.08) * h),
            (Around(0.09, 0.05) * e, Around(0.58, 0.08) * e, Around(0.34, 0.07) * e),
            Around(0.96, 0.06));
    }

    /// <summary>
    /// Writes one RGB pixel for the given haematoxylin and eosin amounts; <paramref name="grain"/> is sensor noise in
    /// grey levels.
    /// </summary>
    public void Paint(double haematoxylin, double eosin, double grain, Span<byte> rgb)
    {
        rgb[0] = Channel(Haematoxylin.R, Eosin.R, haematoxylin, eosin, grain);
        rgb[1] = Channel(Haematoxylin.G, Eosin.G, haematoxylin, eosin, grain);
        rgb[2] = Channel(Haematoxylin.B, Eosin.B, haematoxylin, eosin, grain);
    }

    private byte Channel(double absorbH, double absorbE, double h, double e, double grain)
    {
        var light = Math.Max(0.03, 1 - absorbH * h) * Math.Max(0.03, 1 - absorbE * e);
        return (byte)Math.Clamp((int)Math.Round(255 * Brightness * light + grain), 0, 255);
    }
}
