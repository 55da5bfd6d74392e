extern alias ScottPlotLib;

using IdcRepro.Evaluation;
using ScottPlotLib::ScottPlot;

namespace IdcRepro.Reporting.Plots;

/// <summary>
/// The argmax confusion matrix as a heatmap: rows the true class, columns the predicted class, each cell with its
/// count and its share of the row (so the diagonal reads as specificity and sensitivity); shade by that share.
/// </summary>
public static class ConfusionMatrixPlot
{
    /// <summary>560 x 460: the matrix reads best near square.</summary>
    public static PlotSize DefaultSize { get; } = new(560, 460);

    private static readonly string[] ClassNames = ["non-IDC", "IDC"];

    public static byte[] Render(ConfusionMatrix confusion, PlotSize? size = null)
    {
        var plot = PlotTheme.New("Confusion matrix (argmax)", "predicted", "true");
        var rows = confusion.ToRows();
        for (var t = 0; t < 2; t++)
        {
            var rowTotal = rows[t][0] + rows[t][1];
            for (var p = 0; p < 2; p++)
            {
                var count = rows[t][p];
                double? share = rowTotal == 0 ? null : (double)count / rowTotal;
                var y = 1 - t; // true non-IDC on top
                var cell = plot.Add.Rectangle(p - 0.5, p + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = Shade(share ?? 0);
                cell.LineColor = Colors.White;
                cell.LineWidth = 3;

                var ink = share > 0.55 ? Colors.White : PlotTheme.Ink;
                var countText = plot.Add.Text(Format.Count(count), p, y + 0.08);
                countText.LabelFontSize = 30;
                countText.LabelBold = true;
                countText.LabelFontColor = ink;
                countText.LabelAlignment = Alignment.MiddleCenter;

                var shareText = plot.Add.Text(share is { } s ? $"{Format.Percent(s, 1)} of true {ClassNames[t]}"
                    : "no patches", p, y - 0.14);
                shareText.LabelFontSize = 15;
                shareText.LabelFontColor = ink;
                shareText.LabelAlignment = Alignment.MiddleCenter;
            }
        }
        plot.Axes.Bottom.SetTicks([0, 1], ClassNames);
        plot.Axes.Left.SetTicks([1, 0], ClassNames);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.HideGrid();
        plot.Axes.SetLimits(-0.5, 1.5, -0.5, 1.5);
        return PlotTheme.Png(plot, size ?? DefaultSize);
    }

    /// <summary>White at 0 to a deep blue at 1.</summary>
    private static Color Shade(double share)
    {
        var deep = Color.FromHex("#08519c");
        var light = Color.FromHex("#f7fbff");
        byte Mix(byte a, byte b) => (byte)Math.Round(a + (b - a) * Math.Clamp(share, 0, 1));
        return new Color(Mix(light.R, deep.R), Mix(light.G, deep.G), Mix(light.B, deep.B));
    }
}
