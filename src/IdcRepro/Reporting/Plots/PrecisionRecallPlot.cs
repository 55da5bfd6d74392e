extern alias ScottPlotLib;

using IdcRepro.Evaluation;
using ScottPlotLib::ScottPlot;

namespace IdcRepro.Reporting.Plots;

/// <summary>
/// The precision-recall curve of P1 with its average precision, the chance level (the IDC share of the test set)
/// and the argmax decision's (recall, precision) marked.
/// </summary>
public static class PrecisionRecallPlot
{
    /// <summary>560 x 500: both axes run 0 to 1, and ROC and PR sit side by side.</summary>
    public static PlotSize DefaultSize { get; } = new(560, 500);

    public static byte[] Render(IReadOnlyList<PrecisionRecallPoint> curve, MetricSet metrics, PlotSize? size = null)
    {
        var plot = PlotTheme.New("Precision-recall curve of P1", "recall (sensitivity)", "precision");
        var confusion = metrics.Confusion;
        if (confusion.Total > 0)
        {
            var prevalence = (double)confusion.Positives / confusion.Total;
            var chance = plot.Add.HorizontalLine(prevalence, 1, PlotTheme.Chance, LinePattern.Dashed);
            chance.LegendText = $"chance (IDC share {Format.Fixed(prevalence, 3)})";
        }

        if (curve.Count > 0)
        {
            var line = plot.Add.ScatterLine(curve.Select(p => p.Recall).ToArray(),
                curve.Select(p => p.Precision).ToArray(), PlotTheme.Train);
            line.LineWidth = 2.5f;
            line.MarkerSize = 0;
            line.LegendText = metrics.AveragePrecision is { } ap ? $"PR (average precision = {Format.Fixed(ap, 3)})"
                : "PR";
        }
        else plot.Add.Annotation("PR undefined: the test set has no IDC patch", Alignment.MiddleCenter);

        if (confusion.Recall is { } recall && confusion.Precision is { } precision)
        {
            var point = plot.Add.Marker(recall, precision, MarkerShape.FilledCircle, 12, PlotTheme.Idc);
            point.LegendText =
                $"argmax decision (recall {Format.Fixed(recall, 3)}, precision {Format.Fixed(precision, 3)})";
        }

        plot.Axes.SetLimits(-0.02, 1.02, -0.02, 1.02);
        plot.ShowLegend(Alignment.LowerLeft);
        return PlotTheme.Png(plot, size ?? DefaultSize);
    }
}
