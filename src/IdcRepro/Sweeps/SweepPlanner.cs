using IdcRepro.Config;
using IdcRepro.Pipeline;

namespace IdcRepro.Sweeps;

/// <summary>
/// Plans a sweep, a pure function of the request and of what the cache holds (<paramref name="upToDate"/>): per
/// distinct data config (<see cref="DataConfigKey"/>) one data job (idc undersample for its variants), one array of
/// trainings (idc evaluate --run &lt;run&gt;, one task a run not yet evaluated; one array per CPU count asked) after
/// it, and one report job after that; then one Compare job after everything. A job whose outputs are all up to date is
/// left out, and those after it wait only for what is planned, so a resubmitted sweep makes only what is missing; one
/// bad data config stops only its own variants' jobs (and the Compare).
/// </summary>
public static class SweepPlanner
{
    /// <param name="request">The variants, overrides, artifacts folder and profile.</param>
    /// <param name="upToDate">Whether the cache holds a stage's output for a run
    /// (<see cref="PipelineRunner.IsUpToDate"/>).</param>
    /// <param name="compareDone">Whether the sweep's Compare page was written (it is remade whenever anything else
    /// runs).</param>
    public static SweepPlan Plan(SweepRequest request, Func<StageDefinition, RunSpec, bool> upToDate, bool compareDone)
    {
        var variants = request.Variants;
        if (variants.Count == 0)
            throw new ConfigException("a sweep needs at least one --config (a file, a name or a folder of variants).");
        CheckRunNames(variants);
        var slurm = request.Profile.Slurm;
        var jobs = new List<SweepJob>();
        var fresh = new List<string>();
        var groups = variants.GroupBy(v => DataConfigKey.Of(v.Config))
            .Select((g, i) => (Number: i + 1, Variants: g.ToList())).ToList();

        foreach (var (number, members) in groups)
        {
            var planned = new List<string>();
            var dataPending = members.Where(v => v.Runs.Any(r => !upToDate(Graph.Undersample, r))).ToList();
            if (dataPending.Count > 0)
            {
                jobs.Add(new SweepJob
                {
                    Name = $"data-{number}", Kind = SweepJobKind.Data, After = [], Cpus = slurm.CpusPerTask,
                    Calls = dataPending.Select(v => Call(request, "undersample", v.File)).ToList(),
                    Variants = dataPending.Select(v => v.File).ToList(),
                });
                planned.Add($"data-{number}");
            }

            var tasks = new List<(SweepTask Task, int Cpus)>();
            foreach (var variant in members)
                foreach (var run in variant.Runs)
                {
                    if (upToDate(Graph.Evaluate, run)) fresh.Add(run.Name);
                    else
                        tasks.Add(
                            (
                            new SweepTask(variant.File, run.Name,
                            Call(request, "evaluate", variant.File, "--run", run.Name)),
                            TrainingCpus(variant.Config, slurm)));
                }
            var arrays = tasks.GroupBy(t => t.Cpus).ToList();
            var dataJobs = planned.ToList();
            foreach (var array in arrays)
            {
                var name = arrays.Count == 1 ? $"train-{number}" : $"train-{number}-{array.Key}cpu";
                var arrayTasks = array.Select(t => t.Task).ToList();
                jobs.Add(new SweepJob
                {
                    Name = name, Kind = SweepJobKind.Train, After = dataJobs, Cpus = array.Key, Gpus = slurm.GpusPerJob,
                    Tasks = arrayTasks, Calls = arrayTasks.Select(t => t.Call).ToList(),
                    Variants = arrayTasks.Select(t => t.Variant).Distinct().ToList(),
                });
                planned.Add(name);
            }

            var reportPending = members.Where(v => v.Runs.Any(r => !upToDate(Graph.Report, r))).ToList();
            if (reportPending.Count > 0)
                jobs.Add(new SweepJob
                {
                    Name = $"report-{number}", Kind = SweepJobKind.Report, After = planned, Cpus = slurm.CpusPerTask,
                    Calls = reportPending.Select(v => Call(request, "report", v.File)).ToList(),
                    Variants = reportPending.Select(v => v.File).ToList(),
                });
        }

        // A single variant needs no comparison: its report shows every run.
        if (variants.Count >= 2 && (jobs.Count > 0 || !compareDone))
        {
            var configs = variants.SelectMany(v => new[] { "--config", v.File });
            jobs.Add(new SweepJob
            {
                Name = "compare", Kind = SweepJobKind.Compare, After = jobs.Select(j => j.Name).ToList(), Cpus =
                    slurm.CpusPerTask,
                Calls = [new IdcCall(["compare", .. configs, .. Common(request), "--out", request.CompareFolder])],
                Variants = variants.Select(v => v.File).ToList(),
            });
        }
        return new SweepPlan(SweepId.Of(variants), jobs, fresh);
    }

    /// <summary>
    /// The CPUs a training asks for: its train.threads, which is part of its cache key (so every executor computes the
    /// same bits); when that is 0 ("every core"), the profile's cpus_per_task, and the job's CPUs then decide the
    /// threads.
    /// </summary>
    public static int TrainingCpus(IdcConfig config, SlurmExecutorConfig slurm) =>
        config.Train.Threads > 0 ? config.Train.Threads : slurm.CpusPerTask;

    private static IdcCall Call(SweepRequest request, string command, string file, params string[] more) =>
        new([command, "--config", file, .. Common(request), .. more]);

    private static IEnumerable<string> Common(SweepRequest request) =>
        request.Sets.SelectMany(s => new[] { "--set", s }).Concat(["--artifacts", request.Artifacts]);

    private static void CheckRunNames(IReadOnlyList<SweepVariant> variants)
    {
        var twice = variants.GroupBy(v => v.File).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ConfigException($"{twice.Key} is given twice; pass each variant once.");
        var clash = variants.SelectMany(v => v.Runs.Select(r => (r.Name, v.File))).GroupBy(x => x.Name)
            .FirstOrDefault(g => g.Select(x => x.File).Distinct().Count() > 1);
        if (clash is not null)
            throw new ConfigException(
                $"{string.Join(" and ", clash.Select(x => x.File).Distinct())} both make the run '{clash.Key}' (the " +
                "same name:); " +
                                      "give each variant its own name.");
    }
}
