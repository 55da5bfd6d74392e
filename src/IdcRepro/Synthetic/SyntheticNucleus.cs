namespace IdcRepro.Synthetic;

/// <summary>
/// One cell nucleus on a synthetic slide: an ellipse of haematoxylin with grainy chromatin and a soft rim. Nuclei
/// sit on a jittered grid of the slide, at most one per grid cell; what kind a cell holds, if any, depends on the
/// tissue at its centre: spindles along the fibres in stroma, larger, rounder, varied ones in tumour nests, small
/// dark round ones in lymphocyte clusters.
/// </summary>
internal readonly record struct SyntheticNucleus(double X, double Y, double Major, double Minor, double AxisX,
    double AxisY, double Darkness)
{
    /// <summary>Side of a cell of the nucleus grid, in pixels.</summary>
    public const int Cell = 4;

    /// <summary>The largest half-axis of any nucleus, in pixels.</summary>
    public const double LargestRadius = 4;

    /// <summary>
    /// The nucleus of grid cell (<paramref name="i"/>, <paramref name="j"/>), or null where that cell holds none.
    /// </summary>
    public static SyntheticNucleus? In(SyntheticSlide slide, SlowFields fields, long i, long j)
    {
        var seed = slide.Seed;
        var hash = SyntheticNoise.Hash(seed, i, j, NoisePurpose.Nucleus);
        double Next() => SyntheticNoise.Unit(hash = SyntheticNoise.Mix(hash));
        var x = (i + Next()) * Cell;
        var y = (j + Next()) * Cell;

        var slow = fields.At(x, y);
        if (slow.Tissue <= 0) return null;
        var tumour = slide.TumourAt(x, y);
        var nest = TissueTexture.Nest(seed, x, y, tumour);
        var fat = TissueTexture.Fat(slow, tumour);
        var lymph = slide.Lymphocytes * SyntheticNoise.Step(0.72, 0.84,
            SyntheticNoise.Value(seed, x / 30, y / 30, NoisePurpose.Lymphocytes)) * (1 - nest);
        var chance = (0.07 + 0.8 * nest + 0.7 * lymph) * (1 - 0.9 * fat) * slow.Tissue;
        if (Next() >= chance) return null;

        if (Next() * (lymph + nest + 0.07) < lymph)
        {
            var r = 1.0 + 0.5 * Next();
            return new SyntheticNucleus(x, y, r, r, 1, 0, 1.0 + 0.2 * Next());
        }
        if (Next() * (nest + 0.07) < nest)
        {
            var major = 1.4 + 1.2 * tumour + 1.0 * Next();
            var (ax, ay) = Axis(2 * Next() - 1, 2 * Next() - 1);
            return new SyntheticNucleus(x, y, major, major / (1.05 + 0.5 * Next()), ax, ay,
                0.65 + 0.3 * Next() + 0.15 * tumour);
        }
        var length = 1.3 + 1.0 * Next();
        var (sx, sy) = Axis(slide.Fibre.X + 0.5 * (Next() - 0.5), slide.Fibre.Y + 0.5 * (Next() - 0.5));
        return new SyntheticNucleus(x, y, length, length / (1.6 + 1.4 * Next()), sx, sy, 0.75 + 0.25 * Next());
    }

    /// <summary>
    /// Adds the nucleus to the part of a patch's haematoxylin and eosin maps it covers (the patch's top-left is at
    /// slide pixel left, top).
    /// </summary>
    public void Stamp(ulong seed, int left, int top, int width, int height, double[] haematoxylin, double[] eosin)
    {
        var x0 = Math.Max(0, (int)Math.Floor(X - Major) - left);
        var x1 = Math.Min(width - 1, (int)Math.Ceiling(X + Major) - left);
        var y0 = Math.Max(0, (int)Math.Floor(Y - Major) - top);
        var y1 = Math.Min(height - 1, (int)Math.Ceiling(Y + Major) - top);
        for (var y = y0; y <= y1; y++)
            for (var x = x0; x <= x1; x++)
            {
                var dx = left + x + 0.5 - X;
                var dy = top + y + 0.5 - Y;
                var along = (dx * AxisX + dy * AxisY) / Major;
                var across = (dy * AxisX - dx * AxisY) / Minor;
                var q = along * along + across * across;
                if (q >= 1) continue;
                var cover = Math.Min(1, (1 - q) * 1.8);
                var chromatin = 0.8 + 0.4 * SyntheticNoise.Unit(seed, left + x, top + y, NoisePurpose.Chromatin);
                var k = y * width + x;
                haematoxylin[k] = Math.Max(haematoxylin[k], Darkness * cover * chromatin);
                eosin[k] *= 1 - 0.6 * cover;
            }
    }

    private static (double X, double Y) Axis(double x, double y)
    {
        var length = Math.Sqrt(x * x + y * y);
        return length < 1e-3 ? (1, 0) : (x / length, y / length);
    }
}
