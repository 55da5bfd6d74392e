using IdcRepro.Evaluation;

namespace IdcRepro.Reporting.Comparing;

/// <summary>
/// One k-fold variant's place in the ranking: its figures on each ranked metric and their ranks (1 = best).
/// </summary>
public sealed record RankedVariant(CompareVariant Variant, IReadOnlyDictionary<string, double?> Values,
    IReadOnlyDictionary<string, int> Ranks);

/// <summary>
/// Ranks the patient k-fold variants on their pooled out-of-fold figures over every patch of the test patients:
/// balanced accuracy, F1 and ROC AUC (with several seeds, their mean over seeds). Rows come by balanced accuracy, then
/// ROC AUC, then name; each metric's rank counts the variants above it (equal values share a rank; an undefined value
/// ranks last).
/// </summary>
public static class CrossValidationRanking
{
    public static IReadOnlyList<string> Metrics { get; } =
        [MetricNames.BalancedAccuracy, MetricNames.F1, MetricNames.RocAuc];

    public static IReadOnlyList<RankedVariant> Rank(IReadOnlyList<CompareVariant> variants)
    {
        var kfolds = variants.Where(v => v.Report.CrossValidation is not null).ToList();
        var values =
            kfolds.ToDictionary(v => v, v => Metrics.ToDictionary(m => m, m => Value(v.Report.CrossValidation!, m)));
        int RankOf(CompareVariant v, string metric) => values[v][metric] is { } mine
            ? 1 + kfolds.Count(o => values[o][metric] is { } other && other > mine)
            : kfolds.Count;
        return kfolds
            .OrderByDescending(v => values[v][MetricNames.BalancedAccuracy] ?? double.NegativeInfinity)
            .ThenByDescending(v => values[v][MetricNames.RocAuc] ?? double.NegativeInfinity)
            .ThenBy(v => v.Name, StringComparer.Ordinal)
            .Select(v => new RankedVariant(v, values[v], Metrics.ToDictionary(m => m, m => RankOf(v, m))))
            .ToList();
    }

    /// <summary>The pooled figure, every patch; with several seeds, its mean over the seeds.</summary>
    public static double? Value(CrossValidationFigures cv, string metric) =>
        cv.PerSeed.Count > 0
            ? cv.AllOverSeeds.FirstOrDefault(s => s.Metric == metric)?.Mean
            : cv.All.Pooled.Value(metric);
}
