namespace IdcRepro.Reporting;

/// <summary>
/// Writes a run's report: <c>report.html</c> (self-contained) and <c>report.md</c> with its images in
/// <c>report_files/</c>.
/// </summary>
public static class ReportWriter
{
    public const string Name = "report";

    public static ReportFiles Write(string directory, RunReport report, ReportOptions? options = null) =>
        DocumentWriter.Write(directory, Name, RunReportPage.Build(report, options));
}
