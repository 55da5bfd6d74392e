using IdcRepro.Config;

namespace IdcRepro.Training;

/// <summary>
/// How a training run ended: its history, the best epoch by the monitored metric (whose weights are
/// <see cref="BestModelPath"/>), why it stopped, the epoch it resumed after (0 for a fresh start) and the device it ran
/// on.
/// </summary>
public sealed record TrainingOutcome(
    IReadOnlyList<EpochRecord> History,
    int BestEpoch,
    double BestValue,
    MonitorMetric Monitor,
    StopReason StopReason,
    int ResumedAfterEpoch,
    string Device,
    TrainingFiles Files)
{
    public string BestModelPath => Files.Best;

    /// <summary>The best epoch's record.</summary>
    public EpochRecord Best => History[BestEpoch - 1];
}
