namespace IdcRepro.Reporting.Comparing;

/// <summary>Every variant's metrics against the first variant's, where both have a value and an interval.</summary>
public static class IntervalComparison
{
    public static IReadOnlyList<MetricDifference> AgainstFirst(IReadOnlyList<CompareVariant> variants)
    {
        if (variants.Count < 2) return [];
        var baseline = variants[0];
        var baseValues = baseline.Report.Metrics.Named();
        var differences = new List<MetricDifference>();
        foreach (var (metric, baseValue) in baseValues)
        {
            if (baseValue is not { } b || !baseline.Report.Intervals.TryGetValue(metric, out var baseInterval)) continue;
            foreach (var variant in variants.Skip(1))
            {
                var value = MetricText.ValueOf(variant.Report.Metrics, metric);
                if (value is { } v && variant.Report.Intervals.TryGetValue(metric, out var interval))
                    differences.Add(new MetricDifference(metric, baseline.Name, b, baseInterval, variant.Name, v, interval));
            }
        }
        return differences;
    }
}
