using IdcRepro.Reporting.Plots;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace IdcRepro.Reporting.Panels;

/// <summary>
/// Real test patches in labelled rows, one row per outcome (TP, FP, FN, TN), each patch enlarged to
/// <see cref="Cell"/> pixels with its P1 beneath.
/// </summary>
public static class ExampleGrid
{
    public const int Cell = 100;
    public const int LabelWidth = 250;
    private const int Gap = 8;
    private const int CaptionHeight = 22;
    private const int RowPadding = 14;
    private static readonly Rgb24 Background = new(255, 255, 255);
    private static readonly Rgb24 Rule = new(220, 220, 220);

    /// <summary>The grid of <paramref name="rows"/> as PNG bytes.</summary>
    public static byte[] Render(IReadOnlyList<ExampleRow> rows, IReadOnlyList<ScoredPatch> predictions,
        IPatchPixels pixels)
    {
        var columns = Math.Max(1, rows.Count == 0 ? 1 : rows.Max(r => r.Indices.Count));
        var rowHeight = Cell + CaptionHeight + RowPadding;
        var width = LabelWidth + columns * (Cell + Gap);
        using var canvas = new Image<Rgb24>(width, Math.Max(1, rows.Count * rowHeight), Background);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var top = r * rowHeight + RowPadding / 2;
            if (r > 0) PanelCanvas.Fill(canvas, 0, r * rowHeight, width, 1, Rule);
            using (var title = PanelCanvas.FromPng(
                TextImage.Render(OutcomeNames.Title(row.Outcome), LabelWidth - 10, 30, 17, bold: true,
                centered: false)))
                PanelCanvas.Paste(canvas, title, 0, top + 14);
            var detail = $"{OutcomeNames.Meaning(row.Outcome)}\n{Format.Count(row.Available)} test patches";
            using (var text = PanelCanvas.FromPng(
                TextImage.Render(detail, LabelWidth - 10, 48, 14, hexColor: "#555555", centered: false)))
                PanelCanvas.Paste(canvas, text, 0, top + 44);
            if (row.Indices.Count == 0)
            {
                using var none = PanelCanvas.FromPng(TextImage.Render("none", Cell, Cell, 14, hexColor: "#777777"));
                PanelCanvas.Paste(canvas, none, LabelWidth, top);
                continue;
            }
            for (var c = 0; c < row.Indices.Count; c++)
            {
                var index = row.Indices[c];
                var left = LabelWidth + c * (Cell + Gap);
                using (var patch = PanelCanvas.FromRgb(pixels.ReadRgb(index), pixels.Size))
                using (var scaled = PanelCanvas.Scaled(patch, Cell))
                    PanelCanvas.Paste(canvas, scaled, left, top);
                using var caption = PanelCanvas.FromPng(
                    TextImage.Render($"P1 {Format.Fixed(predictions[index].P1, 3)}", Cell, CaptionHeight, 13));
                PanelCanvas.Paste(canvas, caption, left, top + Cell);
            }
        }
        return PanelCanvas.Png(canvas);
    }
}
