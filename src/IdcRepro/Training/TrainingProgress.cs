using IdcRepro.Config;

namespace IdcRepro.Training;

/// <summary>
/// Where a run stands after <see cref="Epoch"/> completed epochs: the best monitored value and its epoch (Keras'
/// ModelCheckpoint(save_best_only)), epochs since it improved (Keras' EarlyStopping wait), whether it has stopped, and
/// the history.
/// </summary>
public sealed record TrainingProgress(
    int Epoch,
    int BestEpoch,
    double BestValue,
    int EpochsSinceImprovement,
    StopReason? Stopped,
    IReadOnlyList<EpochRecord> History)
{
    public static TrainingProgress Start { get; } = new(0, 0, double.NaN, 0, null, []);

    /// <summary>
    /// The progress after <paramref name="record"/>: it improves when strictly better than the best so far (lower
    /// val_loss, higher val_accuracy; the first epoch always does); training stops after <c>patience</c> epochs without
    /// improvement (0: never early) or after <paramref name="epochs"/>.
    /// </summary>
    public TrainingProgress After(EpochRecord record, EarlyStoppingConfig earlyStopping, int epochs, out bool improved)
    {
        if (record.Epoch != Epoch + 1)
            throw new ArgumentException($"Epoch {record.Epoch} cannot follow epoch {Epoch}.", nameof(record));
        var value = record.Monitored(earlyStopping.Monitor);
        improved = BestEpoch == 0
            || (earlyStopping.Monitor == MonitorMetric.ValLoss ? value < BestValue : value > BestValue);
        var since = improved ? 0 : EpochsSinceImprovement + 1;
        StopReason? stopped = earlyStopping.Patience > 0 && since >= earlyStopping.Patience ? StopReason.EarlyStopped
            : record.Epoch >= epochs ? StopReason.Completed
            : null;
        return new TrainingProgress(record.Epoch, improved ? record.Epoch : BestEpoch, improved ? value : BestValue,
            since, stopped, [.. History, record]);
    }
}
