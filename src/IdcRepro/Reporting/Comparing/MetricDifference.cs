using IdcRepro.Evaluation;

namespace IdcRepro.Reporting.Comparing;

/// <summary>
/// One metric of a variant against the baseline (the first variant), with both intervals. The difference is
/// called larger than the intervals when the intervals do not overlap.
/// </summary>
public sealed record MetricDifference(string Metric, string Baseline, double BaselineValue, Interval BaselineInterval,
    string Variant, double Value, Interval Interval)
{
    public bool Separated => Interval.Lower > BaselineInterval.Upper || Interval.Upper < BaselineInterval.Lower;

    /// <summary>The difference in one sentence.</summary>
    public string Describe()
    {
        var direction = Value > BaselineValue ? "higher" : "lower";
        var verdict = Separated ? "the intervals do not overlap" : "the intervals overlap";
        return $"{MetricLabels.Of(Metric)}: {Variant} {Format.Fixed(Value, 4)} {Format.Interval(Interval, 4)} " +
            $"is {direction} than " +
               $"{Baseline} {Format.Fixed(BaselineValue, 4)} {Format.Interval(BaselineInterval, 4)}; {verdict}.";
    }
}
