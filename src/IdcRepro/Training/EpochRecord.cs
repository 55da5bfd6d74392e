using IdcRepro.Config;

namespace IdcRepro.Training;

/// <summary>
/// One epoch of training: loss and accuracies on the (augmented) training batches as trained, on the validation set
/// after the epoch, the wall-clock seconds it took and the learning rate. The one epoch type: Train writes it to
/// epochs.json (its property names are that file's fields), the report draws its curves from it, and history.csv holds
/// all but the seconds (see <see cref="HistoryRow"/>).
/// </summary>
public sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double TrainBinaryAccuracy,
    double ValLoss,
    double ValAccuracy,
    double ValBinaryAccuracy,
    double Seconds,
    double LearningRate)
{
    /// <summary>The value early stopping and best-checkpoint selection look at.</summary>
    public double Monitored(MonitorMetric monitor) => monitor == MonitorMetric.ValLoss ? ValLoss : ValAccuracy;
}
