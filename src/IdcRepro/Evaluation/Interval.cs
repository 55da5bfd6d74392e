namespace IdcRepro.Evaluation;

/// <summary>
/// A bootstrap percentile interval of one metric, and how many resamples it rests on: those in which the metric
/// was defined (e.g. a resample of patients without IDC patches has no recall).
/// </summary>
public sealed record Interval(double Lower, double Upper, int Resamples);
