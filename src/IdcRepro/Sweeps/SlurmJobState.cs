using System.Text.RegularExpressions;

namespace IdcRepro.Sweeps;

/// <summary>
/// What Slurm says of one job, or of array tasks that share a line (pending tasks: <c>ArrayTaskId=1-3</c>), as
/// <c>scontrol show job --oneliner</c> prints it.
/// </summary>
public sealed partial record SlurmJobState(string JobId, string? ArrayJobId, IReadOnlyList<int> Tasks, string State,
    string? Reason, string? ExitCode, string? Dependency)
{
    /// <summary>States after which Slurm does nothing more with the job.</summary>
    public static bool IsFinal(string state) => state is "COMPLETED" or "FAILED" or "CANCELLED" or "TIMEOUT"
        or "NODE_FAIL" or "OUT_OF_MEMORY"
        or "PREEMPTED" or "BOOT_FAIL" or "DEADLINE" or "REVOKED";

    public bool Final => IsFinal(State);

    /// <summary>Every job (or array task line) in scontrol's one-line-a-job output.</summary>
    public static IReadOnlyList<SlurmJobState> Parse(string scontrolOutput)
    {
        var states = new List<SlurmJobState>();
        foreach (var line in scontrolOutput.Split('\n',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = Field().Matches(line).GroupBy(m => m.Groups[1].Value)
                .ToDictionary(g => g.Key, g => g.First().Groups[2].Value, StringComparer.Ordinal);
            if (!fields.TryGetValue("JobId", out var id) || !fields.TryGetValue("JobState", out var state)) continue;
            var arrayId = fields.GetValueOrDefault("ArrayJobId");
            var tasks = fields.TryGetValue("ArrayTaskId", out var taskText) ? TaskIds(taskText) : [];
            states.Add(
                new SlurmJobState(id, arrayId, tasks, state, Null(fields.GetValueOrDefault("Reason")),
                Null(fields.GetValueOrDefault("ExitCode")), Null(fields.GetValueOrDefault("Dependency"))));
        }
        return states;
    }

    /// <summary>Array task ids as scontrol writes them: 3, 0-7, 1,3,5-7, with an optional %throttle.</summary>
    public static IReadOnlyList<int> TaskIds(string text)
    {
        var ids = new List<int>();
        foreach (var part in text.Split('%')[0].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var range = part.Split('-');
            if (range.Length == 2 && int.TryParse(range[0], out var from) && int.TryParse(range[1], out var to))
                ids.AddRange(Enumerable.Range(from, to - from + 1));
            else if (int.TryParse(part, out var one)) ids.Add(one);
        }
        return ids;
    }

    private static string? Null(string? value) => value is null or "" or "(null)" or "None" ? null : value;

    [GeneratedRegex(@"(?:^|\s)([A-Za-z:]+)=(\S*)")]
    private static partial Regex Field();
}
