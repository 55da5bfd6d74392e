using IdcRepro.Reporting.Plots;
using IdcRepro.Tests.TestSupport;
using IdcRepro.Tests.Training;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace IdcRepro.Tests.Reporting;

/// <summary>
/// The report's plots carry their own font, so their text renders on a machine with no font installed.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class BundledFontTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// Pixels darker than mid-grey in the given rows: text (plot lines and frames stay out of a title band).
    /// </summary>
    private static int DarkPixels(Image<Rgb24> image, int fromRow, int rows)
    {
        var dark = 0;
        for (var y = fromRow; y < Math.Min(image.Height, fromRow + rows); y++)
            for (var x = 0; x < image.Width; x++)
                if (image[x, y] is { R: < 110, G: < 110, B: < 110 }) dark++;
        return dark;
    }

    [Fact]
    public void Text_renders_in_the_bundled_font_regular_and_bold()
    {
        Assert.Equal("DejaVu Sans", PlotTheme.Font);
        using var regular = PngAssert.Decodes(TextImage.Render("IDC 0.791", 200, 40));
        using var bold = PngAssert.Decodes(TextImage.Render("IDC 0.791", 200, 40, bold: true));

        Assert.True(DarkPixels(regular, 0, 40) > 100, "no text in the regular image");
        Assert.True(DarkPixels(bold, 0, 40) > DarkPixels(regular, 0, 40), "bold text is not heavier than regular");
    }

    [Fact]
    public void A_report_made_where_no_font_is_installed_has_text_in_its_plots()
    {
        var config = TestRuns.TinySyntheticConfig(_temp);
        string[] sets = ["train.epochs=1", "train.threads=2", "evaluate.bootstrap_resamples=20"];
        new TestRun(config, _temp.PathOf("artifacts"), sets).Through(Graph.Evaluate);

        var (run, fontsHidden) = IdcProcess.RunWithoutFonts(_temp.Path,
            ["report", "--config", "tiny.yaml", "--artifacts", "artifacts",
                .. sets.SelectMany(s => new[] { "--set", s })]);

        Assert.True(run.ExitCode == 0, run.Error);
        using var roc = Image.Load<Rgb24>(_temp.PathOf("artifacts/runs/tiny/report/report_files/roc.png"));
        // Above the plot's frame (its top line, the first row mostly dark) stands only the title, "ROC curve of P1";
        // without a font the frame moves up to the top and nothing is drawn above it.
        var frameTop = Enumerable.Range(0, roc.Height).First(y => DarkPixels(roc, y, 1) > roc.Width / 2);
        Assert.True(DarkPixels(roc, 0, frameTop - 1) > 100,
            $"no title text above the frame of roc.png at row {frameTop} (system fonts hidden: {fontsHidden})");
    }
}
