using IdcRepro.Evaluation;
using IdcRepro.Reporting.Pages;
using IdcRepro.Reporting.Sections;

namespace IdcRepro.Reporting;

/// <summary>The page of one run, built from its <see cref="RunReport"/> (pure: plots and panels are rendered in memory).</summary>
public static class RunReportPage
{
    public static ReportDocument Build(RunReport report, ReportOptions? options = null)
    {
        options ??= ReportOptions.Default;
        var blocks = new List<Block>();
        if (report.Description.Length > 0) blocks.Add(new Paragraph(report.Description));
        blocks.Add(new Paragraph(Summary(report), Tone.Lead));
        blocks.AddRange(ContextSection.Blocks(report));
        blocks.AddRange(TrainingSection.Blocks(report));
        blocks.AddRange(ResultsSection.Blocks(report));
        blocks.AddRange(PatchSection.Blocks(report, options));
        blocks.AddRange(PatientSection.Blocks(report));
        blocks.AddRange(SeedSection.Blocks(report));
        blocks.AddRange(ProvenanceSection.Blocks(report));
        return new ReportDocument($"IDC reproduction report: {report.Name}", blocks);
    }

    /// <summary>"accuracy 0.79 [0.76, 0.82] on N test patches from P patients; the blog: 0.7910".</summary>
    public static string Summary(RunReport report)
    {
        var accuracy = Format.Fixed(report.Metrics.Accuracy, 2);
        if (report.Intervals.TryGetValue(MetricNames.Accuracy, out var interval)) accuracy += " " + Format.Interval(interval, 2);
        return $"accuracy {accuracy} on {Format.Count(report.Metrics.Patches)} test patches from {Format.Count(report.Metrics.Patients)} patients; " +
               $"the blog: {Format.Fixed(PublishedResults.Blog.Metrics[MetricNames.Accuracy], 4)}";
    }
}
