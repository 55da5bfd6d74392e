using IdcRepro.Config;
using IdcRepro.Evaluation;
using IdcRepro.Reporting.Comparing;
using IdcRepro.Reporting.Pages;
using IdcRepro.Reporting.Plots;

namespace IdcRepro.Reporting;

/// <summary>
/// The page comparing variants against the first: every metric with its interval (and mean ± std across seeds; a
/// patient k-fold's pooled out-of-fold figures), the k-fold variants ranked on their pooled figures, what each config
/// changes, the validation curves overlaid, and which differences exceed the intervals.
/// </summary>
public static class ComparePage
{
    /// <summary>Config keys left out of the diffs: they name a variant rather than change it.</summary>
    public static IReadOnlyList<string> IgnoredKeys { get; } = ["name", "description"];

    /// <param name="variants">The variants; the first is the reference.</param>
    /// <param name="repositoryRoot">Paths in the configs (data.path, split.lists.*) are shown relative to it; null
    /// shows them as they are.</param>
    public static ReportDocument Build(IReadOnlyList<CompareVariant> variants, string? repositoryRoot = null)
    {
        if (variants.Count == 0) throw new ArgumentException("There is no variant to compare.", nameof(variants));
        var baseline = variants[0];
        var blocks = new List<Block>
        {
            new Paragraph($"{variants.Count} variants; every difference is against the first, {baseline.Name}.",
                Tone.Lead),
        };
        if (variants.Any(v => v.Runs.Count > 1))
        {
            var runs = variants.Select(v => v.Runs.Count > 0 ? v.Runs : [v.Name]).ToList();
            blocks.Add(new Paragraph($"The {runs.Sum(r => r.Count)} runs behind the figures: " +
                                     string.Join("; ",
                                         variants.Select((v, i) => $"{string.Join(", ", runs[i])} (column {v.Name})"))
                                         + "."));
        }
        blocks.AddRange(
        [
            new Heading(2, "Metrics", "metrics"),
            MetricTable(variants),
        ]);
        blocks.AddRange(RankingBlocks(variants));
        blocks.Add(new Heading(2, "Config differences", "config"));
        blocks.AddRange(ConfigBlocks(variants, repositoryRoot));

        blocks.Add(new Heading(2, "Validation curves", "curves"));
        var histories = variants.Select(v => (v.Name, v.Report.History)).ToList();
        blocks.Add(new Figure(
        [
            new ReportImage("val-loss.png", VariantCurvesPlot.ValidationLoss(histories),
                "Validation loss per epoch, one line per variant"),
            new ReportImage("val-accuracy.png", VariantCurvesPlot.ValidationAccuracy(histories),
                "Validation accuracy per epoch, one line per variant"),
        ], "One line per variant; the dot marks the epoch whose weights each variant kept." +
           (variants.Any(v => v.Report.CrossValidation is not null || v.Report.Seeds.Count > 0)
               ? " A variant that trains several models shows its first run's curve (a k-fold: fold 0)." : "")));

        blocks.Add(new Heading(2, "Differences larger than the intervals", "differences"));
        blocks.AddRange(DifferenceBlocks(variants));
        return new ReportDocument("IDC variant comparison", blocks);
    }

    private static Table MetricTable(IReadOnlyList<CompareVariant> variants)
    {
        var header = new List<string> { "Metric" };
        header.AddRange(variants.Select(v => v.Name));
        var spreads = variants.Select(v => SeedSpread.Of(v.Report.Seeds).ToDictionary(s => s.Metric)).ToList();
        var folds = variants.Select(v => v.Report.CrossValidation?.Undersampled.FoldSpread.ToDictionary(s => s.Metric))
            .ToList();
        var overSeeds =
            variants.Select(v => v.Report.CrossValidation?.UndersampledOverSeeds.ToDictionary(s => s.Metric)).ToList();
        var rows = variants[0].Report.Metrics.Named().Select(n => n.Key).Select(metric =>
        {
            var row = new List<string> { MetricLabels.Of(metric) };
            for (var v = 0; v < variants.Count; v++)
            {
                var cell = CompareFigures.Headline(variants[v].Report) is { } figures
                    ? MetricText.WithInterval(figures, metric) : "no test set";
                if (spreads[v].TryGetValue(metric, out var spread)) cell += $"\nseeds: {spread} (n = {spread.Seeds})";
                if (folds[v]?.GetValueOrDefault(metric) is { } fold) cell += $"\nfolds: {CrossValidationSpread(fold)}";
                if (overSeeds[v]?.GetValueOrDefault(metric) is { Folds: > 1 } seeds)
                    cell += $"\nseeds: {CrossValidationSpread(seeds)} (n = {seeds.Folds})";
                row.Add(cell);
            }
            return (IReadOnlyList<string>)row;
        }).ToList();
        var confidence = Format.Percent(variants[0].Report.Confidence, 0);
        var caption = $"Test-set value with its {confidence} patient-bootstrap interval; for multi-seed variants " +
            "also mean ± sample std across seeds.";
        if (variants.Any(v => v.Report.CrossValidation is not null))
            caption += " For a patient k-fold: its folds' undersampled test sets pooled out of fold (counted as the " +
                "other test sets are), with the mean ± std over its folds (and over its seeds).";
        return Table.WithNumbers(header, rows, caption);
    }

