using IdcRepro.Pipeline;
using IdcRepro.Preprocess;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Pipeline;

/// <summary>
/// Keys follow content, not names: a dataset with the same file names but other pixels reruns Preprocess (and what
/// follows), from a zip or a folder, even when the changed file keeps its size and modification time.
/// </summary>
public sealed class SourceContentTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static readonly string[] Patients = ["1", "2", "3", "4"];

    private byte[] Pixels(string relativePath, byte red) => TinyDataset.Png(r: red, g: 60, b: 160);

    private string[] Ran(string config, params string[] sets) =>
        new TestRun(config, _temp.PathOf("artifacts"), sets).Through(Graph.Split);

    private string ImagesSha(string config, params string[] sets) =>
        Hashing.FileSha256(new TestRun(config, _temp.PathOf("artifacts"), sets)
            .Read(Graph.Preprocess, PreprocessStage.Read).ImagesPath);

    [Fact]
    public void A_zip_with_the_same_names_and_other_pixels_reruns_preprocess()
    {
        var zip = _temp.PathOf("data.zip");
        TinyDataset.WriteZip(zip, TinyDataset.Names(Patients), name => Pixels(name, 200));
        var config = _temp.File("zip.yaml", $"name: z\ndata:\n  source: zip\n  path: {zip}\n");
        Assert.Equal(["Fetch", "Index", "Preprocess", "Split"], Ran(config));
        var before = ImagesSha(config);

        // Re-exported with one patch repaired: same names, same labels, other pixels.
        File.Delete(zip);
        TinyDataset.WriteZip(zip, TinyDataset.Names(Patients), name => Pixels(name,
            name.StartsWith("2/0/2_idx5_x1_y1", StringComparison.Ordinal) ? (byte)10 : (byte)200));

        var ran = Ran(config);
        Assert.Contains("Preprocess", ran);
        Assert.NotEqual(before, ImagesSha(config));
    }

    [Fact]
    public void A_folder_file_changed_in_place_with_its_size_and_time_put_back_reruns_preprocess()
    {
        foreach (var name in TinyDataset.Names(Patients))
            File.WriteAllBytes(_temp.File("data/" + name), Pixels(name, 200));
        var config = _temp.File("dir.yaml", $"name: d\ndata:\n  source: directory\n  path: {_temp.PathOf("data")}\n");
        Assert.Equal(["Fetch", "Index", "Preprocess", "Split"], Ran(config));
        Assert.Empty(Ran(config));
        var before = ImagesSha(config);

        // Same size (a one-colour PNG of another red compresses alike), same modification time: only its content
        // differs.
        var patch = _temp.PathOf("data/" + TinyDataset.Names(Patients).First());
        var (size, written) = (new FileInfo(patch).Length, File.GetLastWriteTimeUtc(patch));
        var repaired = Pixels(patch, 201);
        Assert.Equal(size, repaired.Length);
        File.WriteAllBytes(patch, repaired);
        File.SetLastWriteTimeUtc(patch, written);

        Assert.Contains("Preprocess", Ran(config));
        Assert.NotEqual(before, ImagesSha(config));
    }

    [Fact]
    public void A_changed_patch_that_no_stage_keeps_stops_the_cascade_at_preprocess()
    {
        var zip = _temp.PathOf("data.zip");
        TinyDataset.WriteZip(zip, TinyDataset.Names(Patients), name => Pixels(name, 200));
        var config = _temp.File("zip.yaml", $"name: z\ndata:\n  source: zip\n  path: {zip}\nindex:\n  first: 12\n");
        Ran(config);

        // The last patient's patches are beyond the first 12 of the sorted index: their pixels never reach the cache.
        File.Delete(zip);
        TinyDataset.WriteZip(zip, TinyDataset.Names(Patients), name => Pixels(name,
            name.StartsWith("4/", StringComparison.Ordinal) ? (byte)10 : (byte)200));

        Assert.Equal(["Fetch", "Index", "Preprocess"], Ran(config));
    }
}
