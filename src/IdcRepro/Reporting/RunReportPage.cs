using IdcRepro.Evaluation;
using IdcRepro.Reporting.Pages;
using IdcRepro.Reporting.Sections;

namespace IdcRepro.Reporting;

/// <summary>
/// The page of one run, built from its <see cref="RunReport"/> (pure: plots and panels are rendered in memory).
/// </summary>
public static class RunReportPage
{
    public static ReportDocument Build(RunReport report, ReportOptions? options = null)
    {
        options ??= ReportOptions.Default;
        var blocks = new List<Block>();
        if (report.Description.Length > 0) blocks.Add(new Paragraph(report.Description));
        blocks.Add(new Paragraph(Summary(report), Tone.Lead));
        blocks.AddRange(ContextSection.Blocks(report));
        blocks.AddRange(CrossValidationSection.Blocks(report));
        blocks.AddRange(ExternalSection.Blocks(report));
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
        if (report.CrossValidation is { } cv)
            return $"{cv.Folds}-fold patient cross-validation, pooled out of fold: balanced " +
                $"accuracy {PooledText(cv.All.Pooled)} on every patch of " +
                   $"{Format.Count(cv.All.Pooled.Patients)} patients ({Format.Count(cv.All.Pooled.Patches)} patches); "
                       +
                   (report.HasTestSet
                       ? $"this fold's run: accuracy {Format.Fixed(report.Metrics.Accuracy, 2)} on its undersampled " +
                       "test set" : "this run has no test set");
        if (!report.HasTestSet)
            return "no test set (split.test_fraction 0): every patient but the validation set trained the model" +
                   (report.External.Count > 0 ? $"; {report.External.Count} external set(s) scored below" : "");
        var accuracy = Format.Fixed(report.Metrics.Accuracy, 2);
        if (report.Intervals.TryGetValue(MetricNames.Accuracy, out var interval))
            accuracy += " " + Format.Interval(interval, 2);
        return $"accuracy {accuracy} on {Format.Count(report.Metrics.Patches)} test patches " +
            $"from {Format.Count(report.Metrics.Patients)} patients; " +
               $"the blog: {Format.Fixed(PublishedResults.Blog.Metrics[MetricNames.Accuracy], 4)}";
    }

    private static string PooledText(HeldOutFigures pooled)
    {
        var text = Format.Fixed(pooled.Value(MetricNames.BalancedAccuracy), 2);
        return pooled.Intervals.TryGetValue(MetricNames.BalancedAccuracy, out var interval)
            ? $"{text} {Format.Interval(interval, 2)}" : text;
    }
}
