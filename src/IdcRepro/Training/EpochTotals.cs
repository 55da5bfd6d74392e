namespace IdcRepro.Training;

/// <summary>
/// What one training pass measured: its metrics, patches and wall-clock seconds; when timed, the seconds inside
/// optimizer steps (forward, loss, backward, update) and each batch's timing.
/// </summary>
internal sealed record EpochTotals(MetricValues Metrics, int Patches, double Seconds, double StepSeconds,
    IReadOnlyList<BatchTiming> Batches);

/// <summary>
/// One timed batch: its patches, its seconds from gathering to metrics, and the seconds of its optimizer step.
/// </summary>
internal readonly record struct BatchTiming(int Patches, double Seconds, double StepSeconds);
