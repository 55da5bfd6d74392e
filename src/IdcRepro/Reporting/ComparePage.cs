using IdcRepro.Config;
using IdcRepro.Reporting.Comparing;
using IdcRepro.Reporting.Pages;
using IdcRepro.Reporting.Plots;

namespace IdcRepro.Reporting;

/// <summary>
/// The page comparing variants against the first: every metric with its interval (and mean ± std across seeds),
/// what each config changes, the validation curves overlaid, and which differences exceed the intervals.
/// </summary>
public static class ComparePage
{
    /// <summary>Config keys left out of the diffs: they name a variant rather than change it.</summary>
    public static IReadOnlyList<string> IgnoredKeys { get; } = ["name", "description"];

    /// <param name="variants">The variants; the first is the reference.</param>
    /// <param name="repositoryRoot">Paths in the configs (data.path, split.lists.*) are shown relative to it; null shows them as they are.</param>
    public static ReportDocument Build(IReadOnlyList<CompareVariant> variants, string? repositoryRoot = null)
    {
        if (variants.Count == 0) throw new ArgumentException("There is no variant to compare.", nameof(variants));
        var baseline = variants[0];
        var blocks = new List<Block>
        {
            new Paragraph($"{variants.Count} variants; every difference is against the first, {baseline.Name}.", Tone.Lead),
            new Heading(2, "Metrics", "metrics"),
            MetricTable(variants),
            new Heading(2, "Config differences", "config"),
        };
        blocks.AddRange(ConfigBlocks(variants, repositoryRoot));

        blocks.Add(new Heading(2, "Validation curves", "curves"));
        var histories = variants.Select(v => (v.Name, v.Report.History)).ToList();
        blocks.Add(new Figure(
        [
            new ReportImage("val-loss.png", VariantCurvesPlot.ValidationLoss(histories), "Validation loss per epoch, one line per variant"),
            new ReportImage("val-accuracy.png", VariantCurvesPlot.ValidationAccuracy(histories), "Validation accuracy per epoch, one line per variant"),
        ], "One line per variant; the dot marks the epoch whose weights each variant kept."));

        blocks.Add(new Heading(2, "Differences larger than the intervals", "differences"));
        blocks.AddRange(DifferenceBlocks(variants));
        return new ReportDocument("IDC variant comparison", blocks);
    }

    private static Table MetricTable(IReadOnlyList<CompareVariant> variants)
    {
        var header = new List<string> { "Metric" };
        header.AddRange(variants.Select(v => v.Name));
        var spreads = variants.Select(v => SeedSpread.Of(v.Report.Seeds).ToDictionary(s => s.Metric)).ToList();
        var rows = variants[0].Report.Metrics.Named().Select(n => n.Key).Select(metric =>
        {
            var row = new List<string> { MetricLabels.Of(metric) };
            for (var v = 0; v < variants.Count; v++)
            {
                var cell = MetricText.WithInterval(variants[v].Report, metric);
                if (spreads[v].TryGetValue(metric, out var spread)) cell += $"\nseeds: {spread} (n = {spread.Seeds})";
                row.Add(cell);
            }
            return (IReadOnlyList<string>)row;
        }).ToList();
        var confidence = Format.Percent(variants[0].Report.Confidence, 0);
        return Table.WithNumbers(header, rows,
            $"Test-set value with its {confidence} patient-bootstrap interval; for multi-seed variants also mean ± sample std across seeds.");
    }

    private static IEnumerable<Block> ConfigBlocks(IReadOnlyList<CompareVariant> variants, string? repositoryRoot)
    {
        // A file setting's value as a reader elsewhere can follow it: relative to the repository, not this machine's path.
        string? Shown(string key, string? value) =>
            value is null || repositoryRoot is null || !ConfigPaths.Keys.Contains(key) ? value : ConfigPaths.DisplayValue(value, repositoryRoot);

        var baseline = variants[0];
        if (variants.Count == 1)
        {
            yield return new Paragraph("Only one variant: nothing to compare.");
            yield break;
        }
        yield return new Paragraph($"Each variant's resolved config against {baseline.Name}'s, key by key ({string.Join(" and ", IgnoredKeys)} left out).");
        foreach (var variant in variants.Skip(1))
        {
            yield return new Heading(3, $"{variant.Name} against {baseline.Name}", "config-" + new string(variant.Name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()));
            var changes = ConfigDiff.Between(baseline.ConfigYaml, variant.ConfigYaml, IgnoredKeys);
            if (changes.Count == 0)
            {
                yield return new Paragraph($"Same config as {baseline.Name}.");
                continue;
            }
            var rows = changes.Select(c => (IReadOnlyList<string>)[c.Key, Shown(c.Key, c.Before) ?? "—", Shown(c.Key, c.After) ?? "—", c.Kind.ToString().ToLowerInvariant()]).ToList();
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
            if (separated.Count == 0) sentences.Add($"{MetricLabels.Of(metric)}: no variant differs from {baseline} by more than the intervals.");
            else sentences.AddRange(separated.Select(d => d.Describe()));
        }
        yield return new BulletList(sentences);
        yield return new Paragraph(
            "A difference counts as larger than the intervals when the two intervals do not overlap. That is a cautious test: " +
            "overlapping intervals do not show that two variants are equal, only that these test patients cannot tell them apart.", Tone.Note);
    }
}
