using System.Text.RegularExpressions;
using IdcRepro.Reporting;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Reporting;

/// <summary>
/// Opens the written pages in headless Chromium: the screenshot must show something, and every image must load.
/// The screenshots stay in the test output's TestResults folder as the test artifact.
/// </summary>
[Trait(Tier.Name, Tier.Long)]
public sealed partial class BrowserTests
{
    private static readonly string Artifacts = Path.Combine(AppContext.BaseDirectory, "TestResults");

    /// <summary>
    /// Counts loaded images onto body's data-images-loaded as "loaded/total" (added to a copy, never to the report).
    /// </summary>
    private const string ImageCheck =
        "<script>window.addEventListener('load', function () { var all = document.images, ok = 0; " +
        "for (var i = 0; i < all.length; i++) if (all[i].complete && all[i].naturalWidth > 0) ok++; " +
        "document.body.setAttribute('data-images-loaded', ok + '/' + all.length); });</script>";

    [Fact]
    public void Report_renders_in_chromium_with_every_image_loaded()
    {
        HeadlessChromium.Require();
        var folder = Path.Combine(Artifacts, "report-sample");
        var report = FakeRun.Report() with { Seeds = FakeRun.Seeds(1, 2, 3) };
        var files = ReportWriter.Write(folder, report);
        CheckPage(files.Html, RunReportPage.Build(report).Images.Count, "report-screenshot.png");
    }

    [Fact]
    public void Compare_page_renders_in_chromium_with_every_image_loaded()
    {
        HeadlessChromium.Require();
        var folder = Path.Combine(Artifacts, "compare-sample");
        var variants = new[]
        {
            new CompareVariant("blog", FakeRun.ConfigYaml, FakeRun.Report("blog")),
            new CompareVariant("patient-split",
                FakeRun.ConfigYaml.Replace("strategy: random", "strategy: patient", StringComparison.Ordinal),
                FakeRun.Report("patient-split", seed: 2, separation: 0.7)),
        };
        var files = CompareWriter.Write(folder, variants);
        CheckPage(files.Html, 2, "compare-screenshot.png");
    }

    private static void CheckPage(string html, int images, string screenshotName)
    {
        var screenshot = Path.Combine(Artifacts, screenshotName);
        File.Delete(screenshot);
        HeadlessChromium.Run(html, $"--screenshot={screenshot}", "--window-size=1280,4000");
        Assert.True(File.Exists(screenshot), "Chromium wrote no screenshot");
        using (var image = PngAssert.Decodes(File.ReadAllBytes(screenshot), 1280, 4000))
            Assert.True(PngAssert.DistinctColours(image) > 50, "the screenshot looks blank");

        var checkedCopy = Path.Combine(Path.GetDirectoryName(html)!, "image-check.html");
        File.WriteAllText(checkedCopy,
            File.ReadAllText(html).Replace("</body>", ImageCheck + "</body>", StringComparison.Ordinal));
        try
        {
            var dom = HeadlessChromium.Run(checkedCopy, "--dump-dom", "--virtual-time-budget=10000");
            var loaded = LoadedImages().Match(dom);
            Assert.True(loaded.Success, "the page's load handler did not run: no data-images-loaded on <body>");
            Assert.Equal($"{images}/{images}", loaded.Groups["count"].Value);
        }
        finally
        {
            File.Delete(checkedCopy);
        }
    }

    [GeneratedRegex("data-images-loaded=\"(?<count>\\d+/\\d+)\"")]
    private static partial Regex LoadedImages();
}
