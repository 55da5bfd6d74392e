using IdcRepro.Pipeline;
using IdcRepro.Sweeps;
using Spectre.Console;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// The slurm executor: each job of the plan goes to sbatch in plan order, its script naming the Slurm ids of the jobs
/// it waits for; Slurm does all the scheduling. The sweep's record follows every submission.
/// </summary>
internal static class SweepSlurmExecutor
{
    /// <summary>
    /// sbatch each job in plan order, each script naming the ids of what it waits for; the record follows every
    /// submission.
    /// </summary>
    public static SweepRecord Submit(IAnsiConsole console, SweepPlan plan, ScriptContext scripts, SweepRecord record,
        SweepSubmission submission, string sweepFolder)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var job in plan.Jobs)
        {
            var submitted = submission.Jobs.Single(j => j.Name == job.Name);
            SweepCommand.WriteScript(submitted.Script, JobScript.Render(job, scripts with { JobIds = ids }));
            string jobId;
            try
            {
                jobId = SweepSlurm.Submit(submitted.Script);
            }
            catch (StageException) when (ids.Count == 0)
            {
                // Nothing reached Slurm: no submission to record.
                (record with { Submissions = [.. record.Submissions.Where(s => s.Number != submission.Number)] })
                    .Write(sweepFolder);
                Directory.Delete(submission.Folder, recursive: true);
                throw;
            }
            ids[job.Name] = jobId;
            submission =
                submission.With(submitted with { JobId = jobId, AfterIds = job.After.Select(a => ids[a]).ToList() });
            record = record.With(submission);
            record.Write(sweepFolder);
            var after = job.After.Count == 0 ? ""
                : $", after {string.Join(", ", job.After.Select(a => $"{a} ({ids[a]})"))}";
            console.MarkupLineInterpolated(
                $"submitted {job.Name} as job {jobId}{(job.IsArray ? $" (array of {job.Tasks.Count})" : "")}{after}");
        }
        return record;
    }

    /// <summary>Polls Slurm until no job of the submission is queued or running.</summary>
    public static void Wait(SweepRecord record, int number, CancellationToken cancellation)
    {
        var ids =
            record.Submissions.Single(s => s.Number == number).Jobs.Select(j => j.JobId).OfType<string>().ToList();
        while (!cancellation.IsCancellationRequested)
        {
            var states = SweepSlurm.Show(ids);
            if (states is not null && states.Values.SelectMany(s => s).All(s => s.Final)) return;
            cancellation.WaitHandle.WaitOne(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>A resubmission while the sweep's jobs still run would make their runs twice over: refused.</summary>
    public static void RefuseWhileActive(SweepRecord record, IAnsiConsole console)
    {
        if (record.Submissions.Count == 0 || record.Submissions[^1].Executor != ExecutorKind.Slurm) return;
        var active = SweepStatusReader.Read(record with { Submissions = [record.Submissions[^1]] }, console)
            .Where(u => u.Active).ToList();
        if (active.Count > 0)
            throw new StageException(
                $"sweep {record.Id} still has {active.Count} job(s) queued or running " +
                $"({string.Join(", ", active.Select(u => u.Id).Take(8))}); " +
                                     $"wait for them (idc sweep status {record.Id}) or scancel them, then submit " +
                                     "again.");
    }
}
