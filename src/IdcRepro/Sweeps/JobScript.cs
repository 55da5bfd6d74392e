using System.Text;

namespace IdcRepro.Sweeps;

/// <summary>
/// The bash script of one job: for Slurm, #SBATCH lines (name, log, array, CPUs, GPUs, partition, account, time,
/// memory, afterok dependencies with --kill-on-invalid-dep, the profile's extra options), then the idc calls. The last
/// call (an array task's only one) is <c>exec</c>'d, so scancel's and the time limit's SIGTERM reach idc itself, which
/// stops at a safe point (training after its last complete epoch). The local executor runs the same calls without the
/// #SBATCH lines, setting SLURM_ARRAY_TASK_ID for each array task.
/// </summary>
public static class JobScript
{
    public static string Render(SweepJob job, ScriptContext context)
    {
        var text = new StringBuilder("#!/bin/bash\n");
        if (context.Profile.Executor == ExecutorKind.Slurm)
            foreach (var option in SbatchOptions(job, context)) text.Append("#SBATCH ").Append(option).Append('\n');
        else
            text.Append(
                "# Run by idc sweep's local executor (bash <this file>; SLURM_ARRAY_TASK_ID set for each array " +
                "task).\n");
        text.Append(
            $"# idc sweep {context.SweepId}, submission {context.Submission}, job {job.Name}: {Describe(job)}\n");
        text.Append("set -euo pipefail\n");
        text.Append($"cd {ShellWord.Quote(context.WorkingDirectory)}\n");
        foreach (var variable in context.Profile.Environment.Select(e => EnvironmentVariable.Parse(e)!))
            text.Append($"export {variable.Name}={ShellWord.Quote(variable.Value)}\n");
        text.Append(
            $"echo \"{job.Name}: job ${{SLURM_JOB_ID:-{JobLog.LocalId}}} on $(hostname), $(nproc) CPUs, GPUs: " +
            $"${{CUDA_VISIBLE_DEVICES:-none}}\"\n");
        if (job.IsArray)
        {
            text.Append(
                $"case \"${{SLURM_ARRAY_TASK_ID:?{job.Name} is a job array: submit it with sbatch, or set " +
                $"SLURM_ARRAY_TASK_ID}}\" in\n");
            for (var i = 0; i < job.Tasks.Count; i++)
                text.Append($"  {i}) exec {Command(context, job.Tasks[i].Call)} ;;\n");
            text.Append(
                $"  *) echo \"{job.Name} has tasks 0 to {job.Tasks.Count - 1}, not $SLURM_ARRAY_TASK_ID\" >&2; exit " +
                "2 ;;\n");
            text.Append("esac\n");
        }
        else
        {
            for (var i = 0; i < job.Calls.Count; i++)
                text.Append(i == job.Calls.Count - 1 ? "exec " : "").Append(Command(context, job.Calls[i]))
                    .Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The #SBATCH options of a job, in the order they are written.</summary>
    public static IReadOnlyList<string> SbatchOptions(SweepJob job, ScriptContext context)
    {
        var slurm = context.Profile.Slurm;
        var options = new List<string>
        {
            $"--job-name=idc-{context.SweepId}-{job.Name}",
            $"--output={JobLog.Pattern(context.Folder, job)}",
        };
        if (job.IsArray) options.Add($"--array=0-{job.Tasks.Count - 1}");
        options.Add($"--cpus-per-task={job.Cpus}");
        if (job.Gpus > 0) options.Add($"--gpus={job.Gpus}");
        if (slurm.Partition is { } partition) options.Add($"--partition={partition}");
        if (slurm.Account is { } account) options.Add($"--account={account}");
        options.Add($"--time={slurm.TimeLimit}");
        if (slurm.Mem is { } mem) options.Add($"--mem={mem}");
        if (job.After.Count > 0)
        {
            var ids = job.After.Select(name => context.JobIds.TryGetValue(name, out var id) ? id
                : throw new InvalidOperationException(
                    $"{job.Name} waits for {name}, which has no job id yet: submit in plan order."));
            options.Add($"--dependency=afterok:{string.Join(':', ids)}");
            // Cancelled when what it waits for fails, even where the cluster lacks
            // DependencyParameters=kill_invalid_depend.
            options.Add("--kill-on-invalid-dep=yes");
        }
        options.AddRange(slurm.ExtraSbatchOptions);
        return options;
    }

    private static string Command(ScriptContext context, IdcCall call) =>
        string.Join(' ', context.Program.Select(ShellWord.Quote)) + " " + call;

    private static string Describe(SweepJob job) => job.Kind switch
    {
        SweepJobKind.Data => $"the data stages (Fetch to Undersample) of {string.Join(", ", job.Variants)}",
        SweepJobKind.Train =>
            $"trains and evaluates {job.Tasks.Count} run(s), one an array " +
            $"task: {string.Join(", ", job.Tasks.Select(t => t.Run))}",
        SweepJobKind.Report => $"the reports of {string.Join(", ", job.Variants)}",
        _ => $"the comparison page of {job.Variants.Count} variants",
    };
}
