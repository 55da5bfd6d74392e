namespace IdcRepro.Synthetic;

/// <summary>
/// One synthetic patient's slide: where the tissue is, which patches are IDC, how dense the tumour is around each
/// patch, which border patches are cut short, and the slide's stain and texture traits. Everything is drawn from
/// the slide's own seed, so one slide never depends on another or on the order they are made in.
/// </summary>
internal sealed class SyntheticSlide
{
    private readonly double[] _tumour;

    public int PatientId { get; }
    public ulong Seed { get; }
    public int PatchSize { get; }
    public TissueRegion Region { get; }
    public SyntheticStain Stain { get; }

    /// <summary>The two directions of the collagen fibres (unit vectors about 70 degrees apart).</summary>
    public (double X, double Y) Fibre { get; }
    public (double X, double Y) CrossFibre { get; }

    /// <summary>
    /// How much fat (0-1), lymphocyte clusters (0-1) and how dense the eosin of the stroma is on this slide.
    /// </summary>
    public double Fat { get; }
    public double Lymphocytes { get; }
    public double StromaEosin { get; }

    public IReadOnlyList<SyntheticPatch> Patches { get; }

    public SyntheticSlide(int patientId, ulong seed, int patchSize, TissueRegion region, int idcQuota,
        double edgeFraction)
    {
        PatientId = patientId;
        Seed = seed;
        PatchSize = patchSize;
        Region = region;
        var random = new Random(SeedFor(seed, NoisePurpose.SlideRandom));
        Stain = SyntheticStain.Draw(random);
        var (fx, fy) = (2 * random.NextDouble() - 1, 2 * random.NextDouble() - 1);
        var length = Math.Sqrt(fx * fx + fy * fy);
        Fibre = length < 1e-3 ? (1, 0) : (fx / length, fy / length);
        CrossFibre = (0.34 * Fibre.X - 0.94 * Fibre.Y, 0.94 * Fibre.X + 0.34 * Fibre.Y);
        Fat = random.NextDouble();
        Lymphocytes = random.NextDouble();
        StromaEosin = 0.55 + 0.35 * random.NextDouble();

        var idc = IdcAreas.Grow(region, idcQuota, random, seed);
        _tumour = TumourDensity(region, idc, seed);
        Patches = CutEdges(region, idc, edgeFraction, random);
    }

    /// <summary>A System.Random seed for one purpose of one slide.</summary>
    public static int SeedFor(ulong slideSeed, NoisePurpose purpose) =>
        (int)(SyntheticNoise.Hash(slideSeed, 0, 0, purpose) & int.MaxValue);

    /// <summary>
    /// Tumour cell density (0-1) at a slide pixel, blended between patch centres so it is smooth across patch borders.
    /// </summary>
    public double TumourAt(double x, double y)
    {
        var u = x / PatchSize - 0.5;
        var v = y / PatchSize - 0.5;
        var c = (int)Math.Floor(u);
        var r = (int)Math.Floor(v);
        double tu = u - c, tv = v - r;
        var top = SyntheticNoise.Lerp(CellTumour(c, r), CellTumour(c + 1, r), tu);
        var bottom = SyntheticNoise.Lerp(CellTumour(c, r + 1), CellTumour(c + 1, r + 1), tu);
        return SyntheticNoise.Lerp(top, bottom, tv);
    }

    private double CellTumour(int column, int row) =>
        Region.Contains(column, row) ? _tumour[row * Region.Columns + column] : 0;

    /// <summary>
    /// Tumour density per patch. IDC patches mostly hold 25-100% tumour (less at an area's rim), but a few hold almost
    /// none, and some non-IDC patches beside an area or elsewhere hold a little: annotations are coarse, so the
    /// classes overlap somewhat, as in the real data.
    /// </summary>
    private static double[] TumourDensity(TissueRegion region, bool[] idc, ulong seed)
    {
        var tumour = new double[idc.Length];
        bool Idc(int c, int r) => region.Contains(c, r) && idc[r * region.Columns + c];
        for (var r = 0; r < region.Rows; r++)
            for (var c = 0; c < region.Columns; c++)
            {
                if (!region.Contains(c, r)) continue;
                var u = SyntheticNoise.Unit(seed, c, r, NoisePurpose.Tumour);
                var odd = SyntheticNoise.Unit(seed, c, r, NoisePurpose.TumourOddity);
                var patchy = SyntheticNoise.Value(seed, c / 3.0, r / 3.0, NoisePurpose.TumourPatchiness);
                var inside = Idc(c - 1, r) && Idc(c + 1, r) && Idc(c, r - 1) && Idc(c, r + 1);
                var beside = Idc(c - 1, r) || Idc(c + 1, r) || Idc(c, r - 1) || Idc(c, r + 1);
                double density;
                if (Idc(c, r))
                    density = odd < 0.05 ? 0.1 * u : (0.25 + 0.75 * (0.4 * u + 0.6 * patchy)) * (inside ? 1 : 0.75);
                else if (beside) density = odd < 0.6 ? 0.45 * u : 0;
                else density = odd < 0.03 ? 0.3 + 0.4 * u : 0;
                tumour[r * region.Columns + c] = density;
            }
        return tumour;
    }

    /// <summary>
    /// The slide's patches; a share of those on the region's right or bottom border are cut short there.
    /// </summary>
    private List<SyntheticPatch> CutEdges(TissueRegion region, bool[] idc, double edgeFraction, Random random)
    {
        var patches = new List<SyntheticPatch>(region.Count);
        var border = new List<int>();
        for (var r = 0; r < region.Rows; r++)
            for (var c = 0; c < region.Columns; c++)
            {
                if (!region.Contains(c, r)) continue;
                if (!region.Contains(c + 1, r) || !region.Contains(c, r + 1)) border.Add(patches.Count);
                patches.Add(new SyntheticPatch(this, c, r, idc[r * region.Columns + c] ? 1 : 0, PatchSize, PatchSize));
            }

        var cut = Math.Min(border.Count, (int)Math.Round(edgeFraction * patches.Count));
        for (var i = 0; i < cut; i++)
        {
            var pick = i + random.Next(border.Count - i);
            (border[i], border[pick]) = (border[pick], border[i]);
            var patch = patches[border[i]];
            var right = !region.Contains(patch.Column + 1, patch.Row);
            var bottom = !region.Contains(patch.Column, patch.Row + 1);
            var side = right && bottom ? random.Next(3) : right ? 0 : 1;
            patches[border[i]] = patch with
            {
                Width = side != 1 ? ShortSide(random) : PatchSize,
                Height = side != 0 ? ShortSide(random) : PatchSize,
            };
        }
        return patches;
    }

    /// <summary>A cut side: usually most of a patch (50x42, 50x30), now and then a sliver (50x1).</summary>
    private int ShortSide(Random random) =>
        random.NextDouble() < 0.15 ? 1 + random.Next(Math.Min(3, PatchSize - 1))
            : PatchSize / 4 + random.Next(PatchSize - PatchSize / 4);
}
