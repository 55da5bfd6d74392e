using System.Globalization;
using System.Text;

namespace IdcRepro.Sweeps;

/// <summary>Where a sweep stands, as a whole.</summary>
public enum SweepVerdict { Complete, Active, Failed, NothingSubmitted }

/// <summary>
/// <c>idc sweep status</c>'s text: the sweep, each submission's units (job, id, run, state, where the state came from,
/// log), then one verdict line, and for a sweep that failed one line per unit that did not complete, naming its job, id
/// and log (and the log's error line).
/// </summary>
public static class SweepStatusText
{
    public static SweepVerdict Verdict(IReadOnlyList<UnitStatus> rows)
    {
        var latest = SweepStatus.Latest(rows);
        if (latest.Count == 0) return SweepVerdict.NothingSubmitted;
        if (latest.Any(r => r.Active)) return SweepVerdict.Active;
        return latest.All(r => r.Completed) ? SweepVerdict.Complete : SweepVerdict.Failed;
    }

    /// <param name="display">How a path is shown (relative to the working directory where it lies inside it).</param>
    /// <param name="exists">Whether a log file exists (a unit that never started has none).</param>
    public static string Render(SweepRecord record, IReadOnlyList<UnitStatus> rows, Func<string, string> display,
        Func<string, bool> exists)
    {
        var text = new StringBuilder();
        text.Append($"sweep {record.Id}: {record.Variants.Count} variant(s) ({string.Join(", ", record.Variants)})");
        if (record.Sets.Count > 0) text.Append($", --set {string.Join(" --set ", record.Sets)}");
        text.Append($"; artifacts {display(record.Artifacts)}\n");
        foreach (var submission in record.Submissions)
        {
            var units = rows.Where(r => r.Submission == submission.Number).ToList();
            text.Append(
                $"submission {submission.Number}: {Name(submission.Executor)} ({display(submission.Profile)}), ")
                .Append(
                    submission.SubmittedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
                .Append($" UTC, {submission.Jobs.Count} job(s); scripts and logs in {display(submission.Folder)}\n");
            var table = units.Select(u => new[]
            {
                u.Job, u.Id, u.Run ?? "-", State(u), u.Source, u.Log is { } log && exists(log) ? display(log)
                    : "(no log)",
            }).Prepend(["job", "id", "run", "state", "from", "log"]).ToList();
            var widths = Enumerable.Range(0, 6).Select(c => table.Max(row => row[c].Length)).ToArray();
            foreach (var row in table)
                text.Append("  ")
                    .Append(string.Join("  ", row.Select((cell, c) => c == 5 ? cell : cell.PadRight(widths[c])))
                    .TrimEnd()).Append('\n');
        }
        var latest = SweepStatus.Latest(rows);
        switch (Verdict(rows))
        {
            case SweepVerdict.NothingSubmitted:
                text.Append("nothing submitted yet\n");
                break;
            case SweepVerdict.Complete:
                text.Append($"complete: all {latest.Count} unit(s) of submission {latest[0].Submission} completed\n");
                break;
            case SweepVerdict.Active:
                text.Append(
                    $"active: {latest.Count(r => r.Active)} of {latest.Count} unit(s) of " +
                    $"submission {latest[0].Submission} queued or running\n");
                break;
            default:
                var failed = latest.Where(r => !r.Completed && !r.Active).ToList();
                text.Append(
                    $"failed: {failed.Count} of {latest.Count} unit(s) of submission {latest[0].Submission} did not " +
                    "complete\n");
                foreach (var unit in failed.OrderBy(u => u.State == UnitStatus.NotRun
                    || u.Reason?.StartsWith("Dependency", StringComparison.Ordinal) == true))
                {
                    text.Append($"  {unit.Job}{(unit.Run is { } run ? $" ({run})" : "")}: job {unit.Id} {State(unit)}");
                    if (unit.Log is { } log && exists(log)) text.Append($", log {display(log)}");
                    if (unit.LastError is { } error) text.Append($": {error}");
                    text.Append('\n');
                }
                text.Append(
                    "Once the cause is fixed, submit the same sweep again: only what is not up to date runs, and an " +
                    "interrupted training resumes.\n");
                break;
        }
        return text.ToString();
    }

    private static string Name(ExecutorKind executor) => executor == ExecutorKind.Slurm ? "slurm" : "local";

    private static string State(UnitStatus unit)
    {
        var details = new List<string>();
        if (unit.Reason is { } reason) details.Add(reason);
        if (unit.ExitCode is { } exit && exit is not ("0" or "0:0")) details.Add($"exit {exit}");
        return details.Count == 0 ? unit.State : $"{unit.State} ({string.Join(", ", details)})";
    }
}
