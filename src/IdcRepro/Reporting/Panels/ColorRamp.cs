using SixLabors.ImageSharp.PixelFormats;

namespace IdcRepro.Reporting.Panels;

/// <summary>
/// The colours of the tissue maps: non-IDC blue, IDC red (as in the plots), and a ramp for P1 from that blue at 0
/// through pale yellow at 0.5 to that red at 1, so the ground-truth and P1 panels read alike.
/// </summary>
public static class ColorRamp
{
    public static readonly Rgb24 NonIdc = new(0x2b, 0x8c, 0xbe);
    public static readonly Rgb24 Idc = new(0xd7, 0x30, 0x1f);
    public static readonly Rgb24 Middle = new(0xff, 0xf3, 0xb0);

    /// <summary>The ramp's colour at <paramref name="p1"/>, clamped to [0, 1].</summary>
    public static Rgb24 At(double p1)
    {
        var t = Math.Clamp(p1, 0, 1);
        return t < 0.5 ? Mix(NonIdc, Middle, t * 2) : Mix(Middle, Idc, (t - 0.5) * 2);
    }

    /// <summary>(1 - t) a + t b, per channel.</summary>
    public static Rgb24 Mix(Rgb24 a, Rgb24 b, double t)
    {
        byte M(byte x, byte y) => (byte)Math.Round(x + (y - x) * t);
        return new Rgb24(M(a.R, b.R), M(a.G, b.G), M(a.B, b.B));
    }
}
