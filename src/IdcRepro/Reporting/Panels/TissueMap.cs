using IdcRepro.Reporting.Plots;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace IdcRepro.Reporting.Panels;

/// <summary>
/// One held-out patient's whole region put back where its patches lie on the slide, in three panels side by side: every
/// patch of the patient (the rebuilt region), the region tinted by ground truth, and tinted by predicted P1 where the
/// patch was held out (a patch the model trained on is drawn flat in <see cref="NotHeldOut"/>), with legends. Positions
/// without a patch stay light grey. The region is shrunk to fit the panel size (whole pixels a patch, never enlarged).
/// </summary>
public static class TissueMap
{
    /// <summary>How strongly a tint covers the tissue beneath it (0 none, 1 opaque).</summary>
    public const double TintOpacity = 0.5;

    /// <summary>The colour of positions without a patch.</summary>
    public static readonly Rgb24 Unknown = new(0xd9, 0xd9, 0xd9);

    /// <summary>
    /// The colour, in the P1 panel, of a patch that was not held out (the model trained or validated on it).
    /// </summary>
    public static readonly Rgb24 NotHeldOut = new(0x6b, 0x6b, 0x6b);

    private const int Margin = 12;
    private const int Gap = 20;
    private const int TitleHeight = 32;
    private const int LegendHeight = 46;
    private const int MinColumnWidth = 300;
    private static readonly Rgb24 White = new(255, 255, 255);
    private static readonly Rgb24 Border = new(0x99, 0x99, 0x99);

    /// <summary>The three-panel map of a patient's region, as PNG bytes.</summary>
    /// <param name="maxPanelWidth">Widest a panel may be; patches shrink (never grow) to fit.</param>
    public static byte[] Render(PatientRegion region, int maxPanelWidth = 360, int maxPanelHeight = 360)
    {
        var layout = TissueLayout.For(region.Patches.Select(p => p.Patch).ToArray(), region.Pixels.Size, maxPanelWidth,
            maxPanelHeight);
        var column = ColumnWidth(layout);
        using var canvas = new Image<Rgb24>(2 * Margin + 3 * column + 2 * Gap,
            2 * Margin + TitleHeight + layout.Height + LegendHeight, White);

        var panelTop = PanelOrigin(0, layout).Y;
        var lefts = Enumerable.Range(0, 3).Select(k => PanelOrigin(k, layout).X).ToArray();
        var columnLefts = Enumerable.Range(0, 3).Select(k => ColumnLeft(k, layout)).ToArray();
        string[] titles = ["Tissue (whole region)", "Ground truth", "Predicted P1"];
        for (var k = 0; k < 3; k++)
        {
            using var title = PanelCanvas.FromPng(TextImage.Render(titles[k], column, TitleHeight - 4, 16, bold: true));
            PanelCanvas.Paste(canvas, title, columnLefts[k], Margin);
            PanelCanvas.Fill(canvas, lefts[k], panelTop, layout.Width, layout.Height, Unknown);
        }

        for (var i = 0; i < region.Patches.Count; i++)
        {
            var (patch, p1) = (region.Patches[i].Patch, region.Patches[i].P1);
            var (x, y) = layout.PixelOf(patch);
            using var rgb = PanelCanvas.FromRgb(region.Pixels.ReadRgb(i), region.Pixels.Size);
            using var tissue = PanelCanvas.Scaled(rgb, layout.Cell);
            PanelCanvas.Paste(canvas, tissue, lefts[0] + x, panelTop + y);
            using var truth = Tinted(tissue, patch.Label == 1 ? ColorRamp.Idc : ColorRamp.NonIdc);
            PanelCanvas.Paste(canvas, truth, lefts[1] + x, panelTop + y);
            if (p1 is { } score)
            {
                using var tinted = Tinted(tissue, ColorRamp.At(score));
                PanelCanvas.Paste(canvas, tinted, lefts[2] + x, panelTop + y);
            }
            else PanelCanvas.Fill(canvas, lefts[2] + x, panelTop + y, layout.Cell, layout.Cell, NotHeldOut);
        }
        for (var k = 0; k < 3; k++)
            PanelCanvas.Frame(canvas, lefts[k] - 1, panelTop - 1, layout.Width + 2, layout.Height + 2, Border);

        var legendTop = panelTop + layout.Height + 8;
        DrawKeyLegend(canvas, columnLefts[0], legendTop, region.Scored < region.Patches.Count
            ? [(Unknown, "no patch"), (NotHeldOut, "not held out")]
            : [(Unknown, "no patch here")]);
        DrawKeyLegend(canvas, columnLefts[1], legendTop, [(ColorRamp.Idc, "IDC"), (ColorRamp.NonIdc, "non-IDC")]);
        DrawRampLegend(canvas, columnLefts[2], legendTop, Math.Min(column, 300));
        return PanelCanvas.Png(canvas);
    }

