namespace IdcRepro.Synthetic;

/// <summary>
/// The slowly varying fields of a slide over one window (the tissue outline, where fat is, the bend and turn of
/// the collagen), sampled on a lattice fixed to the slide every few pixels and blended between its nodes. Much
/// cheaper than evaluating them per pixel, and a pixel gets the same values from whichever patch asks for it.
/// </summary>
internal sealed class SlowFields
{
    private const int Spacing = 5;
    private readonly SlowSample[] _nodes;
    private readonly int _first, _firstRow, _columns;

    /// <summary>Samples the slide's fields over slide pixels [left, right] x [top, bottom].</summary>
    public SlowFields(SyntheticSlide slide, double left, double top, double right, double bottom)
    {
        _first = (int)Math.Floor(left / Spacing);
        _firstRow = (int)Math.Floor(top / Spacing);
        _columns = (int)Math.Floor(right / Spacing) + 2 - _first;
        var rows = (int)Math.Floor(bottom / Spacing) + 2 - _firstRow;
        _nodes = new SlowSample[_columns * rows];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < _columns; c++)
                _nodes[r * _columns + c] =
                    Evaluate(slide, (double)(_first + c) * Spacing, (double)(_firstRow + r) * Spacing);
    }

    /// <summary>The fields at a slide point inside the window, blended between the four nodes around it.</summary>
    public SlowSample At(double x, double y)
    {
        var u = x / Spacing - _first;
        var v = y / Spacing - _firstRow;
        var c = (int)Math.Floor(u);
        var r = (int)Math.Floor(v);
        double tu = u - c, tv = v - r;
        var k = r * _columns + c;
        return SlowSample.Blend(
            SlowSample.Blend(_nodes[k], _nodes[k + 1], tu),
            SlowSample.Blend(_nodes[k + _columns], _nodes[k + _columns + 1], tu),
            tv);
    }

    private static SlowSample Evaluate(SyntheticSlide slide, double x, double y)
    {
        var seed = slide.Seed;
        var threshold = slide.Region.Threshold;
        var fatStart = 0.8 - 0.22 * slide.Fat;
        return new SlowSample(
            Tissue: SyntheticNoise.Step(threshold - 0.12, threshold + 0.02,
                slide.Region.Density(x / slide.PatchSize, y / slide.PatchSize)),
            Fat: SyntheticNoise.Step(fatStart, fatStart + 0.08,
                SyntheticNoise.Value(seed, x / 70, y / 70, NoisePurpose.Fat)),
            WarpX: 30 * SyntheticNoise.Value(seed, x / 90, y / 90, NoisePurpose.WarpX),
            WarpY: 30 * SyntheticNoise.Value(seed, x / 90, y / 90, NoisePurpose.WarpY),
            Turn: SyntheticNoise.Step(0.35, 0.65,
                SyntheticNoise.Value(seed, x / 120, y / 120, NoisePurpose.FibreTurn)));
    }
}

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
