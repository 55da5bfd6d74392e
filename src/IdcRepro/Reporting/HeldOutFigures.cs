using IdcRepro.Evaluation;

namespace IdcRepro.Reporting;

/// <summary>
/// Metrics of a set of held-out patches with their patient-bootstrap intervals (by <see cref="MetricNames"/> name).
/// </summary>
public sealed record HeldOutFigures(long Patches, int Patients, IReadOnlyDictionary<string, double?> Metrics,
    IReadOnlyDictionary<string, Interval> Intervals)
{
    public double? Value(string metric) => Metrics.TryGetValue(metric, out var v) ? v : null;

    public static HeldOutFigures Of(MetricSet set, IReadOnlyDictionary<string, Interval> intervals) =>
        new(set.Patches, set.Patients, set.Named().ToDictionary(m => m.Key, m => m.Value), intervals);
}
