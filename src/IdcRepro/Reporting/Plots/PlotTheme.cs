extern alias ScottPlotLib;

using ScottPlotLib::ScottPlot;

namespace IdcRepro.Reporting.Plots;

/// <summary>The colours and the common set-up of every report plot, so the figures read as one family.</summary>
internal static class PlotTheme
{
    public static readonly Color Train = Color.FromHex("#1f77b4");
    public static readonly Color Validation = Color.FromHex("#ff7f0e");
    public static readonly Color Best = Color.FromHex("#2ca02c");
    public static readonly Color Stop = Color.FromHex("#7f7f7f");
    public static readonly Color Idc = Color.FromHex("#d7301f");
    public static readonly Color NonIdc = Color.FromHex("#2b8cbe");
    public static readonly Color Chance = Color.FromHex("#9e9e9e");
    public static readonly Color Ink = Color.FromHex("#222222");

    /// <summary>Colours for lines of several variants, in order (Tableau 10).</summary>
    public static readonly Color[] Series =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"), Color.FromHex("#d62728"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#7f7f7f"),
        Color.FromHex("#bcbd22"), Color.FromHex("#17becf"),
    ];

    /// <summary>
    /// Every label's font: DejaVu Sans, carried inside the assembly (<see cref="BundledFont"/>), so text renders the
    /// same on any machine, fonts installed or not.
    /// </summary>
    public const string Font = BundledFont.Family;

    /// <summary>An empty plot (its text takes the report's font when rendered by <see cref="Png"/>).</summary>
    public static Plot Blank()
    {
        BundledFont.EnsureRegistered();
        return new Plot();
    }

    /// <summary>A plot with a title, axis titles and the report's font sizes.</summary>
    public static Plot New(string title, string xLabel, string yLabel)
    {
        var plot = Blank();
        plot.Title(title, 17);
        plot.Axes.Title.Label.Bold = true;
        plot.XLabel(xLabel, 15);
        plot.YLabel(yLabel, 15);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Legend.FontSize = 13;
        return plot;
    }

    /// <summary>Epochs as whole-number ticks only.</summary>
    public static void IntegerTicksBottom(Plot plot) =>
        plot.Axes.Bottom.TickGenerator =
            new ScottPlotLib::ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

    /// <summary>The plot as PNG bytes, every label in <see cref="Font"/>.</summary>
    public static byte[] Png(Plot plot, PlotSize size)
    {
        using (plot)
        {
            ApplyFont(plot);
            return plot.GetImageBytes(size.Width, size.Height, ImageFormat.Png);
        }
    }

    /// <summary>
    /// Names the font on each label rather than through <c>plot.Font.Set</c>, which pins one typeface and so
    /// loses bold.
    /// </summary>
    private static void ApplyFont(Plot plot)
    {
        plot.Axes.Title.Label.FontName = Font;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontName = Font;
            axis.TickLabelStyle.FontName = Font;
        }
        plot.Legend.FontName = Font;
        foreach (var plottable in plot.GetPlottables())
        {
            switch (plottable)
            {
                case ScottPlotLib::ScottPlot.Plottables.Text text: text.LabelFontName = Font; break;
                case ScottPlotLib::ScottPlot.Plottables.AxisLine line: line.LabelStyle.FontName = Font; break;
                case ScottPlotLib::ScottPlot.Plottables.Annotation note: note.LabelStyle.FontName = Font; break;
            }
        }
    }
}
