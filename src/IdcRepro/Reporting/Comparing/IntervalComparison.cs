namespace IdcRepro.Reporting.Comparing;

/// <summary>
/// Every variant's headline metrics (<see cref="CompareFigures"/>) against the first variant's, where both have a value
/// and an interval.
/// </summary>
public static class IntervalComparison
{
    public static IReadOnlyList<MetricDifference> AgainstFirst(IReadOnlyList<CompareVariant> variants)
    {
        if (variants.Count < 2 || CompareFigures.Headline(variants[0].Report) is not { } baseline) return [];
        var differences = new List<MetricDifference>();
        foreach (var (metric, baseValue) in baseline.Metrics)
        {
            if (baseValue is not { } b || !baseline.Intervals.TryGetValue(metric, out var baseInterval)) continue;
            foreach (var variant in variants.Skip(1))
            {
                if (CompareFigures.Headline(variant.Report) is not { } figures) continue;
                if (figures.Value(metric) is { } v && figures.Intervals.TryGetValue(metric, out var interval))
                    differences.Add(
                        new MetricDifference(metric, variants[0].Name, b, baseInterval, variant.Name, v, interval));
            }
        }
        return differences;
    }
}