    /// <summary>
    /// The canvas pixel where panel <paramref name="panel"/> (0 tissue, 1 ground truth, 2 P1) starts.
    /// </summary>
    /// <remarks>A panel narrower than its column (which is wide enough for the legend) is centred in it.</remarks>
    internal static (int X, int Y) PanelOrigin(int panel, TissueLayout layout) =>
        (ColumnLeft(panel, layout) + (ColumnWidth(layout) - layout.Width) / 2, Margin + TitleHeight);

    private static int ColumnLeft(int panel, TissueLayout layout) => Margin + panel * (ColumnWidth(layout) + Gap);

    private static int ColumnWidth(TissueLayout layout) => Math.Max(layout.Width, MinColumnWidth);

    /// <summary>
    /// A copy of <paramref name="tissue"/> with <paramref name="tint"/> laid over it at <see cref="TintOpacity"/>.
    /// </summary>
    public static Image<Rgb24> Tinted(Image<Rgb24> tissue, Rgb24 tint)
    {
        var copy = tissue.Clone();
        copy.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
                foreach (ref var pixel in rows.GetRowSpan(y))
                    pixel = ColorRamp.Mix(pixel, tint, TintOpacity);
        });
        return copy;
    }

    private static void DrawKeyLegend(Image<Rgb24> canvas, int left, int top,
        IReadOnlyList<(Rgb24 Color, string Label)> keys)
    {
        var x = left;
        foreach (var (color, label) in keys)
        {
            PanelCanvas.Fill(canvas, x, top + 5, 16, 16, color);
            PanelCanvas.Frame(canvas, x, top + 5, 16, 16, Border);
            var width = 14 + 8 * label.Length;
            using var text = PanelCanvas.FromPng(TextImage.Render(label, width, 24, 13, centered: false));
            PanelCanvas.Paste(canvas, text, x + 20, top + 1);
            x += 20 + width + 10;
        }
    }

    private static void DrawRampLegend(Image<Rgb24> canvas, int left, int top, int width)
    {
        const int barHeight = 14;
        var barLeft = left + 10;
        var barWidth = width - 20;
        for (var dx = 0; dx < barWidth; dx++)
            PanelCanvas.Fill(canvas, barLeft + dx, top, 1, barHeight, ColorRamp.At((double)dx / (barWidth - 1)));
        PanelCanvas.Frame(canvas, barLeft, top, barWidth, barHeight, Border);
        foreach (var (value, label) in new[] { (0.0, "0"), (0.25, "0.25"), (0.5, "0.5"), (0.75, "0.75"), (1.0, "1") })
        {
            var x = barLeft + (int)Math.Round(value * (barWidth - 1));
            PanelCanvas.Fill(canvas, x, top + barHeight, 1, 5, Border);
            using var text = PanelCanvas.FromPng(TextImage.Render(label, 48, 20, 12));
            PanelCanvas.Paste(canvas, text, Math.Clamp(x - 24, 0, canvas.Width - 48), top + barHeight + 5);
        }
    }
}
