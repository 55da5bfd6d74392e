extern alias ScottPlotLib;

using IdcRepro.Training;
using ScottPlotLib::ScottPlot;

namespace IdcRepro.Reporting.Plots;

/// <summary>
/// One validation curve per variant, overlaid, with each variant's kept epoch marked by a dot; the legend below, one
/// variant a line, and by default the image grows with the number of variants so that no legend line is cut off.
/// </summary>
public static class VariantCurvesPlot
{
    /// <summary>
    /// The default size for this many variants: <see cref="PlotSize.Half"/>'s width, and a legend line each.
    /// </summary>
    public static PlotSize DefaultSize(int variants) =>
        PlotSize.Half with { Height = 380 + 24 * Math.Max(variants, 1) };

    public static byte[] ValidationLoss(IReadOnlyList<(string Name, TrainingHistory History)> variants, PlotSize? size =
        null) =>
        Render(variants, "Validation loss per epoch", "validation loss", e => e.ValLoss, size);

    public static byte[] ValidationAccuracy(IReadOnlyList<(string Name, TrainingHistory History)> variants,
        PlotSize? size = null) =>
        Render(variants, "Validation accuracy per epoch", "validation accuracy", e => e.ValAccuracy, size);

    private static byte[] Render(IReadOnlyList<(string Name, TrainingHistory History)> variants, string title,
        string yLabel,
        Func<EpochRecord, double> value, PlotSize? size)
    {
        var plot = PlotTheme.New(title, "epoch", yLabel);
        for (var v = 0; v < variants.Count; v++)
        {
            var (name, history) = variants[v];
            var color = PlotTheme.Series[v % PlotTheme.Series.Length];
            var epochs = history.Epochs.OrderBy(e => e.Epoch).ToArray();
            var line = plot.Add.ScatterLine(epochs.Select(e => (double)e.Epoch).ToArray(),
                epochs.Select(value).ToArray(), color);
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = $"{name} (best epoch {history.BestEpoch})";
            if (history.Best is { } best) plot.Add.Marker(best.Epoch, value(best), MarkerShape.FilledCircle, 10, color);
        }
        PlotTheme.IntegerTicksBottom(plot);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Vertical;
        return PlotTheme.Png(plot, size ?? DefaultSize(variants.Count));
    }
}
