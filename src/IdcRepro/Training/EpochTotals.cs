namespace IdcRepro.Training;

/// <summary>What one training pass measured: its metrics, patches, wall-clock seconds and, when timed, seconds inside optimizer steps.</summary>
internal sealed record EpochTotals(MetricValues Metrics, int Patches, double Seconds, double StepSeconds);
