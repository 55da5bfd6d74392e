extern alias ScottPlotLib;

using IdcRepro.Training;
using ScottPlotLib::ScottPlot;

namespace IdcRepro.Reporting.Plots;

/// <summary>
/// Training and validation loss, or accuracy, per epoch: the kept (best) epoch a labelled dashed line, the last
/// epoch (where early stopping fired, if it did) a dotted line; the legend sits below the plot, clear of the curves.
/// </summary>
public static class LearningCurvePlot
{
    public static byte[] Loss(TrainingHistory history, PlotSize? size = null) =>
        Render(history, "Loss per epoch", "loss (binary cross-entropy)", e => e.TrainLoss, e => e.ValLoss, size);

    public static byte[] Accuracy(TrainingHistory history, PlotSize? size = null) =>
        Render(history, "Accuracy per epoch", "accuracy", e => e.TrainAccuracy, e => e.ValAccuracy, size);

    private static byte[] Render(TrainingHistory history, string title, string yLabel,
        Func<EpochRecord, double> train, Func<EpochRecord, double> validation, PlotSize? size)
    {
        var plot = PlotTheme.New(title, "epoch", yLabel);
        var epochs = history.Epochs.OrderBy(e => e.Epoch).ToArray();
        var x = epochs.Select(e => (double)e.Epoch).ToArray();
        AddCurve(plot, x, epochs.Select(train).ToArray(), PlotTheme.Train, "training");
        AddCurve(plot, x, epochs.Select(validation).ToArray(), PlotTheme.Validation, "validation");

        var best = plot.Add.VerticalLine(history.BestEpoch, 2, PlotTheme.Best, LinePattern.Dashed);
        best.Text = $"best epoch {history.BestEpoch}";
        best.LabelOppositeAxis = true;
        plot.Axes.Top.MinimumSize = 30; // room for that label between the data and the title
        best.LegendText = $"best epoch {history.BestEpoch} (weights kept)";
        if (history.StoppedEpoch != history.BestEpoch || history.EarlyStopped)
        {
            var stop = plot.Add.VerticalLine(history.StoppedEpoch, 2, PlotTheme.Stop, LinePattern.Dotted);
            stop.LegendText = history.EarlyStopped ? $"early stop after epoch {history.StoppedEpoch}"
                : $"last epoch {history.StoppedEpoch}";
        }
        if (epochs.Length == 0) plot.Add.Annotation("no epochs recorded", Alignment.MiddleCenter);

        PlotTheme.IntegerTicksBottom(plot);
        var first = Math.Min(x.FirstOrDefault(1), history.BestEpoch);
        var last = Math.Max(x.LastOrDefault(1), history.StoppedEpoch);
        // Room on the right for half the best-epoch label when the best epoch is the last.
        plot.Axes.SetLimitsX(first - 0.5, last + 0.5 + 0.08 * Math.Max(1, last - first));
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return PlotTheme.Png(plot, size ?? PlotSize.Half);
    }

    private static void AddCurve(Plot plot, double[] x, double[] y, Color color, string name)
    {
        var line = plot.Add.ScatterLine(x, y, color);
        line.LegendText = name;
        line.LineWidth = 2;
        line.MarkerSize = x.Length <= 40 ? 5 : 0;
    }
}
