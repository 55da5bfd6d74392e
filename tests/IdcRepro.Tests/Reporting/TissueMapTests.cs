using IdcRepro.Data;
using IdcRepro.Reporting;
using IdcRepro.Reporting.Panels;
using SixLabors.ImageSharp.PixelFormats;

namespace IdcRepro.Tests.Reporting;

public sealed class TissueMapTests
{
    private static Patch At(int x, int y, int label = 0, string patient = "p") => new($"{patient}_idx5_x{x}_y{y}_class{label}.png", patient, x, y, label);

    [Fact]
    public void Layout_puts_the_region_corner_at_the_origin_and_keeps_the_50_pixel_step()
    {
        var layout = TissueLayout.For([At(1001, 651), At(1101, 651), At(1051, 751)], patchSize: 50, maxWidth: 800, maxHeight: 800);
        Assert.Equal(50, layout.Cell);
        Assert.Equal((150, 150), (layout.Width, layout.Height));
        Assert.Equal((0, 0), layout.PixelOf(At(1001, 651)));
        Assert.Equal((100, 0), layout.PixelOf(At(1101, 651)));
        Assert.Equal((50, 100), layout.PixelOf(At(1051, 751)));
    }

    [Fact]
    public void Layout_shrinks_a_wide_region_to_whole_pixels_per_patch_within_the_limit()
    {
        // 40 columns x 50 px = 2000 px wide; at most 800 px: 20 px a patch, 800 px in all.
        var patches = Enumerable.Range(0, 40).Select(c => At(1 + 50 * c, 1)).Append(At(1, 1 + 50 * 9)).ToArray();
        var layout = TissueLayout.For(patches, 50, maxWidth: 800, maxHeight: 800);
        Assert.Equal(20, layout.Cell);
        Assert.Equal((800, 200), (layout.Width, layout.Height));
        Assert.Equal((13 * 20, 0), layout.PixelOf(At(1 + 50 * 13, 1)));
        Assert.Equal((0, 180), layout.PixelOf(At(1, 451)));
    }

    [Fact]
    public void Map_draws_a_known_patch_at_its_offset_in_every_panel()
    {
        // Four grey patches and one pure red one at slide (151, 101): two columns right, one row down of (51, 51).
        Patch[] patches = [At(51, 51), At(101, 51), At(151, 51), At(51, 101), At(151, 101, label: 1)];
        var predictions = patches.Select(p => new ScoredPatch(p, p.Label == 1 ? 0.9 : 0.1, p.Label)).ToList();
        var pixels = new SolidPixels(predictions, i => predictions[i].Label == 1 ? new Rgb24(255, 0, 0) : new Rgb24(128, 128, 128));

        using var map = PngAssert.Decodes(TissueMap.Render("p", predictions, pixels));
        var layout = TissueLayout.For(patches, 50, 360, 360);
        Assert.Equal((100, 50), layout.PixelOf(patches[4]));

        var (left, top) = TissueMap.PanelOrigin(0, layout);
        Assert.Equal(new Rgb24(255, 0, 0), map[left + 100, top + 50]);      // the red patch's top-left pixel
        Assert.Equal(new Rgb24(255, 0, 0), map[left + 149, top + 99]);      // ... and its bottom-right one
        Assert.Equal(TissueMap.Unknown, map[left + 99, top + 50]);          // its left neighbour (101, 101) has no patch: unknown grey
        Assert.Equal(new Rgb24(128, 128, 128), map[left + 75, top + 25]);   // (101, 51) has one
        Assert.Equal(new Rgb24(128, 128, 128), map[left, top]);             // the region's corner, (51, 51)

        // Ground-truth panel: the red IDC patch tinted with the IDC colour; P1 panel: tinted with the ramp at 0.9.
        var (truthLeft, _) = TissueMap.PanelOrigin(1, layout);
        Assert.Equal(ColorRamp.Mix(new Rgb24(255, 0, 0), ColorRamp.Idc, TissueMap.TintOpacity), map[truthLeft + 120, top + 70]);
        Assert.Equal(ColorRamp.Mix(new Rgb24(128, 128, 128), ColorRamp.NonIdc, TissueMap.TintOpacity), map[truthLeft + 10, top + 10]);
        var (scoreLeft, _) = TissueMap.PanelOrigin(2, layout);
        Assert.Equal(ColorRamp.Mix(new Rgb24(255, 0, 0), ColorRamp.At(0.9), TissueMap.TintOpacity), map[scoreLeft + 120, top + 70]);
    }

    [Fact]
    public void Patients_with_the_most_test_patches_are_mapped_first_ties_by_id()
    {
        ScoredPatch S(string patient, int k) => new(At(1 + 50 * k, 1, patient: patient), 0.5, 0);
        var predictions = new[] { S("b", 0), S("b", 1), S("c", 0), S("a", 0), S("c", 1), S("d", 0), S("d", 1), S("d", 2) };
        Assert.Equal(["d", "b", "c"], TissueMapPicker.Pick(predictions, 3));
        Assert.Equal(["d", "b", "c", "a"], TissueMapPicker.Pick(predictions, 10));
    }

    [Fact]
    public void Map_of_the_fake_run_renders_three_panels_with_legends()
    {
        var run = FakeRun.Report();
        using var map = PngAssert.Decodes(TissueMap.Render("10253", run.Predictions, run.Pixels!));
        var layout = TissueLayout.For(run.Predictions.Where(p => p.Patch.Patient == "10253").Select(p => p.Patch).ToArray(), 50, 360, 360);
        Assert.True(map.Width >= 3 * layout.Width && map.Height > layout.Height);
    }

    /// <summary>Patches of one colour each.</summary>
    private sealed class SolidPixels(IReadOnlyList<ScoredPatch> predictions, Func<int, Rgb24> colour) : IPatchPixels
    {
        public int Size => 50;

        public byte[] ReadRgb(int predictionIndex)
        {
            _ = predictions[predictionIndex];
            var c = colour(predictionIndex);
            return Enumerable.Repeat(new[] { c.R, c.G, c.B }, 50 * 50).SelectMany(b => b).ToArray();
        }
    }
}
