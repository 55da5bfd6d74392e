using static TorchSharp.torch;

namespace IdcRepro.Training;

/// <summary>
/// torchvision's colour adjustments (<c>torchvision.transforms.v2.functional</c> on float images) for float N x 3 x H x
/// W RGB batches in 0..1, with one factor per patch (N x 1 x 1 x 1 tensors, or N x 1 x 1 for the hue shift). Each
/// result is clamped to 0..1 as torchvision's blends are. Pure tensor functions: no state, no randomness.
/// </summary>
public static class ColorAdjust
{
    /// <summary>torchvision's rgb_to_grayscale weights (ITU-R BT.601 luma, as PIL's "L" conversion).</summary>
    public const double RedWeight = 0.2989, GreenWeight = 0.587, BlueWeight = 0.114;

    /// <summary>N x 1 x H x W luma: 0.2989 R + 0.587 G + 0.114 B.</summary>
    public static Tensor Grey(Tensor rgb)
    {
        var c = rgb.unbind(1);
        return (c[0] * RedWeight + c[1] * GreenWeight + c[2] * BlueWeight).unsqueeze(1);
    }

    /// <summary>adjust_brightness: the patch times the factor (0 black, 1 unchanged), clamped.</summary>
    public static Tensor Brightness(Tensor rgb, Tensor factor) => (rgb * factor).clamp(0.0, 1.0);

    /// <summary>
    /// adjust_contrast: blended with the patch's mean grey level (0 flat grey, 1 unchanged), clamped.
    /// </summary>
    public static Tensor Contrast(Tensor rgb, Tensor factor) =>
        Blend(rgb, Grey(rgb).mean([1, 2, 3], keepdim: true), factor);

    /// <summary>adjust_saturation: blended with its own grey image (0 grey, 1 unchanged), clamped.</summary>
    public static Tensor Saturation(Tensor rgb, Tensor factor) => Blend(rgb, Grey(rgb), factor);

    /// <summary>
    /// adjust_hue: the hue (in HSV, 0..1 around the wheel) shifted by <paramref name="shift"/> (N x 1 x 1) modulo 1.
    /// </summary>
    public static Tensor Hue(Tensor rgb, Tensor shift)
    {
        var hsv = RgbToHsv(rgb).unbind(1);
        var h = (hsv[0] + shift).remainder(1.0);
        return HsvToRgb(h, hsv[1], hsv[2]);
    }

    /// <summary>
    /// The four in <see cref="ColorJitter"/>'s order: brightness, contrast, saturation, hue, skipping those turned off.
    /// <paramref name="factors"/> is N x 4 (brightness, contrast, saturation, hue shift per patch).
    /// </summary>
    public static Tensor Apply(Tensor rgb, Tensor factors, bool brightness, bool contrast, bool saturation, bool hue)
    {
        var f = factors.unbind(1);
        if (brightness) rgb = Brightness(rgb, f[0].view(-1, 1, 1, 1));
        if (contrast) rgb = Contrast(rgb, f[1].view(-1, 1, 1, 1));
        if (saturation) rgb = Saturation(rgb, f[2].view(-1, 1, 1, 1));
        if (hue) rgb = Hue(rgb, f[3].view(-1, 1, 1));
        return rgb;
    }

    private static Tensor Blend(Tensor image, Tensor other, Tensor ratio) =>
        (ratio * image + (1.0 - ratio) * other).clamp(0.0, 1.0);

    /// <summary>torchvision's _rgb2hsv: N x 3 x H x W of (h, s, v), h in 0..1.</summary>
    private static Tensor RgbToHsv(Tensor rgb)
    {
        var c = rgb.unbind(1);
        var (r, g, b) = (c[0], c[1], c[2]);
        var maxc = rgb.amax([1]);
        var minc = rgb.amin([1]);
        var eqc = maxc.eq(minc);
        var cr = maxc - minc;
        var ones = ones_like(maxc);
        var s = cr / where(eqc, ones, maxc);
        var crDivisor = where(eqc, ones, cr);
        var rc = (maxc - r) / crDivisor;
        var gc = (maxc - g) / crDivisor;
        var bc = (maxc - b) / crDivisor;
        var hr = maxc.eq(r).to_type(rgb.dtype) * (bc - gc);
        var hg = (maxc.eq(g) & maxc.ne(r)).to_type(rgb.dtype) * (2.0 + rc - bc);
        var hb = (maxc.ne(g) & maxc.ne(r)).to_type(rgb.dtype) * (4.0 + gc - rc);
        var h = (hr + hg + hb) / 6.0;
        h = (h + 1.0).fmod(1.0);
        return stack([h, s, maxc], 1);
    }

    /// <summary>torchvision's _hsv2rgb (its one-hot sum of the six sectors written as a gather).</summary>
    private static Tensor HsvToRgb(Tensor h, Tensor s, Tensor v)
    {
        var sector = (h * 6.0).floor();
        var f = h * 6.0 - sector;
        var i = sector.to_type(ScalarType.Int64).remainder(6).unsqueeze(1);
        var p = (v * (1.0 - s)).clamp(0.0, 1.0);
        var q = (v * (1.0 - s * f)).clamp(0.0, 1.0);
        var t = (v * (1.0 - s * (1.0 - f))).clamp(0.0, 1.0);
        var red = stack([v, q, p, p, t, v], 1).gather(1, i);
        var green = stack([t, v, v, q, p, p], 1).gather(1, i);
        var blue = stack([p, p, t, v, v, q], 1).gather(1, i);
        return cat([red, green, blue], 1);
    }
}
