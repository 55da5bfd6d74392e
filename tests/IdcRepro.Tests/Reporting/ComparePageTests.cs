using System.Text.RegularExpressions;
using IdcRepro.Evaluation;
using IdcRepro.Reporting;
using IdcRepro.Reporting.Comparing;
using IdcRepro.Reporting.Pages;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Reporting;

public sealed partial class ComparePageTests
{
    /// <summary>A run whose accuracy is exactly (tn + tp) / total and whose intervals are given.</summary>
    private static RunReport Run(string name, ConfusionMatrix confusion, double lower, double upper,
        IReadOnlyList<SeedResult>? seeds = null) =>
        FakeRun.Report(name, withPixels: false) with
        {
            Metrics = new MetricSet(confusion, 4, 0.9, 0.88, 0.8),
            Intervals = new Dictionary<string, Interval>
            {
                [MetricNames.Accuracy] = new(lower, upper, 1000),
                [MetricNames.RocAuc] = new(0.85, 0.95, 1000),
            },
            Seeds = seeds ?? [],
        };

    private static IReadOnlyList<CompareVariant> Variants() =>
    [
        new("blog", FakeRun.ConfigYaml, Run("blog", new ConfusionMatrix(688, 124, 218, 594), 0.7612, 0.8155)),
        new("patient-split",
            FakeRun.ConfigYaml.Replace("strategy: random", "strategy: patient", StringComparison.Ordinal)
                .Replace("  stratify: false\n", "", StringComparison.Ordinal),
            Run("patient-split", new ConfusionMatrix(600, 212, 300, 512), 0.6420, 0.7301)),
        new("wider",
            FakeRun.ConfigYaml.Replace("dropout: 0.5", "dropout: 0.3\n    batch_norm: true", StringComparison.Ordinal),
            Run("wider", new ConfusionMatrix(700, 112, 200, 612), 0.7700, 0.8300, FakeRun.Seeds(1, 2, 3))),
    ];

