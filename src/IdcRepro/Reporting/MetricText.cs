using IdcRepro.Evaluation;

namespace IdcRepro.Reporting;

/// <summary>
/// A run's metric as a table cell: the value to 4 decimals, its interval on the next line when there is one.
/// </summary>
internal static class MetricText
{
    public static double? ValueOf(MetricSet metrics, string metric) =>
        metrics.Named().First(m => m.Key == metric).Value;

    /// <summary>
    /// A held-out set's metric: the value to 4 decimals, its interval on the next line when there is one.
    /// </summary>
    public static string WithInterval(HeldOutFigures figures, string metric)
    {
        var value = figures.Value(metric);
        if (value is null) return "n/a";
        return figures.Intervals.TryGetValue(metric, out var interval)
            ? $"{Format.Fixed(value, 4)}\n{Format.Interval(interval, 4)}"
            : Format.Fixed(value, 4);
    }

    public static string WithInterval(RunReport report, string metric)
    {
        var value = ValueOf(report.Metrics, metric);
        if (value is null) return "n/a";
        return report.Intervals.TryGetValue(metric, out var interval)
            ? $"{Format.Fixed(value, 4)}\n{Format.Interval(interval, 4)}"
            : Format.Fixed(value, 4);
    }
}
