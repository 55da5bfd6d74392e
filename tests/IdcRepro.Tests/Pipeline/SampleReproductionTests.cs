using IdcRepro.Evaluation;
using IdcRepro.Pipeline;
using IdcRepro.Tests.TestSupport;
using IdcRepro.Tests.Training;
using IdcRepro.Training;
using Snapshooter.Xunit;

namespace IdcRepro.Tests.Pipeline;

/// <summary>
/// The paper's reproduction, run in CI: configs/sample.yaml (the blog's protocol on the real sample, at most 12 epochs)
/// from the zip to the metrics, about 9 minutes on 2 CPU cores. It fails when accuracy leaves 78.94% +- 3 points (a
/// PyTorch port of the blog on this sample; the blog reports 79.10% on the whole dataset), when balanced accuracy
/// drops under 0.75, or when the run stops being deterministic: its first epoch, trained again, must match to the last
/// digit, and the whole run must match the reviewed snapshot.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
[Trait(Tier.Name, Tier.Long)]
public sealed class SampleReproductionTests : IDisposable
{
    private const double PortAccuracy = 0.7894;
    private const double Band = 0.03;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Blog_protocol_on_the_real_sample_lands_in_the_band_and_is_deterministic()
    {
        var config = Path.Combine(RepoPaths.Configs, "sample.yaml");
        // Two threads: bit-identity holds for a fixed thread count, and CI's machine has two cores.
        var run = new TestRun(config, _temp.Path, "train.threads=2");
        run.Through(Graph.Evaluate);
        var train = run.Folder(Graph.Train);
        var metrics = run.Read(Graph.Evaluate, EvaluateStage.Read).Result;
        var accuracy = metrics.Metrics["accuracy"]!.Value;
        var balanced = metrics.Metrics["balanced_accuracy"]!.Value;

        Assert.InRange(accuracy, PortAccuracy - Band, PortAccuracy + Band);
        Assert.True(balanced >= 0.75, $"balanced accuracy {balanced:0.0000} is under 0.75");

        // The same seed's first epoch again, as a run of its own (same cached data stages, a new Train).
        var again = new TestRun(config, _temp.Path, "train.threads=2", "train.epochs=1");
        again.Stage(Graph.Train);
        var history = File.ReadAllLines(Path.Combine(train, "history.csv"));
        var firstEpochAgain = File.ReadAllLines(Path.Combine(again.Folder(Graph.Train), "history.csv"));
        Assert.NotEqual(train, again.Folder(Graph.Train));
        Assert.Equal(history[1], firstEpochAgain[1]);

        Snapshot.Match(new
        {
            history,
            best_epoch = TrainStage.Read(train).Summary.BestEpoch,
            metrics = metrics.Metrics,
            intervals = metrics.Intervals,
            confusion_matrix = metrics.ConfusionMatrix,
            test_patches = metrics.TestPatches,
            test_patients = metrics.TestPatients,
            best_pt_sha256 = Hashing.FileSha256(Path.Combine(train, "best.pt")),
        });
    }
}
