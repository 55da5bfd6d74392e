namespace IdcRepro.Sweeps;

/// <summary>
/// Where a job's output goes: beside its script, <c>&lt;job&gt;.&lt;job id&gt;.log</c>, an array task's
/// <c>&lt;job&gt;.&lt;array id&gt;_&lt;task&gt;.log</c> (sbatch's %j, %A and %a; the local executor's id is "local").
/// </summary>
public static class JobLog
{
    public const string LocalId = "local";

    /// <summary>sbatch's --output for the job.</summary>
    public static string Pattern(string folder, SweepJob job) =>
        Path.Combine(folder, job.IsArray ? $"{job.Name}.%A_%a.log" : $"{job.Name}.%j.log");

    /// <summary>The log of a job (or of one task of an array) submitted as <paramref name="jobId"/>.</summary>
    public static string Of(string folder, string jobName, string jobId, int? task = null) =>
        Path.Combine(folder, task is { } t ? $"{jobName}.{jobId}_{t}.log" : $"{jobName}.{jobId}.log");
}
