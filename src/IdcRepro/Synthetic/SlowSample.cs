namespace IdcRepro.Synthetic;

/// <summary>
/// The slow fields at one point: tissue (1) or glass (0); fat (0-1, before tumour pushes it out); how far the
/// collagen is bent; which of the slide's two fibre directions holds (0 first, 1 second).
/// </summary>
internal readonly record struct SlowSample(double Tissue, double Fat, double WarpX, double WarpY, double Turn)
{
    public static SlowSample Blend(SlowSample a, SlowSample b, double t) => new(
        SyntheticNoise.Lerp(a.Tissue, b.Tissue, t),
        SyntheticNoise.Lerp(a.Fat, b.Fat, t),
        SyntheticNoise.Lerp(a.WarpX, b.WarpX, t),
        SyntheticNoise.Lerp(a.WarpY, b.WarpY, t),
        SyntheticNoise.Lerp(a.Turn, b.Turn, t));
}
