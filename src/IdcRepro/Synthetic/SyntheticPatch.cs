using System.Globalization;

namespace IdcRepro.Synthetic;

/// <summary>
/// One patch of a synthetic slide: its grid cell, class and size (smaller than the full side at the region's edge).
/// </summary>
internal sealed record SyntheticPatch(SyntheticSlide Slide, int Column, int Row, int Label, int Width, int Height)
{
    /// <summary>
    /// The slide x of the patch's top-left pixel, as in the real names (multiples of the side, plus 1).
    /// </summary>
    public int X => Column * Slide.PatchSize + 1;

    public int Y => Row * Slide.PatchSize + 1;

    /// <summary>
    /// The zip entry name in the original layout:
    /// <c>&lt;patient&gt;/&lt;class&gt;/&lt;patient&gt;_idx5_x&lt;X&gt;_y&lt;Y&gt;_class&lt;C&gt;.png</c>.
    /// </summary>
    public string EntryName => string.Create(CultureInfo.InvariantCulture,
        $"{Slide.PatientId}/{Label}/{Slide.PatientId}_idx5_x{X}_y{Y}_class{Label}.png");
}
