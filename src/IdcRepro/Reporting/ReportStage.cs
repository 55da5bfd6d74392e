using IdcRepro.Pipeline;
using Spectre.Console;

namespace IdcRepro.Reporting;

/// <summary>
/// Report: one self-contained HTML page (report.html) and its Markdown twin (report.md, report_files/) per run. Keyed
/// on the whole resolved config (the page shows it) and on every output it draws from, each seed's evaluation included.
/// </summary>
public static class ReportStage
{
    public const string LastReportFile = "last-report.txt";
    public const string PageFile = "report.html";

    public static StageProducts Produce(StageRun run)
    {
        var (report, pixels) = RunReportLoader.Load(run);
        using (pixels) ReportWriter.Write(run.Work, report);
        return new StageProducts(new Dictionary<string, object>
        {
            ["git_commit"] = report.Provenance.GitCommit, ["git_dirty"] = report.Provenance.GitDirty
        });
    }

    /// <summary>Says where the page is (through the run's folder) and notes it for build.sh to print last.</summary>
    public static void Announce(StageResult result, RunSpec run, ArtifactLayout layout, IAnsiConsole console)
    {
        var page = Path.Combine(layout.RunDirectory(run.Name), "report", PageFile);
        try
        {
            AtomicFile.WriteAllText(Path.Combine(layout.Root, LastReportFile), page + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated(
                $"[yellow]warning: could not note the report's path in {layout.Root} ({e.Message})[/]");
        }
        console.MarkupLineInterpolated($"Report: {page}");
    }
}
