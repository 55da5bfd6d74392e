using IdcRepro.Config;
using IdcRepro.Training;

namespace IdcRepro.Tests.Training;

public sealed class TrainingProgressTests
{
    private static EpochRecord Epoch(int epoch, double valLoss, double valAccuracy = 0.5) =>
        new(epoch, 0.7, 0.5, 0.5, valLoss, valAccuracy, 0.5, 1, 1e-5);

    [Fact]
    public void Early_stopping_waits_patience_epochs_after_the_best_val_loss()
    {
        var config = new EarlyStoppingConfig { Patience = 3 };
        var progress = TrainingProgress.Start;
        var improvements = new List<bool>();
        foreach (var (epoch, loss) in new[] { (1, 0.6), (2, 0.5), (3, 0.5), (4, 0.55), (5, 0.51) })
        {
            progress = progress.After(Epoch(epoch, loss), config, epochs: 80, out var improved);
            improvements.Add(improved);
        }

        Assert.Equal([true, true, false, false, false], improvements);   // equal is not better (Keras, min_delta 0)
        Assert.Equal((2, 0.5, 3, StopReason.EarlyStopped),
            (progress.BestEpoch, progress.BestValue, progress.EpochsSinceImprovement, progress.Stopped));
    }

    [Fact]
    public void Val_accuracy_improves_upwards_and_patience_0_never_stops_early()
    {
        var config = new EarlyStoppingConfig { Monitor = MonitorMetric.ValAccuracy, Patience = 0 };
        var progress = TrainingProgress.Start;
        for (var epoch = 1; epoch <= 6; epoch++)
            progress = progress.After(Epoch(epoch, 0.5, valAccuracy: epoch == 2 ? 0.9 : 0.6), config, epochs: 6, out _);

        Assert.Equal((2, 0.9, StopReason.Completed), (progress.BestEpoch, progress.BestValue, progress.Stopped));
        Assert.Equal(6, progress.History.Count);
    }
}
