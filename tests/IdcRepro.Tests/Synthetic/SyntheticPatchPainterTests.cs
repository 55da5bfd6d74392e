using IdcRepro.Config;
using IdcRepro.Synthetic;

namespace IdcRepro.Tests.Synthetic;

public sealed class SyntheticPatchPainterTests
{
    private static readonly SyntheticSlide Slide =
        SyntheticDataset.Slides(new SyntheticConfig { Patients = 2, GridColumns = 8, GridRows = 8 })[0];

    [Fact]
    public void ACutShortPatch_IsTheTopLeftOfTheFullPatch()
    {
        var full = Slide.Patches.First(p => p.Width == p.Slide.PatchSize && p.Height == p.Slide.PatchSize);
        var cut = full with { Width = 31, Height = 7 };

        var fullPixels = SyntheticPatchPainter.Paint(full);
        var cutPixels = SyntheticPatchPainter.Paint(cut);

        for (var y = 0; y < cut.Height; y++)
            Assert.Equal(fullPixels.AsSpan(y * full.Width * 3, cut.Width * 3).ToArray(),
                cutPixels.AsSpan(y * cut.Width * 3, cut.Width * 3).ToArray());
    }

    [Fact]
    public void APatch_LooksTheSame_WhicheverOrderPatchesArePainted()
    {
        var patches = Slide.Patches.Take(6).ToList();
        var forward = patches.Select(SyntheticPatchPainter.Paint).ToList();
        var backward = Enumerable.Reverse(patches).Select(SyntheticPatchPainter.Paint).Reverse().ToList();
        Assert.Equal(forward, backward);
    }
}
