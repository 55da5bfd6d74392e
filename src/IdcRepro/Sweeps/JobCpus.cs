using System.Globalization;

namespace IdcRepro.Sweeps;

/// <summary>
/// The CPUs a process may compute on: those its affinity allows (.NET's ProcessorCount, which follows the CPU set
/// Slurm binds a job to), and inside a Slurm job no more than it asked for (SLURM_CPUS_PER_TASK), since a cluster
/// without CPU binding lets a job see every core of the node.
/// </summary>
public static class JobCpus
{
    public const string SlurmVariable = "SLURM_CPUS_PER_TASK";

    public static int Available(string? slurmCpusPerTask, int processorCount) =>
        int.TryParse(slurmCpusPerTask, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked > 0
            ? Math.Min(asked, processorCount)
            : processorCount;

    /// <summary>The CPUs this process may compute on.</summary>
    public static int Available() =>
        Available(Environment.GetEnvironmentVariable(SlurmVariable), Environment.ProcessorCount);

    /// <summary>
    /// Why a job cannot run a training of <paramref name="threads"/> threads (null when it can, or when it is no Slurm
    /// job): train.threads is part of the cache key, so a job that got fewer CPUs must not quietly train with fewer.
    /// </summary>
    public static string? Shortfall(int threads, string? slurmCpusPerTask, int processorCount)
    {
        if (threads <= 0 || slurmCpusPerTask is null) return null;
        var available = Available(slurmCpusPerTask, processorCount);
        return available >= threads ? null
            : $"train.threads is {threads}, but this Slurm job got {available} CPU(s) " +
                $"(SLURM_CPUS_PER_TASK={slurmCpusPerTask}, {processorCount} usable by the process). " +
              $"Submit it with --cpus-per-task={threads} or more (idc sweep asks for train.threads), or lower " +
              "train.threads (a new cache key).";
    }
}
