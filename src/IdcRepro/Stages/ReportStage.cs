using IdcRepro.Pipeline;
using IdcRepro.Reporting;
using Spectre.Console;

namespace IdcRepro.Stages;

/// <summary>Report: one self-contained HTML page (report.html) and its Markdown twin (report.md, report_files/) per run.</summary>
public static class ReportStage
{
    public const string Name = "Report";
    public const int Version = 1;
    public const string LastReportFile = "last-report.txt";

    /// <summary>Keyed on the whole resolved config (the page shows it) and on the outputs it draws from.</summary>
    public static StageKey KeyFor(RunContext ctx) => ctx.Key(Name, () => ComputeKey(ctx));

    private static StageKey ComputeKey(RunContext ctx)
    {
        var inputs = new Dictionary<string, string>
        {
            ["evaluate"] = ctx.Require(EvaluateStage.KeyFor(ctx)).Stamp.OutputHash,
            ["train"] = ctx.Require(TrainStage.KeyFor(ctx)).Stamp.OutputHash,
        };
        foreach (var seed in ctx.Config.Seeds ?? [])
            inputs[$"evaluate_seed_{seed}"] = ctx.Require(EvaluateStage.KeyFor(RunReportLoader.ForSeed(ctx, seed))).Stamp.OutputHash;
        return StageKey.For(Name, Version, ctx.Config, inputs);
    }

    public static StageResult Run(RunContext ctx)
    {
        var result = ctx.Cache.GetOrRun(KeyFor(ctx), ctx.Force, work =>
        {
            var (report, pixels) = RunReportLoader.Load(ctx);
            using (pixels) ReportWriter.Write(work, report);
            return new StageProducts(new Dictionary<string, object> { ["git_commit"] = report.Provenance.GitCommit, ["git_dirty"] = report.Provenance.GitDirty });
        });
        ctx.Record(result);
        // The page through the run's folder (artifacts/runs/<name>/report/report.html), and noted for build.sh to print last.
        var page = Path.Combine(ctx.Layout.RunDirectory(ctx.Config.Name), "report", "report.html");
        var last = Path.Combine(ctx.Layout.Root, LastReportFile);
        ctx.Refresh(last, () => AtomicFile.WriteAllText(last, page + "\n"));
        ctx.Console.MarkupLineInterpolated($"Report: {page}");
        return result;
    }
}
