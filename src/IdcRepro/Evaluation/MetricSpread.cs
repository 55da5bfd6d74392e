namespace IdcRepro.Evaluation;

/// <summary>
/// One metric across folds: mean and sample standard deviation (n - 1; null for a single value) over the
/// <see cref="Folds"/> folds where the metric is defined (the same convention as the seeds' spread in reports).
/// </summary>
public sealed record MetricSpread(string Metric, double Mean, double? StandardDeviation, int Folds)
{
    /// <summary>
    /// The spread of every metric defined in at least one set, in <see cref="MetricSet.Named"/> order.
    /// </summary>
    public static IReadOnlyList<MetricSpread> Of(IReadOnlyList<MetricSet> sets) =>
        Of(sets.Select(s => s.Named()).ToList());

    /// <summary>
    /// The spread of named metric values (each set's metrics in one order, as <see cref="MetricSet.Named"/> gives
    /// them).
    /// </summary>
    public static IReadOnlyList<MetricSpread> Of(IReadOnlyList<IReadOnlyList<KeyValuePair<string, double?>>> sets)
    {
        if (sets.Count == 0) return [];
        var named = sets.ToArray();
        var spreads = new List<MetricSpread>();
        for (var m = 0; m < named[0].Count; m++)
        {
            var values = named.Select(n => n[m].Value).OfType<double>().ToArray();
            if (values.Length == 0) continue;
            var mean = values.Average();
            double? sd = values.Length < 2 ? null
                : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            spreads.Add(new MetricSpread(named[0][m].Key, mean, sd, values.Length));
        }
        return spreads;
    }
}
