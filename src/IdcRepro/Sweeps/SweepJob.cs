namespace IdcRepro.Sweeps;

/// <summary>
/// One job of a sweep's plan (one sbatch submission, or one job of the local executor). A plain job makes its
/// <see cref="Calls"/> in order; a training array's task i makes <see cref="Tasks"/>[i]'s call alone.
/// </summary>
public sealed record SweepJob
{
    /// <summary>Unique in the plan: data-1, train-1, report-1, compare.</summary>
    public required string Name { get; init; }

    public required SweepJobKind Kind { get; init; }

    /// <summary>The calls of a plain job, in order; for an array, every task's call.</summary>
    public required IReadOnlyList<IdcCall> Calls { get; init; }

    /// <summary>An array's tasks, in task order; empty for a plain job.</summary>
    public IReadOnlyList<SweepTask> Tasks { get; init; } = [];

    /// <summary>The planned jobs this one waits for, each to succeed (afterok): names in this plan.</summary>
    public required IReadOnlyList<string> After { get; init; }

    /// <summary>CPUs per task (a training: its config's train.threads) and GPUs per task.</summary>
    public required int Cpus { get; init; }

    public int Gpus { get; init; }

    /// <summary>The variant files whose runs this job serves (all of them for Compare).</summary>
    public required IReadOnlyList<string> Variants { get; init; }

    public bool IsArray => Kind == SweepJobKind.Train;

    /// <summary>How many units the job runs: its tasks, or 1.</summary>
    public int Units => IsArray ? Tasks.Count : 1;
}
