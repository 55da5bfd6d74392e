using IdcRepro.Evaluation;
using IdcRepro.Reporting.Pages;

namespace IdcRepro.Reporting.Sections;

/// <summary>
/// A patient k-fold's figures: pooled out of fold with intervals (every patch of the test patients; the undersampled
/// sets beside), each fold's row with the folds' mean ± sd, and with several seeds each seed's pooled figures and their
/// mean ± sd.
/// </summary>
internal static class CrossValidationSection
{
    private static readonly string[] PerFold = [MetricNames.BalancedAccuracy, MetricNames.F1, MetricNames.RocAuc];

    public static IEnumerable<Block> Blocks(RunReport report)
    {
        if (report.CrossValidation is not { } cv) yield break;
        var confidence = Format.Percent(report.Confidence, 0);
        yield return new Heading(2, "Cross-validation by patient", "crossval");
        yield return new Paragraph(
            $"The patients were dealt into {cv.Folds} folds (stratified by their share of IDC patches); each fold's " +
            "run tested its fold's " +
            $"patients with a model trained on the other folds{(cv.Seed is { } s ? $" (training seed {s})" : "")}. " +
            "Pooled out of fold, every " +
            "patient is tested exactly once, by a model that never saw it. The pooled figures count every patch of " +
            "the test patients, as the " +
            "published patient-level results do; the undersampled test sets, the blog's way of counting, are beside " +
            "them. Intervals resample " +
            $"patients ({confidence}); mean ± std is over the folds (sample standard deviation).");

        var spreads = cv.All.FoldSpread.ToDictionary(s => s.Metric);
        var rows = cv.All.Pooled.Metrics.Keys.Select(metric => (IReadOnlyList<string>)
        [
            MetricLabels.Of(metric),
            MetricText.WithInterval(cv.All.Pooled, metric),
            MetricText.WithInterval(cv.Undersampled.Pooled, metric),
            spreads.TryGetValue(metric, out var spread) ? Spread(spread) : "n/a",
        ]).ToList();
        yield return Table.WithNumbers(
            ["Metric",
                $"Pooled, every patch ({Format.Count(cv.All.Pooled.Patches)} " +
                $"of {Format.Count(cv.All.Pooled.Patients)} patients)",
             $"Pooled, undersampled ({Format.Count(cv.Undersampled.Pooled.Patches)} patches)",
                 "Folds: mean ± std (every patch)"],
            rows,
                $"Out-of-fold figures of all {cv.Folds} folds together, with {confidence} patient-bootstrap " +
                "intervals.");

        yield return new Heading(3, "Per fold", "crossval-folds");
        var header = new List<string> { "Fold", "Run", "Test patients", "Patches" };
        header.AddRange(PerFold.Select(MetricLabels.Of));
        header.Add("Balanced accuracy, undersampled");
        header.Add("Decision");
        var foldRows = cv.FoldRows.Select(f =>
        {
            var row = new List<string> { f.Fold.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Run,
                string.Join(", ", f.TestPatients), Format.Count(f.Patches) };
            row.AddRange(PerFold.Select(m => Format.Fixed(f.All.GetValueOrDefault(m), 4)));
            row.Add(Format.Fixed(f.Undersampled.GetValueOrDefault(MetricNames.BalancedAccuracy), 4));
            row.Add(f.Decision);
            return (IReadOnlyList<string>)row;
        }).ToList();
        var undersampledSpread = cv.Undersampled.FoldSpread.ToDictionary(s => s.Metric);
        var summary = new List<string> { "mean ± std", "", "", "" };
        summary.AddRange(PerFold.Select(m => spreads.TryGetValue(m, out var s) ? Spread(s) : "n/a"));
        summary.Add(undersampledSpread.TryGetValue(MetricNames.BalancedAccuracy, out var u) ? Spread(u) : "n/a");
        summary.Add("");
        foldRows.Add(summary);
        yield return new Table(header, foldRows, header.Select((_, i) => i is 3 or 4 or 5 or 6 or 7).ToArray(),
            "Each fold's own figures on every patch of its test patients (and balanced accuracy on its undersampled " +
            "test set); n/a where a fold's patients have one class only.");

        if (cv.PerSeed.Count == 0) yield break;
        yield return new Heading(3, "Across seeds", "crossval-seeds");
        var seedHeader = new List<string> { "Seed" };
        seedHeader.AddRange(PerFold.Select(m => $"{MetricLabels.Of(m)}, pooled"));
        seedHeader.Add("Balanced accuracy, pooled undersampled");
        var seedRows = cv.PerSeed.Select(p =>
        {
            var row = new List<string> { p.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            row.AddRange(PerFold.Select(m => Format.Fixed(p.All.Value(m), 4)));
            row.Add(Format.Fixed(p.Undersampled.Value(MetricNames.BalancedAccuracy), 4));
            return (IReadOnlyList<string>)row;
        }).ToList();
        var overSeeds = cv.AllOverSeeds.ToDictionary(s => s.Metric);
        var overSeedsUndersampled = cv.UndersampledOverSeeds.ToDictionary(s => s.Metric);
        var last = new List<string> { "mean ± std" };
        last.AddRange(PerFold.Select(m => overSeeds.TryGetValue(m, out var s) ? Spread(s) : "n/a"));
        last.Add(overSeedsUndersampled.TryGetValue(MetricNames.BalancedAccuracy, out var us) ? Spread(us) : "n/a");
        seedRows.Add(last);
        yield return Table.WithNumbers(seedHeader, seedRows,
            $"Each training seed's folds pooled ({cv.PerSeed.Count} seeds); std over seeds is the run-to-run " +
            "variation of training, which the patient-bootstrap intervals do not include.");
    }

    /// <summary>"0.8123 ± 0.0456" (the mean alone for one value).</summary>
    public static string Spread(MetricSpread spread) =>
        spread.StandardDeviation is { } sd ? $"{Format.Fixed(spread.Mean, 4)} ± {Format.Fixed(sd, 4)}"
            : Format.Fixed(spread.Mean, 4);
}
