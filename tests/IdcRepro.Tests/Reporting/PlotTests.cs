using IdcRepro.Reporting.Plots;

namespace IdcRepro.Tests.Reporting;

public sealed class PlotTests
{
    private static readonly IdcRepro.Reporting.RunReport Run = FakeRun.Report();

    public static TheoryData<string> Plots =>
        ["loss", "accuracy", "confusion", "roc", "pr", "histogram", "variants-loss", "variants-accuracy"];

    [Theory]
    [MemberData(nameof(Plots))]
    public void Each_plot_is_a_decodable_png_of_the_requested_size(string plot)
    {
        var size = new PlotSize(720, 450);
        var variants = new[] { ("a", Run.History), ("b", FakeRun.History(seed: 5)) };
        var png = plot switch
        {
            "loss" => LearningCurvePlot.Loss(Run.History, size),
            "accuracy" => LearningCurvePlot.Accuracy(Run.History, size),
            "confusion" => ConfusionMatrixPlot.Render(Run.Metrics.Confusion, size),
            "roc" => RocPlot.Render(Run.Roc, Run.Metrics, size),
            "pr" => PrecisionRecallPlot.Render(Run.PrecisionRecall, Run.Metrics, size),
            "histogram" => ScoreHistogramPlot.Render(Run.Predictions, size),
            "variants-loss" => VariantCurvesPlot.ValidationLoss(variants, size),
            "variants-accuracy" => VariantCurvesPlot.ValidationAccuracy(variants, size),
            _ => throw new ArgumentOutOfRangeException(nameof(plot)),
        };
        using var image = PngAssert.Decodes(png, 720, 450);
        Assert.True(PngAssert.DistinctColours(image) > 10, "the plot looks blank");
    }

    [Fact]
    public void Default_sizes_are_used_when_none_is_given()
    {
        using (var loss = PngAssert.Decodes(LearningCurvePlot.Loss(Run.History)))
            Assert.Equal((PlotSize.Half.Width, PlotSize.Half.Height), (loss.Width, loss.Height));
        using (var histogram = PngAssert.Decodes(ScoreHistogramPlot.Render(Run.Predictions)))
            Assert.Equal((800, 500), (histogram.Width, histogram.Height));
        using (var confusion = PngAssert.Decodes(ConfusionMatrixPlot.Render(Run.Metrics.Confusion)))
            Assert.Equal((ConfusionMatrixPlot.DefaultSize.Width, ConfusionMatrixPlot.DefaultSize.Height),
                (confusion.Width, confusion.Height));
    }

    [Fact]
    public void Variant_curves_grow_a_legend_line_per_variant()
    {
        var variants = Enumerable.Range(1, 8).Select(i => ($"variant-{i}", FakeRun.History(seed: i))).ToArray();
        using var two = PngAssert.Decodes(VariantCurvesPlot.ValidationLoss(variants[..2]));
        using var eight = PngAssert.Decodes(VariantCurvesPlot.ValidationLoss(variants));
        Assert.Equal(PlotSize.Half.Width, eight.Width);
        Assert.Equal(6 * 24, eight.Height - two.Height);
    }

    [Fact]
    public void Histogram_bins_put_a_P1_of_exactly_one_in_the_last_bin()
    {
        var counts = ScoreHistogramPlot.Count([0.0, 0.04999, 0.05, 0.5, 0.99, 1.0]);
        Assert.Equal(ScoreHistogramPlot.Bins, counts.Length);
        Assert.Equal(2, counts[0]);
        Assert.Equal(1, counts[1]);
        Assert.Equal(1, counts[10]);
        Assert.Equal(2, counts[^1]);
    }

    [Fact]
    public void Plots_of_degenerate_runs_still_render()
    {
        var empty = new IdcRepro.Reporting.TrainingHistory([], 1, 1, EarlyStopped: false);
        PngAssert.Decodes(LearningCurvePlot.Loss(empty)).Dispose();
        var oneClass =
            new IdcRepro.Evaluation.MetricSet(new IdcRepro.Evaluation.ConfusionMatrix(5, 1, 0, 0), 1, null, null, 0.8);
        PngAssert.Decodes(RocPlot.Render([], oneClass)).Dispose();
        PngAssert.Decodes(PrecisionRecallPlot.Render([], oneClass)).Dispose();
        PngAssert.Decodes(ConfusionMatrixPlot.Render(oneClass.Confusion)).Dispose();
    }
}
