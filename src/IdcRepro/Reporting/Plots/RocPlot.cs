extern alias ScottPlotLib;

using IdcRepro.Evaluation;
using ScottPlotLib::ScottPlot;

namespace IdcRepro.Reporting.Plots;

/// <summary>
/// The ROC curve of P1 with its AUC, the chance diagonal, and the argmax decision's (FPR, TPR) marked.
/// </summary>
public static class RocPlot
{
    /// <summary>560 x 500: both axes run 0 to 1, and ROC and PR sit side by side.</summary>
    public static PlotSize DefaultSize { get; } = new(560, 500);

    public static byte[] Render(IReadOnlyList<RocPoint> roc, MetricSet metrics, PlotSize? size = null)
    {
        var plot = PlotTheme.New("ROC curve of P1", "false positive rate (1 - specificity)",
            "true positive rate (sensitivity)");
        var chance = plot.Add.Line(0, 0, 1, 1);
        chance.LineColor = PlotTheme.Chance;
        chance.LinePattern = LinePattern.Dashed;
        chance.LegendText = "chance";

        if (roc.Count > 0)
        {
            var curve = plot.Add.ScatterLine(roc.Select(p => p.FalsePositiveRate).ToArray(),
                roc.Select(p => p.TruePositiveRate).ToArray(), PlotTheme.Train);
            curve.LineWidth = 2.5f;
            curve.MarkerSize = 0;
            curve.LegendText = metrics.RocAuc is { } auc ? $"ROC (AUC = {Format.Fixed(auc, 3)})" : "ROC";
        }
        else plot.Add.Annotation("ROC undefined: the test set lacks a class", Alignment.MiddleCenter);

        if (metrics.Confusion.Specificity is { } specificity && metrics.Confusion.Recall is { } recall)
        {
            var point = plot.Add.Marker(1 - specificity, recall, MarkerShape.FilledCircle, 12, PlotTheme.Idc);
            point.LegendText =
                $"argmax decision (FPR {Format.Fixed(1 - specificity, 3)}, TPR {Format.Fixed(recall, 3)})";
        }

        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        return PlotTheme.Png(plot, size ?? DefaultSize);
    }
}
