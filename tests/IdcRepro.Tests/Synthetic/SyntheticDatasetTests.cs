using IdcRepro.Synthetic;
using SixLabors.ImageSharp.Formats.Png;

namespace IdcRepro.Tests.Synthetic;

/// <summary>
/// The demo dataset (the default synthetic config), written once for the class and checked as a user relies on it.
/// <see cref="SyntheticDatasetVariantsTests"/> covers determinism and other settings on smaller configs.
/// </summary>
public sealed class SyntheticDatasetTests(SyntheticZip data) : IClassFixture<SyntheticZip>
{
    /// <summary>
    /// The SHA-256 of the default config's zip. It keys every cached stage of the demo run, so it must never drift
    /// silently: change it only with a deliberate change to the generator (and say so in the commit).
    /// </summary>
    private const string DefaultSha256 = "61c5c592f3cd91fffcef54e7c581c85b1aff03c0c20231d5c1ec742553d2078a";

    private int PatchSize => data.Config.PatchSize;

    [Fact]
    public void TheDefaultConfig_GivesTheRecordedBytes() => Assert.Equal(DefaultSha256, data.Sha256);

    [Fact]
    public void EveryEntryName_FollowsTheOriginalLayout()
    {
        Assert.NotEmpty(data.Entries);
        Assert.All(data.Entries, e => Assert.Matches(SyntheticZip.EntryName(), e.Name));
        Assert.All(data.Entries, e =>
        {
            Assert.Equal(1, e.X % PatchSize);
            Assert.Equal(1, e.Y % PatchSize);
            Assert.InRange(e.X, 1, (data.Config.GridColumns - 1) * PatchSize + 1);
            Assert.InRange(e.Y, 1, (data.Config.GridRows - 1) * PatchSize + 1);
        });
        Assert.Equal(data.Entries.Count, data.Entries.Select(e => (e.Patient, e.X, e.Y)).Distinct().Count());
    }

    [Fact]
    public void Entries_AreStored_InOrdinalOrder_WithAFixedDate()
    {
        var names = data.Entries.Select(e => e.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(data.Entries, e => Assert.True(e.Stored, $"{e.Name} is compressed"));
        Assert.All(data.Entries, e => Assert.Equal(new DateTime(2019, 1, 1), e.Modified.DateTime));
    }

    [Fact]
    public void PatientIds_AreDistinctFourOrFiveDigitNumbers()
    {
        var patients = Patients();
        Assert.Equal(data.Config.Patients, patients.Count);
        Assert.All(patients, p => Assert.Matches(@"^[1-9]\d{3,4}$", p));
    }

    [Fact]
    public void TheSummary_CountsWhatIsInTheZip()
    {
        Assert.Equal(new SyntheticSummary(
                Patients().Count, data.Entries.Count, data.Entries.Count(e => e.Label == 0),
                data.Entries.Count(e => e.Label == 1)),
            data.Summary);
    }

    [Fact]
    public void TheShareOfIdcPatches_IsCloseToTheTarget()
    {
        var share = data.Entries.Count(e => e.Label == 1) / (double)data.Entries.Count;
        Assert.InRange(share, data.Config.IdcFraction - 0.05, data.Config.IdcFraction + 0.05);
    }

    [Fact]
    public void EachRegion_IsAnIrregularBlob_NotTheWholeGrid()
    {
        foreach (var patient in data.Entries.GroupBy(e => e.Patient))
        {
            var columns = patient.Select(e => e.X).Distinct().Count();
            var rows = patient.Select(e => e.Y).Distinct().Count();
            Assert.True(patient.Count() < columns * rows, $"patient {patient.Key} fills its bounding box");
            Assert.True(patient.Count() >= 0.2 * data.Config.GridColumns * data.Config.GridRows,
                $"patient {patient.Key} has little tissue");
        }
    }

    [Fact]
    public void IdcPatches_LieInOneOrTwoClumpsPerPatient()
    {
        foreach (var patient in data.Entries.GroupBy(e => e.Patient))
        {
            var idc = patient.Where(e => e.Label == 1).Select(e => (e.X, e.Y)).ToHashSet();
            Assert.NotEmpty(idc);
            Assert.InRange(Clumps(idc), 1, 2);
        }
    }

    [Fact]
    public void SomeEdgePatches_AreCutShort_OnlyWhereTheRegionEndsToTheirRightOrBottom()
    {
        var all = data.Entries.Select(e => (e.Patient, e.X, e.Y)).ToHashSet();
        var cut = data.Entries.Where(e => e.Pixels.Width < PatchSize || e.Pixels.Height < PatchSize).ToList();
        Assert.InRange(cut.Count, 1, Math.Max(1, 2 * data.Config.EdgeFraction * data.Entries.Count));
        Assert.All(data.Entries, e => Assert.True(e.Pixels.Width <= PatchSize && e.Pixels.Height <= PatchSize));
        Assert.All(cut, e =>
        {
            if (e.Pixels.Width < PatchSize) Assert.DoesNotContain((e.Patient, e.X + PatchSize, e.Y), all);
            if (e.Pixels.Height < PatchSize) Assert.DoesNotContain((e.Patient, e.X, e.Y + PatchSize), all);
        });
    }

    [Fact]
    public void EveryPatch_IsAn8BitRgbPng()
    {
        Assert.All(data.Entries, e =>
        {
            Assert.Equal(PngColorType.Rgb, e.ColorType);
            Assert.Equal(PngBitDepth.Bit8, e.BitDepth);
        });
    }

    [Fact]
    public void IdcPatches_AreDarkerAndMorePurple_ThanTheOthers()
    {
        var (brightness0, purple0) = MeanColour(0);
        var (brightness1, purple1) = MeanColour(1);
        // Haematoxylin (nuclei) takes red away far more than eosin (stroma) does: purple is blue over red.
        Assert.True(brightness1 < brightness0 - 10, $"IDC brightness {brightness1:F1}, non-IDC {brightness0:F1}");
        Assert.True(purple1 > purple0 + 10, $"IDC blue minus red {purple1:F1}, non-IDC {purple0:F1}");
    }

    private List<string> Patients() => data.Entries.Select(e => e.Patient).Distinct().Order().ToList();

    private (double Brightness, double Purple) MeanColour(int label)
    {
        double brightness = 0, purple = 0;
        long pixels = 0;
        foreach (var entry in data.Entries.Where(e => e.Label == label))
            entry.Pixels.ProcessPixelRows(rows =>
            {
                for (var y = 0; y < rows.Height; y++)
                    foreach (var p in rows.GetRowSpan(y))
                    {
                        brightness += (p.R + p.G + p.B) / 3.0;
                        purple += p.B - p.R;
                        pixels++;
                    }
            });
        return (brightness / pixels, purple / pixels);
    }

    /// <summary>How many 4-connected groups the patch positions form.</summary>
    private int Clumps(HashSet<(int X, int Y)> cells)
    {
        var seen = new HashSet<(int, int)>();
        var clumps = 0;
        foreach (var start in cells)
        {
            if (!seen.Add(start)) continue;
            clumps++;
            var stack = new Stack<(int X, int Y)>([start]);
            while (stack.TryPop(out var c))
                foreach (var n in new[] { (c.X - PatchSize, c.Y), (c.X + PatchSize, c.Y),
                    (c.X, c.Y - PatchSize), (c.X, c.Y + PatchSize) })
                    if (cells.Contains(n) && seen.Add(n)) stack.Push(n);
        }
        return clumps;
    }
}
