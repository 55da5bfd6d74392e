extern alias ScottPlotLib;

using ScottPlotLib::ScottPlot;

namespace IdcRepro.Reporting.Plots;

/// <summary>
/// A line of text rendered to a PNG, for labels inside composed images (ImageSharp alone draws no text here).
/// </summary>
internal static class TextImage
{
    /// <param name="text">The label; '\n' breaks lines.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="fontSize">Font size in pixels.</param>
    /// <param name="bold">Bold text.</param>
    /// <param name="hexColor">Text colour, e.g. "#222222".</param>
    /// <param name="centered">Centre the text; otherwise align it left, vertically centred.</param>
    public static byte[] Render(string text, int width, int height, float fontSize = 14, bool bold = false,
        string hexColor = "#222222", bool centered = true)
    {
        var plot = PlotTheme.Blank();
        plot.Layout.Frameless();
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        var label = plot.Add.Text(text, centered ? 0.5 : 0.0, 0.5);
        label.OffsetX = centered ? 0 : 6;
        label.LabelFontSize = fontSize;
        label.LabelBold = bold;
        label.LabelFontColor = Color.FromHex(hexColor);
        label.LabelAlignment = centered ? Alignment.MiddleCenter : Alignment.MiddleLeft;
        plot.Axes.SetLimits(0, 1, 0, 1);
        return PlotTheme.Png(plot, new PlotSize(width, height));
    }
}
