using IdcRepro.Data;
using IdcRepro.Reporting;
using IdcRepro.Reporting.Panels;
using SixLabors.ImageSharp.PixelFormats;

namespace IdcRepro.Tests.Reporting;

public sealed class TissueMapTests
{
    private static Patch At(int x, int y, int label = 0, string patient = "p") =>
        new($"{patient}_idx5_x{x}_y{y}_class{label}.png", patient, x, y, label);

    [Fact]
    public void Layout_puts_the_region_corner_at_the_origin_and_keeps_the_50_pixel_step()
    {
        var layout = TissueLayout.For([At(1001, 651), At(1101, 651), At(1051, 751)],
            patchSize: 50, maxWidth: 800, maxHeight: 800);
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
        var region = Region(patches.Select(p => new RegionPatch(p, p.Label == 1 ? 0.9 : 0.1)).ToList());

        using var map = PngAssert.Decodes(TissueMap.Render(region));
        var layout = TissueLayout.For(patches, 50, 360, 360);
        Assert.Equal((100, 50), layout.PixelOf(patches[4]));

        var (left, top) = TissueMap.PanelOrigin(0, layout);
        Assert.Equal(new Rgb24(255, 0, 0), map[left + 100, top + 50]);      // the red patch's top-left pixel
        Assert.Equal(new Rgb24(255, 0, 0), map[left + 149, top + 99]);      // ... and its bottom-right one
        // its left neighbour (101, 101) has no patch: unknown grey
        Assert.Equal(TissueMap.Unknown, map[left + 99, top + 50]);
        Assert.Equal(new Rgb24(128, 128, 128), map[left + 75, top + 25]);   // (101, 51) has one
        Assert.Equal(new Rgb24(128, 128, 128), map[left, top]);             // the region's corner, (51, 51)

        // Ground-truth panel: the red IDC patch tinted with the IDC colour; P1 panel: tinted with the ramp at 0.9.
        var (truthLeft, _) = TissueMap.PanelOrigin(1, layout);
        Assert.Equal(ColorRamp.Mix(new Rgb24(255, 0, 0), ColorRamp.Idc, TissueMap.TintOpacity),
            map[truthLeft + 120, top + 70]);
        Assert.Equal(ColorRamp.Mix(new Rgb24(128, 128, 128), ColorRamp.NonIdc, TissueMap.TintOpacity),
            map[truthLeft + 10, top + 10]);
        var (scoreLeft, _) = TissueMap.PanelOrigin(2, layout);
        Assert.Equal(ColorRamp.Mix(new Rgb24(255, 0, 0), ColorRamp.At(0.9), TissueMap.TintOpacity),
            map[scoreLeft + 120, top + 70]);
    }

    [Fact]
    public void A_patch_the_model_trained_on_is_drawn_flat_in_the_p1_panel_and_whole_in_the_others()
    {
        Patch[] patches = [At(51, 51), At(101, 51, label: 1)];
        var region = Region([new RegionPatch(patches[0], 0.2), new RegionPatch(patches[1], null)]);
        Assert.Equal(1, region.Scored);

        using var map = PngAssert.Decodes(TissueMap.Render(region));
        var layout = TissueLayout.For(patches, 50, 360, 360);
        var (left, top) = TissueMap.PanelOrigin(0, layout);
        var (truthLeft, _) = TissueMap.PanelOrigin(1, layout);
        var (scoreLeft, _) = TissueMap.PanelOrigin(2, layout);
        Assert.Equal(new Rgb24(255, 0, 0), map[left + 70, top + 20]);        // its tissue
        Assert.Equal(ColorRamp.Mix(new Rgb24(255, 0, 0), ColorRamp.Idc, TissueMap.TintOpacity),
            map[truthLeft + 70, top + 20]);                                  // its label
        Assert.Equal(TissueMap.NotHeldOut, map[scoreLeft + 70, top + 20]);   // no P1
        Assert.Equal(ColorRamp.Mix(new Rgb24(128, 128, 128), ColorRamp.At(0.2), TissueMap.TintOpacity),
            map[scoreLeft + 20, top + 20]);
    }

    [Fact]
    public void Patients_with_the_most_scored_patches_are_mapped_first_per_set_ties_by_id()
    {
        PatientRegion R(string patient, int scored, string source = "test") =>
            Region(Enumerable.Range(0, scored).Select(k => new RegionPatch(At(1 + 50 * k, 1, patient: patient), 0.5))
                .Append(new RegionPatch(At(1, 51, patient: patient), null)).ToList(), patient, source);
        var regions = new[] { R("b", 2), R("c", 2), R("a", 1), R("d", 3), R("x", 1, "external set e"),
            R("y", 2, "external set e") };
        Assert.Equal(["d", "b", "c", "y", "x"], TissueMapPicker.Pick(regions, 3).Select(r => r.Patient));
        Assert.Equal(["d", "y"], TissueMapPicker.Pick(regions, 1).Select(r => r.Patient));
        Assert.Equal(6, TissueMapPicker.Pick(regions, 10).Count);
    }

    [Fact]
    public void Map_of_the_fake_run_renders_three_panels_with_legends()
    {
        var run = FakeRun.Report();
        var region = run.Regions.Single(r => r.Patient == "10253");
        using var map = PngAssert.Decodes(TissueMap.Render(region));
        var layout = TissueLayout.For(region.Patches.Select(p => p.Patch).ToArray(), 50, 360, 360);
        Assert.True(map.Width >= 3 * layout.Width && map.Height > layout.Height);
    }

    /// <summary>A region of solid patches: red for IDC, grey for non-IDC.</summary>
    private static PatientRegion Region(IReadOnlyList<RegionPatch> patches, string patient = "p",
        string source = "test") =>
        new(patient, source, patches, new SolidPixels(patches,
            i => patches[i].Patch.Label == 1 ? new Rgb24(255, 0, 0) : new Rgb24(128, 128, 128)), null, null);

    /// <summary>Patches of one colour each.</summary>
    private sealed class SolidPixels(IReadOnlyList<RegionPatch> patches, Func<int, Rgb24> colour) : IPatchPixels
    {
        public int Size => 50;

        public byte[] ReadRgb(int predictionIndex)
        {
            _ = patches[predictionIndex];
            var c = colour(predictionIndex);
            return Enumerable.Repeat(new[] { c.R, c.G, c.B }, 50 * 50).SelectMany(b => b).ToArray();
        }
    }
}
