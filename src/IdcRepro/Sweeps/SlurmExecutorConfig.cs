using System.Text.RegularExpressions;
using IdcRepro.Config;

namespace IdcRepro.Sweeps;

/// <summary>
/// The <c>slurm</c> section of a profile: what each job asks Slurm for. A training job asks for its config's
/// <c>train.threads</c> CPUs (<see cref="CpusPerTask"/> when that is 0), the other jobs for <see cref="CpusPerTask"/>.
/// </summary>
public sealed partial record SlurmExecutorConfig : ISelfValidating
{
    /// <summary>sbatch --partition; null: the cluster's default partition.</summary>
    public string? Partition { get; init; }

    /// <summary>sbatch --account; null: the user's default account.</summary>
    public string? Account { get; init; }

    /// <summary>sbatch --time, in Slurm's forms: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS.</summary>
    public string TimeLimit { get; init; } = "01:00:00";

    /// <summary>CPUs for the data, report and compare jobs, and for trainings whose train.threads is 0.</summary>
    [ConfigRange(1, 1024)] public int CpusPerTask { get; init; } = 1;

    /// <summary>sbatch --mem (per node), e.g. 4G; null: the partition's default.</summary>
    public string? Mem { get; init; }

    /// <summary>GPUs each training job asks for (sbatch --gpus); 0: CPU trainings.</summary>
    [ConfigRange(0, 16)] public int GpusPerJob { get; init; }

    /// <summary>
    /// More sbatch options for every job, each as sbatch takes it, e.g. --qos=normal or --constraint=a100.
    /// </summary>
    public IReadOnlyList<string> ExtraSbatchOptions { get; init; } = [];

    /// <summary>
    /// Options the sweep sets itself, from the plan and the config: a profile may not set them again.
    /// </summary>
    public static IReadOnlyList<string> SetBySweep { get; } =
        ["--array", "--dependency", "--output", "--error", "--job-name", "--cpus-per-task", "--gpus", "--gres",
            "--kill-on-invalid-dep", "--chdir", "--wrap"];

    public IEnumerable<(string Key, string Message)> Validate()
    {
        if (!TimeLimitPattern().IsMatch(TimeLimit))
            yield return ("time_limit",
                $"'{TimeLimit}' is not a Slurm time: minutes (90), HH:MM:SS (01:30:00), D-HH:MM:SS (1-12:00:00), or " +
                "unlimited");
        if (Mem is { } mem && !MemPattern().IsMatch(mem))
            yield return ("mem", $"'{mem}' is not a Slurm memory size: a whole number with K, M, G or T, e.g. 4G");
        foreach (var (option, i) in ExtraSbatchOptions.Select((o, i) => (o, i)))
        {
            var name = option.Split('=', 2)[0].Trim();
            if (!option.StartsWith("--", StringComparison.Ordinal) || name.Length < 3 || option.Contains('\n'))
                yield return ($"extra_sbatch_options[{i}]",
                    $"'{option}' is not a long sbatch option such as --qos=normal");
            else if (SetBySweep.Contains(name))
                yield return ($"extra_sbatch_options[{i}]",
                    $"{name} is set by the sweep itself ({Why(name)}); leave it out of the profile");
        }
        if (Partition is { Length: 0 })
            yield return ("partition", "give a partition name, or leave the key out for the cluster's default");
        if (Account is { Length: 0 })
            yield return ("account", "give an account name, or leave the key out for your default account");
    }

    private static string Why(string option) => option switch
    {
        "--cpus-per-task" => "a training asks for its config's train.threads, the other jobs for cpus_per_task",
        "--gpus" or "--gres" => "use gpus_per_job",
        _ => "from the plan",
    };

    [GeneratedRegex(
        @"^(\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|\d+-\d{1,2}(:\d{1,2}(:\d{1,2})?)?|" +
        @"unlimited|infinite|UNLIMITED|INFINITE)$")]
    private static partial Regex TimeLimitPattern();

    [GeneratedRegex(@"^\d+[KMGT]?$")]
    private static partial Regex MemPattern();
}