    private static string CrossValidationSpread(Evaluation.MetricSpread spread) =>
        Sections.CrossValidationSection.Spread(spread);

    /// <summary>
    /// The patient k-fold variants ranked on their pooled out-of-fold figures over every patch of the test patients.
    /// </summary>
    private static IEnumerable<Block> RankingBlocks(IReadOnlyList<CompareVariant> variants)
    {
        var ranked = CrossValidationRanking.Rank(variants);
        if (ranked.Count == 0) yield break;
        var confidence = Format.Percent(variants[0].Report.Confidence, 0);
        yield return new Heading(2, "Cross-validation by patient, ranked", "ranking");
        var header = new List<string> { "Rank", "Variant", "Folds" };
        header.AddRange(CrossValidationRanking.Metrics.Select(m => $"{MetricLabels.Of(m)}, pooled"));
        header.Add("Balanced accuracy, pooled undersampled");
        var rows = ranked.Select((r, i) =>
        {
            var cv = r.Variant.Report.CrossValidation!;
            var row = new List<string> { (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Variant.Name, cv.Folds.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            foreach (var metric in CrossValidationRanking.Metrics)
            {
                var cell = cv.PerSeed.Count > 0
                    ? (cv.AllOverSeeds.FirstOrDefault(s => s.Metric == metric) is { } s
                        ? $"{CrossValidationSpread(s)} over {s.Folds} seeds" : "n/a")
                    : MetricText.WithInterval(cv.All.Pooled, metric);
                row.Add($"{cell}\n(rank {r.Ranks[metric]})");
            }
            row.Add(MetricText.WithInterval(cv.Undersampled.Pooled, MetricNames.BalancedAccuracy));
            return (IReadOnlyList<string>)row;
        }).ToList();
        yield return new Table(header, rows, header.Select((_, i) => i != 1).ToArray(),
            "Patient k-fold variants, best pooled balanced accuracy first (then ROC AUC): out-of-fold figures on " +
            "every patch of the test patients, " +
            $"as the published patient-level results count, with {confidence} patient-bootstrap intervals (with " +
            "several seeds: mean ± std over seeds); " +
            "(rank n) is each figure's rank among them. A higher rank is not a difference larger than the " +
            "intervals: compare the intervals.");
        var unranked = variants.Where(v => v.Report.CrossValidation is null).Select(v => v.Name).ToList();
        if (unranked.Count > 0)
            yield return new Paragraph($"Not ranked (no patient k-fold): {string.Join(", ", unranked)}.", Tone.Note);
    }

    private static IEnumerable<Block> ConfigBlocks(IReadOnlyList<CompareVariant> variants, string? repositoryRoot)
    {
        // A file setting's value as a reader elsewhere can follow it: relative to the repository, not this machine's
        // path.
        string? Shown(string key, string? value) =>
            value is null || repositoryRoot is null || !ConfigPaths.Keys.Contains(key) ? value
                : ConfigPaths.DisplayValue(value, repositoryRoot);

        var baseline = variants[0];
        if (variants.Count == 1)
        {
            yield return new Paragraph("Only one variant: nothing to compare.");
            yield break;
        }
        yield return new Paragraph(
            $"Each variant's resolved config against {baseline.Name}'s, key by key " +
            $"({string.Join(" and ", IgnoredKeys)} left out).");
        foreach (var variant in variants.Skip(1))
        {
            yield return new Heading(3, $"{variant.Name} against {baseline.Name}",
                "config-" + new string(variant.Name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()));
            var changes = ConfigDiff.Between(baseline.ConfigYaml, variant.ConfigYaml, IgnoredKeys);
            if (changes.Count == 0)
            {
                yield return new Paragraph($"Same config as {baseline.Name}.");
                continue;
            }
            var rows = changes.Select(c =>
                (IReadOnlyList<string>)[c.Key, Shown(c.Key, c.Before) ?? "—", Shown(c.Key, c.After) ?? "—",
                c.Kind.ToString().ToLowerInvariant()]).ToList();
            yield return new Table(["Key", baseline.Name, variant.Name, "Change"], rows, [false, false, false, false]);
        }
    }

    private static IEnumerable<Block> DifferenceBlocks(IReadOnlyList<CompareVariant> variants)
    {
        var baseline = variants[0].Name;
        if (variants.Count == 1)
        {
            yield return new Paragraph("Only one variant: nothing to compare.");
            yield break;
        }
        var differences = IntervalComparison.AgainstFirst(variants);
        var sentences = new List<string>();
        foreach (var metric in differences.Select(d => d.Metric).Distinct())
        {
            var separated = differences.Where(d => d.Metric == metric && d.Separated).ToList();
            if (separated.Count == 0)
                sentences.Add(
                    $"{MetricLabels.Of(metric)}: no variant differs from {baseline} by more than the intervals.");
            else sentences.AddRange(separated.Select(d => d.Describe()));
        }
        yield return new BulletList(sentences);
        yield return new Paragraph(
            "A difference counts as larger than the intervals when the two intervals do not overlap. That is a " +
            "cautious test: " +
            "overlapping intervals do not show that two variants are equal, only that these test patients cannot " +
            "tell them apart.", Tone.Note);
    }
}
