namespace IdcRepro.Sweeps;

/// <summary>
/// Where a sweep stands, unit by unit: from Slurm while it knows a job (scontrol), from the local executor's record,
/// else from the cache (the unit's outputs are up to date: COMPLETED) and the job's log (cancelled, failed with its
/// error line, or never started). Pure: the shell gathers Slurm's answers, the cache's and the logs.
/// </summary>
public static class SweepStatus
{
    /// <param name="record">The sweep's record.</param>
    /// <param name="slurm">What scontrol said, by submitted job id (absent: Slurm no longer knows the job).</param>
    /// <param name="outputsDone">Whether a unit's outputs are up to date in the cache (the task is null for a plain
    /// job).</param>
    /// <param name="readLog">A log's text, or null when there is no such file.</param>
    public static IReadOnlyList<UnitStatus> Of(SweepRecord record,
        IReadOnlyDictionary<string, IReadOnlyList<SlurmJobState>> slurm,
        Func<SweepSubmission, SubmittedJob, SubmittedTask?, bool> outputsDone, Func<string, string?> readLog)
    {
        var rows = new List<UnitStatus>();
        foreach (var submission in record.Submissions)
            foreach (var job in submission.Jobs)
            {
                var units = job.IsArray ? job.Tasks.Select(t => (SubmittedTask?)t).ToList() : [null];
                foreach (var task in units)
                    rows.Add(Unit(submission, job, task, slurm, outputsDone, readLog));
            }
        return rows;
    }

    /// <summary>The units of the latest submission: what decides whether the sweep is complete.</summary>
    public static IReadOnlyList<UnitStatus> Latest(IReadOnlyList<UnitStatus> rows) =>
        rows.Count == 0 ? rows : rows.Where(r => r.Submission == rows.Max(x => x.Submission)).ToList();

    private static UnitStatus Unit(SweepSubmission submission, SubmittedJob job, SubmittedTask? task,
        IReadOnlyDictionary<string, IReadOnlyList<SlurmJobState>> slurm,
            Func<SweepSubmission, SubmittedJob, SubmittedTask?, bool> outputsDone,
        Func<string, string?> readLog)
    {
        var index = task?.Index;
        var log = job.Log(submission.Folder, index);
        var row = new UnitStatus
        {
            Submission = submission.Number, Job = job.Name, Kind = job.Kind, Task = index, Run = task?.Run,
            Id = job.JobId is null ? "-" : index is { } i ? $"{job.JobId}_{i}" : job.JobId,
            State = UnitStatus.NotRun, Source = "record", Log = log,
        };
        if (job.JobId is null) return row with { Reason = "never submitted" };

        var known = job.JobId == JobLog.LocalId
            ? job.Outcomes.FirstOrDefault(o => o.Task == index) is { } outcome
                ? new Known(outcome.State, outcome.Reason,
                    outcome.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture), "local")
                : null
            : slurm.TryGetValue(job.JobId, out var states) && Find(states, job, index) is { } state
                ? new Known(state.State, state.Reason, state.ExitCode, "slurm")
                : null;
        if (known is not null && (known.Source == "slurm" || SlurmJobState.IsFinal(known.State)))
            return WithError(row with
            {
                State = known.State,
                Reason = known.Reason,
                ExitCode = known.ExitCode,
                Source = known.Source
            }, readLog);
        if (outputsDone(submission, job, task)) return row with { State = "COMPLETED", Source = "stamps" };
        if (known is not null) return row with { State = known.State, Reason = known.Reason, Source = known.Source };

        var text = log is null ? null : readLog(log);
        if (text is null) return row with { Source = "log", Reason = "no log: it never started" };
        var error = LastError(text);
        var fromLog = text.Contains("DUE TO TIME LIMIT", StringComparison.Ordinal) ? "TIMEOUT"
            : text.Contains(" CANCELLED AT ", StringComparison.Ordinal) ? "CANCELLED"
            : error is not null ? "FAILED"
            : "ENDED";
        return row with
        {
            State = fromLog,
            Source = "log",
            LastError = error,
            Reason = fromLog == "ENDED" ? "outputs not in the cache, no error in the log" : null
        };
    }

    private sealed record Known(string State, string? Reason, string? ExitCode, string Source);

    private static SlurmJobState? Find(IReadOnlyList<SlurmJobState> states, SubmittedJob job, int? task) =>
        task is { } t
        ? states.FirstOrDefault(s => s.ArrayJobId == job.JobId && s.Tasks.Contains(t))
        : states.FirstOrDefault(s => s.JobId == job.JobId);

    private static UnitStatus WithError(UnitStatus row, Func<string, string?> readLog) =>
        row.Completed || row.Active || row.Log is null ? row
            : row with { LastError = readLog(row.Log) is { } text ? LastError(text) : null };

    /// <summary>The last line of a log that says what went wrong (idc's "error: ..." line, or slurmstepd's).</summary>
    public static string? LastError(string log) => log.Split('\n')
        .Select(l => l.Trim())
        .LastOrDefault(l => l.StartsWith("error:", StringComparison.Ordinal)
            || l.Contains("error: ***", StringComparison.Ordinal));
}
