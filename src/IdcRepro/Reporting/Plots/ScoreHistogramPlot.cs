extern alias ScottPlotLib;

using ScottPlotLib::ScottPlot;

namespace IdcRepro.Reporting.Plots;

/// <summary>How P1 is distributed for the truly non-IDC and the truly IDC test patches, overlaid.</summary>
public static class ScoreHistogramPlot
{
    /// <summary>Bins of width 0.05 over [0, 1]; a P1 of exactly 1 falls in the last.</summary>
    public const int Bins = 20;

    public static byte[] Render(IReadOnlyList<ScoredPatch> predictions, PlotSize? size = null)
    {
        var plot = PlotTheme.New("P1 by true class", "P1 (the model's IDC output)", "test patches");
        AddClass(plot, predictions.Where(p => p.Label == 0).Select(p => p.P1), PlotTheme.NonIdc, "true non-IDC");
        AddClass(plot, predictions.Where(p => p.Label == 1).Select(p => p.P1), PlotTheme.Idc, "true IDC");
        plot.Axes.SetLimitsX(-0.01, 1.01);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperCenter);
        return PlotTheme.Png(plot, size ?? PlotSize.Default);
    }

    /// <summary>Counts of <paramref name="scores"/> in each of <see cref="Bins"/> equal bins of [0, 1].</summary>
    public static int[] Count(IEnumerable<double> scores)
    {
        var counts = new int[Bins];
        foreach (var s in scores) counts[Math.Clamp((int)Math.Floor(s * Bins), 0, Bins - 1)]++;
        return counts;
    }

    private static void AddClass(Plot plot, IEnumerable<double> scores, Color color, string name)
    {
        var list = scores.ToList();
        var counts = Count(list);
        var bars = Enumerable.Range(0, Bins).Select(b => new Bar
        {
            Position = (b + 0.5) / Bins,
            Value = counts[b],
            Size = 1.0 / Bins,
            FillColor = color.WithAlpha(0.45),
            LineColor = color,
            LineWidth = 1,
        }).ToArray();
        var plottable = plot.Add.Bars(bars);
        plottable.LegendText = $"{name} ({list.Count:N0} patches)";
        plottable.Color = color.WithAlpha(0.45);
        foreach (var bar in plottable.Bars) { bar.LineColor = color; bar.LineWidth = 1; }
    }
}
