using IdcRepro.Evaluation;
using IdcRepro.Reporting.Pages;

namespace IdcRepro.Reporting.Sections;

/// <summary>A multi-seed run's metrics per seed, and their mean ± standard deviation.</summary>
internal static class SeedSection
{
    private static readonly string[] Shown =
        [MetricNames.Accuracy, MetricNames.BalancedAccuracy, MetricNames.F1, MetricNames.RocAuc,
            MetricNames.AveragePrecision];

    public static IEnumerable<Block> Blocks(RunReport report)
    {
        if (report.Seeds.Count == 0) yield break;
        yield return new Heading(2, "Across seeds", "seeds");
        var header = new List<string> { "Seed" };
        header.AddRange(Shown.Select(MetricLabels.Of));
        var rows = report.Seeds.Select(s =>
        {
            var named = s.Metrics.Named().ToDictionary(n => n.Key, n => n.Value);
            var row = new List<string> { s.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            row.AddRange(Shown.Select(m => Format.Fixed(named[m], 4)));
            return (IReadOnlyList<string>)row;
        }).ToList();
        var spreads = SeedSpread.Of(report.Seeds).ToDictionary(s => s.Metric);
        var summary = new List<string> { "mean ± std" };
        summary.AddRange(Shown.Select(m => spreads.TryGetValue(m, out var s) ? s.ToString() : "n/a"));
        rows.Add(summary);
        yield return Table.WithNumbers(header, rows,
            $"Test metrics of each training seed ({report.Seeds.Count} seeds); std is the sample standard deviation " +
            "(n - 1). " +
            "The spread across seeds is the run-to-run variation of training, which the patient-bootstrap intervals " +
            "do not include.");
    }
}
