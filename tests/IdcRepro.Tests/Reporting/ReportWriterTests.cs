using System.Text.RegularExpressions;
using IdcRepro.Evaluation;
using IdcRepro.Reporting;
using IdcRepro.Reporting.Pages;
using IdcRepro.Tests.TestSupport;

namespace IdcRepro.Tests.Reporting;

public sealed partial class ReportWriterTests
{
    [Fact]
    public void Report_html_is_self_contained_and_the_markdown_references_files_that_exist()
    {
        using var temp = new TempFolder();
        var report = FakeRun.Report() with { Seeds = FakeRun.Seeds(1, 2, 3) };
        var files = ReportWriter.Write(temp.Path, report);

        Assert.Equal(Path.Combine(temp.Path, "report.html"), files.Html);
        var html = File.ReadAllText(files.Html);
        var document = RunReportPage.Build(report);
        // loss, accuracy, confusion, roc, pr, histogram, examples, a whole-region tissue map for each of the 4 test
        // patients
        Assert.Equal(11, document.Images.Count);
        SelfContainedHtml.Check(html, document.Images.Count);

        var markdown = File.ReadAllText(files.Markdown);
        var referenced = MarkdownImage().Matches(markdown).Select(m => m.Groups["path"].Value).ToList();
        Assert.Equal(document.Images.Count, referenced.Count);
        Assert.All(referenced, path =>
        {
            Assert.StartsWith("report_files/", path, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(temp.Path, path)), $"{path} is referenced but missing");
        });
        Assert.Equal(referenced.Count, Directory.GetFiles(files.ImageFolder, "*.png").Length);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void Report_states_the_summary_the_anchors_the_leak_and_the_provenance()
    {
        var report = FakeRun.Report();
        var html = HtmlRenderer.Render(RunReportPage.Build(report));
        var accuracy = report.Metrics.Accuracy!.Value;
        var interval = report.Intervals[MetricNames.Accuracy];

        Assert.Contains($"accuracy {accuracy:F2} [{interval.Lower:F2}, {interval.Upper:F2}] on " +
            $"{report.Metrics.Patches} test patches from 4 patients; the blog: 0.7910", html);
        foreach (var anchor in new[] { "0.7910", "0.7180", "0.8423", "0.7648", "0.8468", "random patch split",
            "patient-level split" })
            Assert.Contains(anchor, html);
        Assert.Contains("A random patch-level split (the blog&#39;s) puts patches of the same patient", html);
        Assert.Contains("4 of the 4 test patients also have patches in the training set", html);
        Assert.Contains(report.Provenance.DatasetSha256, html);
        Assert.Contains("7f94c33a1b2c3d4e5f60718293a4b5c6d7e8f901 (dirty: uncommitted changes)", html);
        Assert.Contains("15,810 non-IDC + 6,504 IDC → 6,504 non-IDC + 6,504 IDC", html);
        Assert.Contains("conv_widths: [32, 64, 128, 256]", html);
        Assert.DoesNotContain("Across seeds", html);
    }

    [Theory]
    [InlineData(0.70, 0.85, Tone.Holds, "Reproduced: the blog's accuracy 0.7910 lies inside")]
    [InlineData(0.80, 0.85, Tone.Fails, "Not reproduced: the blog's accuracy 0.7910 lies below")]
    [InlineData(0.60, 0.75, Tone.Fails, "Not reproduced: the blog's accuracy 0.7910 lies above")]
    public void Verdict_says_whether_the_blogs_accuracy_lies_in_the_interval(double lower, double upper, Tone tone,
        string words)
    {
        var report = FakeRun.Report();
        var intervals = new Dictionary<string, Interval>(report.Intervals)
        {
            [MetricNames.Accuracy] = new Interval(lower, upper, 200)
        };
        var verdict = IdcRepro.Reporting.Sections.ContextSection.Verdict(report with { Intervals = intervals });
        Assert.Equal(tone, verdict.Tone);
        Assert.StartsWith(words, verdict.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Multi_seed_runs_show_mean_and_std()
    {
        var seeds = FakeRun.Seeds(1, 2, 3);
        var html = HtmlRenderer.Render(RunReportPage.Build(FakeRun.Report() with { Seeds = seeds }));
        var accuracies = seeds.Select(s => s.Metrics.Accuracy!.Value).ToArray();
        var mean = accuracies.Average();
        var sd = Math.Sqrt(accuracies.Sum(a => (a - mean) * (a - mean)) / 2);
        Assert.Contains("Across seeds", html);
        Assert.Contains($"{mean:F4} ± {sd:F4}", html);
    }

    [Fact]
    public void A_report_without_pixels_says_so_instead_of_showing_patches()
    {
        var document = RunReportPage.Build(FakeRun.Report(withPixels: false));
        Assert.Equal(6, document.Images.Count);
        Assert.Contains(document.Blocks.OfType<Paragraph>(),
            p => p.Text.Contains("no tissue maps", StringComparison.Ordinal));
    }

    [Fact]
    public void Rewriting_a_report_removes_images_it_no_longer_has()
    {
        using var temp = new TempFolder();
        ReportWriter.Write(temp.Path, FakeRun.Report());
        var files = ReportWriter.Write(temp.Path, FakeRun.Report(withPixels: false));
        Assert.Equal(6, Directory.GetFiles(files.ImageFolder, "*.png").Length);
    }

    [Fact]
    public void Text_is_escaped_in_html_and_markdown()
    {
        var document = new ReportDocument("a <b> & c",
            [new Paragraph("x < y & *z*"), new Table(["k|1"], [["v|2"]], [false])]);
        var html = HtmlRenderer.Render(document);
        Assert.Contains("a &lt;b&gt; &amp; c", html);
        Assert.Contains("x &lt; y &amp; *z*", html);
        var md = MarkdownRenderer.Render(document, "files");
        Assert.Contains(@"x \< y & \*z\*", md);
        Assert.Contains(@"| k\|1 |", md);
    }

    [GeneratedRegex(@"!\[[^\]]*\]\((?<path>[^)]+)\)")]
    private static partial Regex MarkdownImage();
}
