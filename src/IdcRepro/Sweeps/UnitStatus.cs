namespace IdcRepro.Sweeps;

/// <summary>
/// The state of one unit of a submission (a job, or one task of an array) and where it came from: <c>slurm</c>
/// (scontrol, while Slurm remembers the job), <c>local</c> (the local executor's record), <c>stamps</c> (the outputs
/// are in the cache) or <c>log</c> (what the job's log says).
/// </summary>
public sealed record UnitStatus
{
    public required int Submission { get; init; }
    public required string Job { get; init; }
    public required SweepJobKind Kind { get; init; }
    public int? Task { get; init; }
    public string? Run { get; init; }

    /// <summary>
    /// Slurm's id of the unit: 57, or 58_3 for an array task; local, local_3 under the local executor.
    /// </summary>
    public required string Id { get; init; }

    /// <summary>
    /// COMPLETED, FAILED, CANCELLED, TIMEOUT, PENDING, RUNNING, ... as Slurm names them; NOT RUN when nothing shows it
    /// ran.
    /// </summary>
    public required string State { get; init; }

    public required string Source { get; init; }
    public string? Reason { get; init; }
    public string? ExitCode { get; init; }
    public string? Log { get; init; }

    /// <summary>The last "error:" line of the log, when the unit did not complete.</summary>
    public string? LastError { get; init; }

    public const string NotRun = "NOT RUN";

    public bool Completed => State == "COMPLETED";

    /// <summary>Still to finish: queued or running.</summary>
    public bool Active => State is "PENDING" or "RUNNING" or "CONFIGURING" or "COMPLETING" or "SUSPENDED" or "REQUEUED"
        or "RESIZING" or "SIGNALING" or "STAGE_OUT";
}
