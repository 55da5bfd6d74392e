using System.Text.Json;
using System.Text.Json.Nodes;
using IdcRepro.Pipeline;
using IdcRepro.Preprocess;
using IdcRepro.Tests.TestSupport;
using IdcRepro.Tests.Training;

namespace IdcRepro.Tests.Pipeline;

/// <summary>
/// Outputs are checked against their stamps before anything trusts them: a same-size change (even with its modification
/// time put back) or an edited stamp is named in one line and the output made again; never used, never "up to date".
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class DamagedOutputTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly string _config;

    public DamagedOutputTests() => _config = TestRuns.TinySyntheticConfig(_temp);

    public void Dispose() => _temp.Dispose();

    private static readonly string[] Quick = ["train.epochs=1", "train.threads=2", "evaluate.bootstrap_resamples=20"];

    private TestRun Run() => new(_config, _temp.PathOf("artifacts"), Quick);

    /// <summary>
    /// Overwrites bytes in the middle of a file, keeping its size and putting its modification time back.
    /// </summary>
    private static void DamageKeepingSizeAndTime(string path)
    {
        var written = File.GetLastWriteTimeUtc(path);
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = stream.Length / 2;
            stream.Write(new byte[Math.Min(4096, stream.Length / 4)]);
        }
        File.SetLastWriteTimeUtc(path, written);
    }

    [Fact]
    public void A_same_size_change_to_images_npy_is_caught_and_the_cache_remade_before_anything_reads_it()
    {
        var first = Run();
        first.Through(Graph.Evaluate);
        var images = Path.Combine(first.Folder(Graph.Preprocess), PreprocessStage.ImagesFile);
        var sha = Hashing.FileSha256(images);
        DamageKeepingSizeAndTime(images);

        var again = Run();
        // remade; its content is the same, so nothing below reruns
        Assert.Equal(["Preprocess"], again.Through(Graph.Evaluate));
        Assert.Contains("Preprocess: the cached output was damaged (images.npy's content differs from its stamp " +
            "(SHA-256)), so it was remade", again.Output);
        Assert.Equal(sha, Hashing.FileSha256(images));
    }

    [Fact]
    public void A_damaged_best_pt_is_remade_before_a_forced_evaluate_uses_it()
    {
        var first = Run();
        first.Through(Graph.Evaluate);
        var metrics = File.ReadAllText(Path.Combine(first.Folder(Graph.Evaluate), "metrics.json"));
        var best = Path.Combine(first.Folder(Graph.Train), "best.pt");
        DamageKeepingSizeAndTime(best);

        var again = Run();
        var evaluated = again.Stage(Graph.Evaluate, force: true);

        Assert.Contains("Train: the cached output was damaged (best.pt's content differs from its stamp (SHA-256)), " +
            "so it was remade", again.Output);
        Assert.True(evaluated.Ran);
        // from the remade, intact weights
        Assert.Equal(metrics, File.ReadAllText(Path.Combine(evaluated.Directory, "metrics.json")));
    }

    [Theory]
    [InlineData("output file hash", "test.npy's content differs from its stamp (SHA-256)")]
    [InlineData("output_hash", "output_hash does not cover its outputs")]
    [InlineData("input", "no longer describes the key it is filed under")]
    public void An_edited_stamp_is_not_trusted(string edit, string said)
    {
        Run().Through(Graph.Split);
        var folder = Run().Folder(Graph.Split);
        var stampPath = Path.Combine(folder, Stamp.FileName);
        var stamp = JsonNode.Parse(File.ReadAllText(stampPath))!;
        switch (edit)
        {
            case "output file hash":
                // A careful edit: the file's recorded hash and the output hash over all files, consistent with each
                // other.
                stamp["outputs"]!["test.npy"]!["sha256"] = new string('0', 64);
                var outputs = stamp["outputs"].Deserialize<Dictionary<string, OutputFile>>(Stamp.Json)!;
                stamp["output_hash"] = Stamp.HashOfOutputs(outputs);
                break;
            case "output_hash": stamp["output_hash"] = new string('0', 64); break;
            default: stamp["inputs"]!["preprocess"] = new string('0', 64); break;
        }
        File.WriteAllText(stampPath, stamp.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var again = Run();
        var split = again.Stage(Graph.Split);

        Assert.True(split.Ran);
        Assert.Contains(said, split.Remade);
        Assert.Contains("Split: the cached output was damaged", again.Output);
        Assert.False(Run().Stage(Graph.Split).Ran);   // and the remade one is trusted again
    }

    [Fact]
    public void Reading_a_damaged_upstream_output_without_running_it_says_damaged_not_missing()
    {
        var first = Run();
        first.Through(Graph.Split);
        DamageKeepingSizeAndTime(Path.Combine(first.Folder(Graph.Preprocess), PreprocessStage.ImagesFile));

        var e = Assert.Throws<StageException>(() => Run().Folder(Graph.Preprocess));
        Assert.Contains("Preprocess's output for tiny is damaged (images.npy's content differs from its stamp " +
            "(SHA-256)); it is not used.", e.Message);
    }
}
