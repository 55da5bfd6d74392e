using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Sweeps;
using Spectre.Console;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// <c>idc sweep status &lt;id&gt;</c> (<see cref="SweepCommand"/> with the action status): each job of each submission,
/// its id, state (Slurm's while it remembers the job, else from the cache and the job's log) and log; then whether the
/// sweep is complete, and which job failed, with its log.
/// Exit code 0 whatever the sweep's state (1 only when the sweep cannot be read).
/// </summary>
internal static class SweepStatusCommand
{
    public static int Execute(ArtifactLayout layout, string? sweepId)
    {
        if (sweepId is not { } id)
        {
            var known = Known(layout);
            if (known.Count == 0)
                AnsiConsole.MarkupLineInterpolated($"no sweeps in {ConfigOrigin.DisplayPath(layout.SweepsRoot)}");
            foreach (var record in known)
            {
                var variants = $"{record.Variants.Count} variant(s) ({string.Join(", ", record.Variants)})";
                AnsiConsole.MarkupLineInterpolated(
                    $"{record.Id}: {variants}, {record.Submissions.Count} submission(s)");
            }
            return 0;
        }
        var found = SweepRecord.Read(layout.SweepDirectory(id))
                    ?? throw new StageException($"no sweep {id} in {ConfigOrigin.DisplayPath(layout.SweepsRoot)}" +
                                                (Known(layout) is { Count: > 0 } others
                                                    ? $" (sweeps there: {string.Join(", ", others.Select(r => r.Id))})"
                                                    : "") +
                                                ". Pass the id idc sweep printed, and the same --artifacts.");
        SweepStatusReader.Print(found, AnsiConsole.Console);
        return 0;
    }

    private static List<SweepRecord> Known(ArtifactLayout layout) => Directory.Exists(layout.SweepsRoot)
        ? Directory.GetDirectories(layout.SweepsRoot).Order(StringComparer.Ordinal).Select(SweepRecord.Read)
            .OfType<SweepRecord>().ToList()
        : [];
}
