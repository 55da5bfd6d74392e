using IdcRepro.Evaluation;
using IdcRepro.Reporting.Pages;

namespace IdcRepro.Reporting.Sections;

/// <summary>
/// The run's numbers beside the published ones, each labelled with its split; whether the blog's accuracy lies in
/// this run's interval; why patch-level splits flatter; and every metric with its interval.
/// </summary>
internal static class ContextSection
{
    private static readonly string[] Compared =
        [MetricNames.Accuracy, MetricNames.BalancedAccuracy, MetricNames.F1, MetricNames.RocAuc];

    public static IEnumerable<Block> Blocks(RunReport report)
    {
        var confidence = Format.Percent(report.Confidence, 0);
        yield return new Heading(2, "Numbers in context", "context");

        var header = new List<string> { "Result", "Split", "Test set" };
        header.AddRange(Compared.Select(MetricLabels.Of));
        var rows = new List<IReadOnlyList<string>>();
        var split = $"{SplitWords.Strategy(report.Provenance.SplitStrategy)}, seed {report.Provenance.SplitSeed}";
        if (report.HasTestSet)
        {
            var own = new List<string> { $"This run ({report.Name})", split, SplitWords.TestSet(report) };
            own.AddRange(Compared.Select(m => MetricText.WithInterval(report, m)));
            rows.Add(own);
        }
        if (report.AllPatches is { } all)
            rows.Add(Row($"This run ({report.Name}), every test patch", split,
                $"{Format.Count(all.Patches)} patches of {Format.Count(all.Patients)} patients, all patches of the " +
                "test patients", all));
        if (report.CrossValidation is { } cv)
        {
            var kfold = $"patient {cv.Folds}-fold, seed {report.Provenance.SplitSeed}";
            rows.Add(Row($"{cv.Folds}-fold cross-validation{Seed(cv)}, pooled out of fold", kfold,
                $"{Format.Count(cv.All.Pooled.Patches)} patches of {Format.Count(cv.All.Pooled.Patients)} patients, " +
                "all patches of the test patients", cv.All.Pooled));
            rows.Add(Row($"{cv.Folds}-fold cross-validation{Seed(cv)}, pooled out of fold", kfold,
                $"{Format.Count(cv.Undersampled.Pooled.Patches)} patches " +
                $"of {Format.Count(cv.Undersampled.Pooled.Patients)} patients, undersampled", cv.Undersampled.Pooled));
        }
        foreach (var published in PublishedResults.All)
        {
            var row = new List<string> { $"{published.Source}, {published.Model}", published.Split, published.TestSet };
            row.AddRange(Compared.Select(m => published.Metrics.TryGetValue(m, out var v) ? Format.Fixed(v, 4) : "—"));
            rows.Add(row);
        }
        yield return new Table(header, rows, header.Select((_, i) => i >= 3).ToArray(),
            $"This run's values with {confidence} patient-bootstrap intervals in brackets; published values as " +
            "reported " +
            "(Cruz-Roa et al. 2014 as Janowczyk & Madabhushi 2016 report it). — : not reported.");

        if (!report.HasTestSet)
        {
            yield return new Paragraph(SplitWords.NoTestSet, Tone.Note);
            yield break;
        }
        yield return Verdict(report);
        yield return new Paragraph(LeakNote(report), Tone.Note);

        yield return new Heading(3, "Every metric", "metrics");
        var metricRows = report.Metrics.Named().Select(m =>
        {
            var interval = report.Intervals.GetValueOrDefault(m.Key);
            return (IReadOnlyList<string>)
            [
                MetricLabels.Of(m.Key), Format.Fixed(m.Value, 4),
                interval is null ? "—" : Format.Interval(interval, 4),
                interval is null ? "—" : Format.Count(interval.Resamples),
            ];
        }).ToList();
        yield return Table.WithNumbers(["Metric", "Value", $"{confidence} interval", "Resamples"], metricRows,
            "Intervals resample test patients with replacement (their patches are not independent); resamples counts " +
            "those where the metric is defined. Keras binary accuracy is what the blog's Keras log prints: the " +
            "share of " +
            "the 2N sigmoid outputs on the right side of 0.5.");
    }

    private static List<string> Row(string result, string split, string testSet, HeldOutFigures figures)
    {
        var row = new List<string> { result, split, testSet };
        row.AddRange(Compared.Select(m => MetricText.WithInterval(figures, m)));
        return row;
    }

    private static string Seed(CrossValidationFigures cv) => cv.Seed is { } s ? $" (training seed {s})" : "";

    /// <summary>Whether the blog's accuracy lies inside this run's accuracy interval, in one plain sentence.</summary>
    public static Paragraph Verdict(RunReport report)
    {
        var blog = PublishedResults.Blog.Metrics[MetricNames.Accuracy];
        var accuracy = report.Metrics.Accuracy;
        var caveat = SplitWords.IsPatchLevel(report.Provenance.SplitStrategy)
            ? ""
            : " This run holds whole patients out while the blog split patches at random, so a lower accuracy here " +
                "is expected and does not by itself contradict the blog.";
        if (accuracy is null || !report.Intervals.TryGetValue(MetricNames.Accuracy, out var interval))
            return new Paragraph(
                $"Cannot say whether this run reproduces the blog's accuracy ({Format.Fixed(blog, 4)}): it has no " +
                $"accuracy interval.{caveat}", Tone.Note);
        var range = $"{Format.Percent(report.Confidence, 0)} interval {Format.Interval(interval, 4)}";
        if (blog >= interval.Lower && blog <= interval.Upper)
            return new Paragraph(
                $"Reproduced: the blog's accuracy {Format.Fixed(blog, 4)} lies inside this run's {range} " +
                $"(accuracy {Format.Fixed(accuracy, 4)}).{caveat}", Tone.Holds);
        var side = blog > interval.Upper ? "above" : "below";
        return new Paragraph(
            $"Not reproduced: the blog's accuracy {Format.Fixed(blog, 4)} lies {side} this run's {range} " +
            $"(accuracy {Format.Fixed(accuracy, 4)}).{caveat}", Tone.Fails);
    }

    private static string LeakNote(RunReport report)
    {
        var note =
            "A random patch-level split (the blog's) puts patches of the same patient, often neighbouring tissue " +
                   "with the same staining, into both training and test sets, so its test accuracy partly measures how "
                       +
                   "well the model recognises patients it has already seen. The patient-level results of Cruz-Roa " +
                   "et al. " +
                   "and Janowczyk & Madabhushi hold whole patients out and are the fairer yardstick for a new patient.";
        if (report.Provenance.TestPatientsInTraining is { } shared)
            note += $" In this run, {shared} of the {report.Metrics.Patients} test patients also have patches in " +
                "the training set.";
        return note;
    }
}
