namespace IdcRepro.Synthetic;

/// <summary>
/// The textures of a synthetic slide, each a function of the slide point: collagen streaks, tumour nests, fat and
/// the walls of its cells. Shared by the background painting and the placing of nuclei.
/// </summary>
internal static class TissueTexture
{
    /// <summary>Collagen streaks (0-1) running along <paramref name="direction"/> (a unit vector).</summary>
    public static double Streaks(ulong seed, (double X, double Y) direction, double x, double y, NoisePurpose purpose)
    {
        var along = direction.X * x + direction.Y * y;
        var across = direction.X * y - direction.Y * x;
        return SyntheticNoise.Value(seed, along / 9, across / 2.2, purpose);
    }

    /// <summary>
    /// How much of a point is inside a tumour nest (0-1): none without tumour, most of it in dense tumour.
    /// </summary>
    public static double Nest(ulong seed, double x, double y, double tumour)
    {
        if (tumour < 0.05) return 0;
        var shape = 0.7 * SyntheticNoise.Value(seed, x / 9, y / 9, NoisePurpose.Nest)
            + 0.3 * SyntheticNoise.Value(seed, x / 3.5, y / 3.5, NoisePurpose.NestDetail);
        var level = 0.62 - 0.42 * tumour;
        return SyntheticNoise.Step(level, level + 0.08, shape) * SyntheticNoise.Step(0.05, 0.3, tumour);
    }

    /// <summary>How much of a point is fat (0-1): the slide's fat patches, pushed out by tumour.</summary>
    public static double Fat(SlowSample slow, double tumour) => slow.Fat * (1 - SyntheticNoise.Step(0.1, 0.45, tumour));

    /// <summary>
    /// Adipocyte walls: 1 on the thin border between neighbouring fat cells (a jittered Voronoi diagram), 0 inside.
    /// </summary>
    public static double Membrane(ulong seed, double x, double y)
    {
        const double size = 14;
        var cx = (long)Math.Floor(x / size);
        var cy = (long)Math.Floor(y / size);
        double nearest = double.MaxValue, second = double.MaxValue;
        for (var j = cy - 1; j <= cy + 1; j++)
            for (var i = cx - 1; i <= cx + 1; i++)
            {
                var hash = SyntheticNoise.Hash(seed, i, j, NoisePurpose.Adipocyte);
                var px = (i + 0.1 + 0.8 * SyntheticNoise.Unit(hash)) * size;
                var py = (j + 0.1 + 0.8 * SyntheticNoise.Unit(SyntheticNoise.Mix(hash))) * size;
                var d = Math.Sqrt((x - px) * (x - px) + (y - py) * (y - py));
                if (d < nearest) (nearest, second) = (d, nearest);
                else if (d < second) second = d;
            }
        return 1 - SyntheticNoise.Step(0.3, 1.2, second - nearest);
    }
}