    [Fact]
    public void Config_paths_are_shown_relative_to_the_repository_not_as_this_machines_paths()
    {
        var root = Path.Combine(Path.GetTempPath(), "work", "repo");
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "janowczyk-2016-split"));
        var lists = FakeRun.ConfigYaml.Replace("  strategy: random\n",
            $"  strategy: lists\n  lists:\n    train: {Path.Combine(shared, "train.txt")}\n" +
            $"    test: {Path.Combine(root, "configs", "test.txt")}\n", StringComparison.Ordinal);
        var baseline = Variants()[0];
        var variants = new[] { baseline, new CompareVariant("lists", lists, baseline.Report with { Name = "lists" }) };

        var rows = ComparePage.Build(variants, root).Blocks.OfType<Table>().Skip(1).First().Rows;

        Assert.Equal(["split.lists.train", "—", "../shared/data/janowczyk-2016-split/train.txt", "added"],
            rows.Single(r => r[0] == "split.lists.train"));
        Assert.Equal(["split.lists.test", "—", "configs/test.txt", "added"],
            rows.Single(r => r[0] == "split.lists.test"));
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell.Contains(root, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_run_behind_a_variant_is_named_when_a_variant_stands_for_several()
    {
        var variants = Variants()
            .Select(v => v with { Runs = v.Name == "wider" ? ["wider-seed1", "wider-seed2", "wider-seed3"] : [v.Name] })
            .ToList();
        var lines = ComparePage.Build(variants).Blocks.OfType<Paragraph>().Select(p => p.Text).ToList();
        Assert.Contains("The 5 runs behind the figures: blog (column blog); patient-split (column patient-split); " +
            "wider-seed1, wider-seed2, wider-seed3 (column wider).", lines);
        // One run a variant: nothing more to say.
        Assert.DoesNotContain(ComparePage.Build(Variants()).Blocks.OfType<Paragraph>(),
            p => p.Text.StartsWith("The ", StringComparison.Ordinal));
    }

    [Fact]
    public void Metric_table_holds_each_variants_numbers()
    {
        var variants = Variants();
        var table = ComparePage.Build(variants).Blocks.OfType<Table>().First();
        Assert.Equal(["Metric", "blog", "patient-split", "wider"], table.Header);
        var accuracy = table.Rows.Single(r => r[0] == "Accuracy");
        for (var v = 0; v < variants.Count; v++)
        {
            var run = variants[v].Report;
            var interval = run.Intervals[MetricNames.Accuracy];
            var numbers = Number().Matches(accuracy[v + 1])
                .Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(Math.Round(run.Metrics.Accuracy!.Value, 4), numbers[0]);
            Assert.Equal(interval.Lower, numbers[1]);
            Assert.Equal(interval.Upper, numbers[2]);
        }
        var spread = SeedSpread.Of(variants[2].Report.Seeds).Single(s => s.Metric == MetricNames.Accuracy);
        Assert.Contains($"seeds: {spread.Mean:F4} ± {spread.StandardDeviation:F4} (n = 3)", accuracy[3]);
        Assert.DoesNotContain("seeds:", accuracy[1]);
        // Every metric has a row, undefined intervals shown as a bare value.
        Assert.Equal(variants[0].Report.Metrics.Named().Count, table.Rows.Count);
        Assert.Equal("0.8000", table.Rows.Single(r => r[0] == "Keras binary accuracy")[1]);
    }

    [Fact]
    public void States_which_differences_are_larger_than_the_intervals()
    {
        var differences = IntervalComparison.AgainstFirst(Variants());
        var accuracy = differences.Where(d => d.Metric == MetricNames.Accuracy).ToList();
        // [0.642, 0.730] below [0.761, 0.816]
        Assert.True(accuracy.Single(d => d.Variant == "patient-split").Separated);
        // [0.770, 0.830] overlaps
        Assert.False(accuracy.Single(d => d.Variant == "wider").Separated);
        Assert.All(differences.Where(d => d.Metric == MetricNames.RocAuc), d => Assert.False(d.Separated));

        var page = HtmlRenderer.Render(ComparePage.Build(Variants()));
        Assert.Contains("Accuracy: patient-split 0.6847 [0.6420, 0.7301] is lower than blog 0.7894 " +
            "[0.7612, 0.8155]; the intervals do not overlap.", page);
        Assert.Contains("ROC AUC: no variant differs from blog by more than the intervals.", page);
        Assert.DoesNotContain("Accuracy: wider", page);
    }

    [Fact]
    public void Lists_each_variants_config_changes_against_the_first()
    {
        var page = ComparePage.Build(Variants());
        var tables = page.Blocks.OfType<Table>().Skip(1).ToList();
        Assert.Equal(
            [["split.strategy", "random", "patient", "changed"], ["split.stratify", "false", "—", "removed"]],
            tables[0].Rows);
        Assert.Equal(
            [["train.model.dropout", "0.5", "0.3", "changed"], ["train.model.batch_norm", "—", "true", "added"]],
            tables[1].Rows);
    }

    [Fact]
    public void Compare_page_is_self_contained_with_its_markdown_twin()
    {
        using var temp = new TempFolder();
        var files = CompareWriter.Write(temp.Path, Variants());
        Assert.EndsWith("compare.html", files.Html, StringComparison.Ordinal);
        SelfContainedHtml.Check(File.ReadAllText(files.Html), expectedImages: 2);
        var markdown = File.ReadAllText(files.Markdown);
        Assert.Contains("](compare_files/val-loss.png)", markdown);
        Assert.True(File.Exists(Path.Combine(temp.Path, "compare_files", "val-accuracy.png")));
    }

    /// <summary>
    /// A k-fold variant whose pooled balanced accuracy, F1 and ROC AUC (every patch) are given; undersampled: balanced
    /// accuracy <paramref name="undersampled"/>.
    /// </summary>
    private static CompareVariant KFold(string name, double balanced, double f1, double auc, double undersampled)
    {
        HeldOutFigures Figures(double b, double f, double a) => new(1000, 28,
            new Dictionary<string, double?>
            {
                [MetricNames.Accuracy] = b, [MetricNames.BalancedAccuracy] = b,
                [MetricNames.F1] = f, [MetricNames.RocAuc] = a
            },
            new Dictionary<string, Interval> { [MetricNames.BalancedAccuracy] = new(b - 0.05, b + 0.05, 1000) });
        var cv = new CrossValidationFigures
        {
            Folds = 5,
            FoldRows = [],
            All = new PooledFigures(Figures(balanced, f1, auc), []),
            Undersampled = new PooledFigures(Figures(undersampled, f1, auc),
                [new MetricSpread(MetricNames.BalancedAccuracy, undersampled, 0.02, 5)]),
        };
        return new CompareVariant(name, FakeRun.ConfigYaml,
            FakeRun.Report(name, withPixels: false) with { CrossValidation = cv });
    }

    [Fact]
    public void K_fold_variants_are_ranked_on_their_pooled_figures_and_compared_on_their_pooled_undersampled_ones()
    {
        CompareVariant[] variants =
        [
            KFold("cv", 0.70, 0.60, 0.80, 0.71),
            new("blog", FakeRun.ConfigYaml, Run("blog", new ConfusionMatrix(688, 124, 218, 594), 0.7612, 0.8155)),
            KFold("tta", 0.75, 0.58, 0.80, 0.74), KFold("stronger", 0.75, 0.65, 0.85, 0.76),
        ];
        var ranked = CrossValidationRanking.Rank(variants);
        Assert.Equal(["stronger", "tta", "cv"], ranked.Select(r => r.Variant.Name)); // balanced accuracy, then ROC AUC
        Assert.Equal([1, 1, 3], ranked.Select(r => r.Ranks[MetricNames.BalancedAccuracy])); // equal values share a rank
        Assert.Equal([1, 3, 2], ranked.Select(r => r.Ranks[MetricNames.F1]));

        var page = ComparePage.Build(variants);
        var markdown = MarkdownRenderer.Render(page, "files");
        Assert.Contains("## Cross-validation by patient, ranked", markdown);
        Assert.Contains("| 1 | stronger | 5 | 0.7500<br>[0.7000, 0.8000]<br>(rank 1) |", markdown);
        Assert.Contains("Not ranked (no patient k-fold): blog.", markdown);
        // The metric table shows a k-fold's pooled undersampled figures, with the spread over its folds.
        var balanced = page.Blocks.OfType<Table>().First().Rows.Single(r => r[0] == "Balanced accuracy");
        Assert.Equal("0.7100\n[0.6600, 0.7600]\nfolds: 0.7100 ± 0.0200", balanced[1]);
    }

    [GeneratedRegex(@"\d+\.\d+")]
    private static partial Regex Number();
}
