using IdcRepro.Config;
using IdcRepro.Tests.TestSupport;
using IdcRepro.Training;

namespace IdcRepro.Tests.Training;

[Collection(TorchTrainingCollection.Name)]
public sealed class TrainerTests
{
    private static readonly TrainingData Train = ToyData.Learnable(64, seed: 1);
    private static readonly TrainingData Validation = ToyData.Learnable(32, seed: 2);

    [Fact]
    public void The_same_seed_gives_bit_identical_history_and_weights_and_another_seed_does_not()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();
        using var other = new TempFolder();

        var a = Run(ToyData.Config(epochs: 2), first.Path);
        Run(ToyData.Config(epochs: 2), second.Path);
        var c = Run(ToyData.Config(epochs: 2, seed: 7), other.Path);

        Assert.Equal(Bytes(first, HistoryCsv.FileName), Bytes(second, HistoryCsv.FileName));
        Assert.Equal(Bytes(first, "best.pt"), Bytes(second, "best.pt"));
        Assert.Equal(Bytes(first, Normalizer.FileName), Bytes(second, Normalizer.FileName));
        Assert.NotEqual(Bytes(first, HistoryCsv.FileName), Bytes(other, HistoryCsv.FileName));
        Assert.NotEqual(Metrics(a.History), Metrics(c.History));
        Assert.Equal(2, HistoryCsv.Read(first.PathOf(HistoryCsv.FileName)).Count);
    }

    [Fact]
    public void A_run_cancelled_after_epoch_2_resumes_to_the_uninterrupted_run_bit_for_bit()
    {
        using var whole = new TempFolder();
        using var interrupted = new TempFolder();
        var config = ToyData.Config(epochs: 4);
        var uninterrupted = Run(config, whole.Path);

        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            Trainer.Run(config, Train, Validation, interrupted.Path,
                new Observer { AfterEpoch = e => { if (e == 2) cancel.Cancel(); } }, cancel.Token));
        Assert.Equal(2, HistoryCsv.Read(interrupted.PathOf(HistoryCsv.FileName)).Count);
        var messages = new Observer();
        var resumed = Trainer.Run(config, Train, Validation, interrupted.Path, messages, CancellationToken.None);

        Assert.Equal(["resuming after epoch 2"], messages.Messages);
        Assert.Equal(2, resumed.ResumedAfterEpoch);
        Assert.Equal([3, 4], messages.Epochs);
        AssertSameRun(uninterrupted, whole, resumed, interrupted);
    }

    [Fact]
    public void A_run_killed_after_training_epoch_3_but_before_its_checkpoint_resumes_from_epoch_2_bit_for_bit()
    {
        using var whole = new TempFolder();
        using var interrupted = new TempFolder();
        var config = ToyData.Config(epochs: 4);
        var uninterrupted = Run(config, whole.Path);

        // The last batch's report comes after its optimizer step: all of epoch 3 is trained, none of it saved.
        var crash = new Observer
        {
            DuringBatch = (epoch, batch, count) =>
            {
                if (epoch == 3 && batch == count - 1) throw new IOException("simulated crash");
            }
        };
        Assert.Throws<IOException>(() =>
            Trainer.Run(config, Train, Validation, interrupted.Path, crash, CancellationToken.None));
        var resumed = Run(config, interrupted.Path);

        Assert.Equal(2, resumed.ResumedAfterEpoch);
        AssertSameRun(uninterrupted, whole, resumed, interrupted);
    }

    [Fact]
    public void A_finished_run_returns_its_outcome_without_training_again()
    {
        using var folder = new TempFolder();
        var config = ToyData.Config(epochs: 2);
        var first = Run(config, folder.Path);
        var observer = new Observer();

        var again = Trainer.Run(config, Train, Validation, folder.Path, observer, CancellationToken.None);

        Assert.Empty(observer.Epochs);
        Assert.Equal(first.History, again.History);
        Assert.Equal(StopReason.Completed, again.StopReason);
    }

    [Fact]
    public void A_finished_run_given_more_epochs_continues_to_the_longer_run_bit_for_bit()
    {
        using var whole = new TempFolder();
        using var extended = new TempFolder();
        var longer = Run(ToyData.Config(epochs: 4), whole.Path);
        Assert.Equal(StopReason.Completed, Run(ToyData.Config(epochs: 2), extended.Path).StopReason);

        var continued = Run(ToyData.Config(epochs: 4), extended.Path);

        Assert.Equal(2, continued.ResumedAfterEpoch);
        AssertSameRun(longer, whole, continued, extended);
    }

    [Fact]
    public void A_lost_best_pt_is_restored_from_the_checkpoint_that_last_json_names()
    {
        using var folder = new TempFolder();
        Run(ToyData.Config(epochs: 2), folder.Path);
        var best = Bytes(folder, "best.pt");
        File.Delete(folder.PathOf("best.pt"));

        var again = Run(ToyData.Config(epochs: 2), folder.Path);

        Assert.Equal(best, Bytes(folder, "best.pt"));
        Assert.Equal(best, Bytes(folder, Path.Combine("checkpoints", $"epoch-{again.BestEpoch:D4}.pt")));
    }

    [Fact]
    public void A_damaged_checkpoint_file_is_named_with_what_to_do()
    {
        using var folder = new TempFolder();
        Run(ToyData.Config(epochs: 2), folder.Path);
        var model = Path.Combine(folder.Path, "checkpoints", "epoch-0002.pt");
        var bytes = File.ReadAllBytes(model);
        File.WriteAllBytes(model, bytes[..(bytes.Length / 2)]);

        var e = Assert.Throws<TrainingCheckpointException>(() => Run(ToyData.Config(epochs: 4), folder.Path));

        Assert.Equal(model, e.FilePath);
        Assert.Contains(model, e.Message);
        Assert.Contains("--force", e.Message);
    }

    [Fact]
    public void An_unreadable_last_json_and_a_checkpoint_of_another_config_are_refused()
    {
        using var folder = new TempFolder();
        Run(ToyData.Config(epochs: 1), folder.Path);
        var last = folder.PathOf("last.json");

        var otherConfig = Assert.Throws<TrainingCheckpointException>(() =>
            Run(ToyData.Config(epochs: 2) with { LearningRate = 0.01 }, folder.Path));
        File.WriteAllText(last, "{ \"format\": 1, ");
        var unreadable = Assert.Throws<TrainingCheckpointException>(() => Run(ToyData.Config(epochs: 2), folder.Path));

        Assert.Contains("another run", otherConfig.Message);
        Assert.Equal(last, unreadable.FilePath);
        Assert.Contains("not valid JSON", unreadable.Message);
    }

    [Fact]
    public void The_loss_falls_on_learnable_data()
    {
        using var folder = new TempFolder();

        var outcome = Run(ToyData.Config(epochs: 6), folder.Path);

        var losses = outcome.History.Select(r => r.TrainLoss).ToList();
        Assert.True(losses[^1] < losses[0], $"train loss {string.Join(" -> ", losses)}");
        Assert.True(outcome.History[^1].ValLoss < outcome.History[0].ValLoss,
            $"val loss {string.Join(" -> ", outcome.History.Select(r => r.ValLoss))}");
    }

    [Fact]
    public void The_predictor_gives_the_probabilities_validation_measured_with_the_best_weights()
    {
        using var folder = new TempFolder();
        var outcome = Run(ToyData.Config(epochs: 3), folder.Path);

        using var predictor = Predictor.Load(folder.Path, new ComputeSettings(DeviceChoice.Cpu, 1));
        var scores = predictor.Score(Validation.Images);

        var best = outcome.Best;
        var labels = Validation.Labels;
        var accuracy = scores.Select((p, i) => (p.P1 > p.P0 ? 1 : 0) == labels[i] ? 1.0 : 0.0).Average();
        var binaryAccuracy = scores.Select((p, i) =>
            ((p.P0 > 0.5f) == (labels[i] == 0) ? 0.5 : 0) + ((p.P1 > 0.5f) == (labels[i] == 1) ? 0.5 : 0)).Average();
        var loss = scores.Select((p, i) =>
            -(Math.Log(labels[i] == 0 ? p.P0 : 1 - p.P0) + Math.Log(labels[i] == 1 ? p.P1 : 1 - p.P1)) / 2).Average();
        Assert.Equal(best.ValAccuracy, accuracy);
        Assert.Equal(best.ValBinaryAccuracy, binaryAccuracy);
        Assert.Equal(best.ValLoss, loss, 5);
    }

    private static TrainingOutcome Run(TrainConfig config, string folder) =>
        Trainer.Run(config, Train, Validation, folder, new Observer(), CancellationToken.None);

    private static void AssertSameRun(TrainingOutcome expected, TempFolder expectedFolder, TrainingOutcome actual,
        TempFolder actualFolder)
    {
        Assert.Equal(Metrics(expected.History), Metrics(actual.History));
        Assert.Equal((expected.BestEpoch, expected.BestValue, expected.StopReason),
            (actual.BestEpoch, actual.BestValue, actual.StopReason));
        foreach (var file in new[] { HistoryCsv.FileName, "best.pt", Path.Combine("checkpoints", "epoch-0004.pt"),
            Path.Combine("checkpoints", "epoch-0004-optimizer.pt") })
            Assert.True(Bytes(expectedFolder, file).SequenceEqual(Bytes(actualFolder, file)), $"{file} differs");
    }

    private static IEnumerable<EpochRecord> Metrics(IEnumerable<EpochRecord> history) =>
        history.Select(r => r with { Seconds = 0 });

    private static byte[] Bytes(TempFolder folder, string file) => File.ReadAllBytes(folder.PathOf(file));

    private sealed class Observer : ITrainingObserver
    {
        public List<string> Messages { get; } = [];
        public List<int> Epochs { get; } = [];
        public Action<int>? AfterEpoch { get; init; }
        public Action<int, int, int>? DuringBatch { get; init; }

        public void OnMessage(string message) => Messages.Add(message);
        public void OnEpochStart(int epoch, int epochs) => Epochs.Add(epoch);
        public void OnBatch(int epoch, int batchIndex, int batchCount, double loss, double patchesPerSecond) =>
            DuringBatch?.Invoke(epoch, batchIndex, batchCount);
        public void OnEpochEnd(EpochRecord record) => AfterEpoch?.Invoke(record.Epoch);
    }
}
