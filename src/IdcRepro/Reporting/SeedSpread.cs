namespace IdcRepro.Reporting;

/// <summary>
/// One metric across the seeds of a multi-seed run: mean and sample standard deviation (n - 1; null for one seed)
/// over the <see cref="Seeds"/> seeds where the metric is defined.
/// </summary>
public sealed record SeedSpread(string Metric, double Mean, double? StandardDeviation, int Seeds)
{
    public override string ToString() =>
        StandardDeviation is { } sd ? $"{Format.Fixed(Mean, 4)} ± {Format.Fixed(sd, 4)}" : Format.Fixed(Mean, 4);

    /// <summary>
    /// The spread of every metric defined for at least one seed, in <see cref="Evaluation.MetricSet.Named"/> order.
    /// </summary>
    public static IReadOnlyList<SeedSpread> Of(IReadOnlyList<SeedResult> seeds)
    {
        if (seeds.Count == 0) return [];
        var named = seeds.Select(s => s.Metrics.Named()).ToArray();
        var spreads = new List<SeedSpread>();
        for (var m = 0; m < named[0].Count; m++)
        {
            var values = named.Select(n => n[m].Value).OfType<double>().ToArray();
            if (values.Length == 0) continue;
            var mean = values.Average();
            double? sd = values.Length < 2 ? null
                : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            spreads.Add(new SeedSpread(named[0][m].Key, mean, sd, values.Length));
        }
        return spreads;
    }
}
