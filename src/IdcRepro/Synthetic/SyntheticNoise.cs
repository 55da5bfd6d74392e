namespace IdcRepro.Synthetic;

/// <summary>
/// Counter-based randomness for the synthetic slides: every value is a hash of (slide seed, position, purpose),
/// so a pixel or a nucleus looks the same whichever patch, thread or order asks for it. Integer arithmetic and
/// IEEE +, -, *, / and floor only, so the values are the same on every CPU.
/// </summary>
internal static class SyntheticNoise
{
    /// <summary>SplitMix64's finaliser: a strong 64-bit mix.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Hash(ulong seed, long a, long b, NoisePurpose purpose) =>
        Mix(
            seed ^ ((ulong)a * 0xD6E8FEB86659FD93UL + (ulong)b * 0xA0761D6478BD642FUL
            + (ulong)purpose * 0xE7037ED1A0B428DBUL));

    /// <summary>A uniform number in [0, 1) from the top 53 bits of a hash.</summary>
    public static double Unit(ulong hash) => (hash >> 11) * (1.0 / (1UL << 53));

    public static double Unit(ulong seed, long a, long b, NoisePurpose purpose) => Unit(Hash(seed, a, b, purpose));

    /// <summary>Smooth value noise in [0, 1): hashed lattice values blended with a smoothstep.</summary>
    public static double Value(ulong seed, double x, double y, NoisePurpose purpose)
    {
        var fx = Math.Floor(x);
        var fy = Math.Floor(y);
        var ix = (long)fx;
        var iy = (long)fy;
        var tx = Smooth(x - fx);
        var ty = Smooth(y - fy);
        var top = Lerp(Unit(seed, ix, iy, purpose), Unit(seed, ix + 1, iy, purpose), tx);
        var bottom = Lerp(Unit(seed, ix, iy + 1, purpose), Unit(seed, ix + 1, iy + 1, purpose), tx);
        return Lerp(top, bottom, ty);
    }

    public static double Smooth(double t) => t * t * (3 - 2 * t);

    /// <summary>0 below <paramref name="from"/>, 1 above <paramref name="to"/>, a smooth ramp between.</summary>
    public static double Step(double from, double to, double value) =>
        value <= from ? 0 : value >= to ? 1 : Smooth((value - from) / (to - from));

    public static double Lerp(double a, double b, double t) => a + (b - a) * t;
}

/// <summary>What a hashed random value is for: each purpose draws its own independent stream from a seed.</summary>
internal enum NoisePurpose : ulong
{
    PatientSeed = 1,
    RegionRandom,
    SlideRandom,
    IdcWeight,
    Outline,
    OutlineDetail,
    IdcRaggedness,
    Tumour,
    TumourPatchiness,
    TumourOddity,
    WarpX,
    WarpY,
    FibreTurn,
    Fat,
    Fibre,
    CrossFibre,
    FibreMottle,
    Fine,
    Nest,
    NestDetail,
    Lymphocytes,
    Nucleus,
    Chromatin,
    Grain,
    Adipocyte,
}
