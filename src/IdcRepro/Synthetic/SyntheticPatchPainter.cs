namespace IdcRepro.Synthetic;

/// <summary>
/// Paints one synthetic patch as H&amp;E-like RGB pixels. Every field is a function of the slide pixel, not of the
/// patch, so neighbouring patches join up on a tissue map: pink collagen streaks with faint cracks and fat in the
/// stroma, purple nests of crowded, larger nuclei in tumour, dense clusters of small dark lymphocytes here and
/// there, and glass past the tissue's outline.
/// </summary>
internal static class SyntheticPatchPainter
{
    /// <summary>The patch's pixels, row by row, three bytes (R, G, B) each.</summary>
    public static byte[] Paint(SyntheticPatch patch)
    {
        var slide = patch.Slide;
        int width = patch.Width, height = patch.Height;
        int left = patch.Column * slide.PatchSize, top = patch.Row * slide.PatchSize;
        var haematoxylin = new double[width * height];
        var eosin = new double[width * height];

        // Nuclei centred up to the largest radius outside the patch still reach into it.
        const int cell = SyntheticNucleus.Cell;
        var first = (int)Math.Floor((left - SyntheticNucleus.LargestRadius) / cell);
        var last = (int)Math.Floor((left + width + SyntheticNucleus.LargestRadius) / cell);
        var firstRow = (int)Math.Floor((top - SyntheticNucleus.LargestRadius) / cell);
        var lastRow = (int)Math.Floor((top + height + SyntheticNucleus.LargestRadius) / cell);
        var fields = new SlowFields(slide, first * cell, firstRow * cell, (last + 1) * cell, (lastRow + 1) * cell);

        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var (h, e) = Background(slide, fields, left + x + 0.5, top + y + 0.5);
                haematoxylin[y * width + x] = h;
                eosin[y * width + x] = e;
            }

        for (var j = firstRow; j <= lastRow; j++)
            for (var i = first; i <= last; i++)
                SyntheticNucleus.In(slide, fields, i, j)?.Stamp(slide.Seed, left, top, width, height, haematoxylin,
                    eosin);

        var rgb = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                long gx = left + x, gy = top + y;
                // Sensor noise: the sum of two uniforms (a triangle), both taken from one hash.
                var bits = SyntheticNoise.Hash(slide.Seed, gx, gy, NoisePurpose.Grain);
                var grain = 5.0 * (((bits >> 32) + (bits & 0xFFFFFFFF)) * (1.0 / (1UL << 32)) - 1);
                var k = y * width + x;
                slide.Stain.Paint(haematoxylin[k], eosin[k], grain, rgb.AsSpan(k * 3, 3));
            }
        return rgb;
    }

    /// <summary>Haematoxylin and eosin between nuclei: collagen, tumour nests, fat and glass.</summary>
    private static (double H, double E) Background(SyntheticSlide slide, SlowFields fields, double x, double y)
    {
        var slow = fields.At(x, y);
        if (slow.Tissue <= 0) return (0, 0);
        var seed = slide.Seed;
        var fine = SyntheticNoise.Unit(seed, (long)x, (long)y, NoisePurpose.Fine) - 0.5;
        var tumour = slide.TumourAt(x, y);
        var nest = TissueTexture.Nest(seed, x, y, tumour);
        var fat = TissueTexture.Fat(slow, tumour);

        // Tumour nests: cells with purple cytoplasm. Between them, and everywhere else, collagen.
        var e = 0.5 * slide.StromaEosin + 0.08 * fine;
        if (nest < 1 && fat < 1) e = SyntheticNoise.Lerp(Collagen(slide, slow, x, y, fine), e, nest);
        var h = 0.04 + 0.05 * tumour + 0.22 * nest + 0.04 * fine;

        if (fat > 0)
        {
            var membrane = TissueTexture.Membrane(seed, x, y);
            e = SyntheticNoise.Lerp(e, 0.02 + 0.5 * slide.StromaEosin * membrane, fat);
            h = SyntheticNoise.Lerp(h, 0.05 * membrane, fat);
        }
        return (h * slow.Tissue, e * slow.Tissue);
    }

    /// <summary>
    /// Eosin of the collagen: bundles of streaks in two directions that take turns over the slide, bent by a slow
    /// warp, with faint cracks running along them.
    /// </summary>
    private static double Collagen(SyntheticSlide slide, SlowSample slow, double x, double y, double fine)
    {
        var seed = slide.Seed;
        double wx = x + slow.WarpX, wy = y + slow.WarpY;
        var streaks = slow.Turn <= 0 ? TissueTexture.Streaks(seed, slide.Fibre, wx, wy, NoisePurpose.Fibre)
            : slow.Turn >= 1 ? TissueTexture.Streaks(seed, slide.CrossFibre, wx, wy, NoisePurpose.CrossFibre)
            : SyntheticNoise.Lerp(TissueTexture.Streaks(seed, slide.Fibre, wx, wy, NoisePurpose.Fibre),
                TissueTexture.Streaks(seed, slide.CrossFibre, wx, wy, NoisePurpose.CrossFibre), slow.Turn);
        var fibre = SyntheticNoise.Step(0.2, 0.75,
            0.7 * streaks + 0.3 * SyntheticNoise.Value(seed, x / 5, y / 5, NoisePurpose.FibreMottle));
        var crack = 1 - SyntheticNoise.Step(0.03, 0.08, Math.Abs(streaks - 0.5));
        return slide.StromaEosin * (0.4 + 0.6 * fibre) * (1 - 0.35 * crack) + 0.1 * fine;
    }
}
