using IdcRepro.Data;

namespace IdcRepro.Reporting.Panels;

/// <summary>
/// Where each of a patient's patches goes on a canvas that rebuilds the slide region they cover: the region's
/// top-left patch corner is pixel (0, 0), and one slide pixel becomes <see cref="Cell"/> / patch size canvas pixels,
/// with <see cref="Cell"/> the largest whole number of pixels per patch (at most the patch size: never enlarged)
/// that keeps the canvas within the maximum width and height.
/// </summary>
public sealed record TissueLayout(int OriginX, int OriginY, int PatchSize, int Cell, int Width, int Height)
{
    /// <exception cref="ArgumentException">No patches.</exception>
    public static TissueLayout For(IReadOnlyCollection<Patch> patches, int patchSize, int maxWidth, int maxHeight)
    {
        if (patches.Count == 0) throw new ArgumentException("A tissue map needs at least one patch.", nameof(patches));
        ArgumentOutOfRangeException.ThrowIfLessThan(patchSize, 1);
        var minX = patches.Min(p => p.X);
        var minY = patches.Min(p => p.Y);
        var spanX = patches.Max(p => p.X) - minX + patchSize;
        var spanY = patches.Max(p => p.Y) - minY + patchSize;
        var scale = Math.Min(1.0, Math.Min((double)maxWidth / spanX, (double)maxHeight / spanY));
        var cell = Math.Max(1, (int)Math.Floor(patchSize * scale));
        return new TissueLayout(minX, minY, patchSize, cell,
            (int)Math.Ceiling((double)spanX * cell / patchSize), (int)Math.Ceiling((double)spanY * cell / patchSize));
    }

    /// <summary>The canvas pixel of <paramref name="patch"/>'s top-left corner.</summary>
    public (int X, int Y) PixelOf(Patch patch) =>
        ((int)Math.Round((double)(patch.X - OriginX) * Cell / PatchSize),
            (int)Math.Round((double)(patch.Y - OriginY) * Cell / PatchSize));
}
