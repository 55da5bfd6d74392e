using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Preprocess;

public sealed class PreprocessStageTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_skipped_patch_reads_as_its_path_and_the_reason()
    {
        var corrupt = "1/0/1_idx5_x51_y1_class0.png";
        var zip = TinyDataset.WriteZip(_temp.PathOf("d.zip"), TinyDataset.Names("1", "2"),
            name => name == corrupt ? "not a png"u8.ToArray() : TinyDataset.Png());
        var config = _temp.File("c.yaml",
            $"name: c\ndata:\n  source: zip\n  path: {zip}\npreprocess:\n  on_corrupt: skip\n");
        var run = new TestRun(config, _temp.PathOf("artifacts"));

        var result = run.Stage(Graph.Preprocess);

        var line = Assert.Single(run.Output.Split('\n'),
            l => l.Contains("skipped " + corrupt, StringComparison.Ordinal));
        Assert.StartsWith($"Preprocess: skipped {corrupt}: ", line);
        Assert.DoesNotContain("SkippedPatch", run.Output);
        Assert.Equal([line["Preprocess: skipped ".Length..].TrimEnd()], result.Stamp.Fact<string[]>("skipped"));
    }
}
