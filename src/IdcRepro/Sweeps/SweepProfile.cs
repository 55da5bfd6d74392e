using IdcRepro.Config;

namespace IdcRepro.Sweeps;

/// <summary>Where a sweep's jobs run: on this machine (a pool of workers) or as Slurm jobs.</summary>
public enum ExecutorKind { Local, Slurm }

/// <summary>
/// A sweep profile (profiles/*.yaml): where and with what resources a sweep's jobs run, kept apart from the experiment
/// configs (Snakemake's profiles). Nothing here reaches a cache key: the CPUs a training asks for come from its
/// config's <c>train.threads</c>, and a profile cannot set that or <c>train.device</c>.
/// </summary>
public sealed record SweepProfile : ISelfValidating
{
    public required ExecutorKind Executor { get; init; }

    /// <summary>
    /// The command a job runs <c>idc</c> with, e.g. a published CUDA build (<c>out/idc/idc</c>); null: the idc that
    /// plans the sweep.
    /// </summary>
    public string? Program { get; init; }

    /// <summary>
    /// Variables every job exports, NAME=value, e.g. <c>IDC_LIBTORCH=/opt/torch/lib</c> (the CUDA route of README).
    /// </summary>
    public IReadOnlyList<string> Environment { get; init; } = [];

    public LocalExecutorConfig Local { get; init; } = new();
    public SlurmExecutorConfig Slurm { get; init; } = new();

    public IEnumerable<(string Key, string Message)> Validate()
    {
        foreach (var (entry, i) in Environment.Select((e, i) => (e, i)))
            if (EnvironmentVariable.Parse(entry) is null)
                yield return ($"environment[{i}]",
                    $"'{entry}' is not NAME=value (a name of letters, digits and '_', not starting with a digit)");
        if (Program is { Length: 0 })
            yield return ("program", "give the command jobs run idc with, or leave the key out");
    }
}

/// <summary>The <c>local</c> section: how many jobs (or array tasks) run at once on this machine.</summary>
public sealed record LocalExecutorConfig
{
    [ConfigRange(1, 1024)] public int Jobs { get; init; } = 1;
}
