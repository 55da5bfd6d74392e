using IdcRepro.Training;

namespace IdcRepro.Reporting;

/// <summary>
/// A training run's epochs (1-based, ascending), the epoch whose weights were kept (<see cref="BestEpoch"/>), the
/// last epoch that ran (<see cref="StoppedEpoch"/>) and whether early stopping ended the run before its epoch budget.
/// </summary>
public sealed record TrainingHistory(IReadOnlyList<EpochRecord> Epochs, int BestEpoch, int StoppedEpoch,
    bool EarlyStopped)
{
    /// <summary>The epoch record of <see cref="BestEpoch"/>, if the history holds it.</summary>
    public EpochRecord? Best => Epochs.FirstOrDefault(e => e.Epoch == BestEpoch);

    /// <summary>Training time of all epochs, in seconds.</summary>
    public double TotalSeconds => Epochs.Sum(e => e.Seconds);
}
