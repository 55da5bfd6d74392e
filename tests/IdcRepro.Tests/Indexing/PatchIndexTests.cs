using IdcRepro.Config;
using IdcRepro.Indexing;

namespace IdcRepro.Tests.Indexing;

public sealed class PatchIndexTests
{
    private static readonly IndexConfig Skip = new() { OnInvalid = InvalidEntryPolicy.Skip };

    private static DatasetEntry E(string path, long length = 100, uint crc = 1) => new(path, length, crc);

    private static PatchIndexResult Build(IndexConfig config, params DatasetEntry[] entries) =>
        PatchIndex.Build(entries, config, (a, b) => a.Crc32 == b.Crc32);

    [Fact]
    public void Parses_patient_position_and_class()
    {
        var result = Build(new IndexConfig(), E("8863/1/8863_idx5_x1001_y1051_class1.png"));
        var patch = Assert.Single(result.Patches);
        Assert.Equal(("8863", 1001, 1051, 1), (patch.Patient, patch.X, patch.Y, patch.Label));
    }

    [Fact]
    public void Order_does_not_depend_on_listing_order()
    {
        DatasetEntry[] entries =
        [
            E("9/1/9_idx5_x51_y1_class1.png"), E("10/0/10_idx5_x1_y51_class0.png"), E("10/0/10_idx5_x51_y1_class0.png"),
            E("9/0/9_idx5_x1_y1_class0.png"), E("10/1/10_idx5_x1_y1_class1.png"),
        ];
        var forward = Build(new IndexConfig(), entries).Patches;
        var backward = Build(new IndexConfig(), [.. entries.Reverse()]).Patches;
        Assert.Equal(forward, backward);
        // patient (as text), class, y, x
        Assert.Equal(
            ["10/0/10_idx5_x51_y1_class0.png", "10/0/10_idx5_x1_y51_class0.png", "10/1/10_idx5_x1_y1_class1.png",
             "9/0/9_idx5_x1_y1_class0.png", "9/1/9_idx5_x51_y1_class1.png"],
            forward.Select(p => p.Path));
    }

    [Theory]
    [InlineData("8863/0/8863_idx5_x1001_y1051_class0.PNG.png")]
    [InlineData("8863/0/8863_x1001_y1051_class0.png")]
    [InlineData("8863/0/8863_idx5_x1001_y1051_class2.png")]
    [InlineData("8863/0/8863_idx5_xA_y1051_class0.png")]
    public void Malformed_name_fails_with_count_and_example(string path)
    {
        var e = Assert.Throws<IndexInvalidException>(() =>
            Build(new IndexConfig(), E(path), E("1/0/1_idx5_x1_y1_class0.png")));
        Assert.Contains("1 malformed file name(s)", e.Message);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Class_folder_that_disagrees_is_reported_or_skipped()
    {
        var wrong = E("8863/0/8863_idx5_x1_y1_class1.png");
        var e = Assert.Throws<IndexInvalidException>(() => Build(new IndexConfig(), wrong));
        Assert.Contains("folder that disagrees", e.Message);

        var skipped = Build(Skip, wrong, E("8863/1/8863_idx5_x51_y1_class1.png"));
        Assert.Single(skipped.Patches);
        Assert.Equal(IndexIssueKind.FolderMismatch, Assert.Single(skipped.Issues).Kind);
    }

    [Fact]
    public void Exact_duplicates_under_another_folder_are_dropped_once()
    {
        var result = Build(new IndexConfig(),
            E("IDC_regular_ps50_idx5/8863/0/8863_idx5_x1_y1_class0.png", 100, 7),
            E("8863/0/8863_idx5_x1_y1_class0.png", 100, 7),
            E("8863/0/8863_idx5_x51_y1_class0.png"));
        Assert.Equal(2, result.Patches.Count);
        Assert.Equal(1, result.ExactDuplicatesDropped);
        Assert.Equal("8863/0/8863_idx5_x1_y1_class0.png", result.Patches[0].Path);
    }

    [Fact]
    public void Same_name_with_other_content_is_a_conflict()
    {
        var e = Assert.Throws<IndexInvalidException>(() => Build(new IndexConfig(),
            E("a/8863/0/8863_idx5_x1_y1_class0.png", 100, 7), E("8863/0/8863_idx5_x1_y1_class0.png", 100, 8)));
        Assert.Contains("conflicting copies", e.Message);
    }

    [Fact]
    public void First_keeps_the_first_n_of_the_sorted_order()
    {
        var result = Build(new IndexConfig { First = 2 },
            E("2/0/2_idx5_x1_y1_class0.png"), E("1/0/1_idx5_x1_y1_class0.png"), E("1/1/1_idx5_x51_y1_class1.png"));
        Assert.Equal(["1", "1"], result.Patches.Select(p => p.Patient));
        Assert.Equal(3, result.PatchesBeforeFirst);
    }

    [Fact]
    public void Folders_and_other_files_are_ignored()
    {
        var result = Build(new IndexConfig(), E("8863/"), E("README.txt"), E("8863/0/8863_idx5_x1_y1_class0.png"));
        Assert.Single(result.Patches);
        Assert.Equal(1, result.OtherFilesIgnored);
    }
}
