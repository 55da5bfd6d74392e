namespace IdcRepro.Evaluation;

/// <summary>
/// What k folds of a patient k-fold say together: each fold's metrics (in the order given), their mean and spread, and
/// the pooled out-of-fold metrics (every patient tested once) with patient-bootstrap intervals.
/// </summary>
public sealed record CrossValidationSummary(
    IReadOnlyList<MetricSet> Folds,
    IReadOnlyList<MetricSpread> Spread,
    MetricSet Pooled,
    IReadOnlyDictionary<string, Interval> PooledIntervals);
