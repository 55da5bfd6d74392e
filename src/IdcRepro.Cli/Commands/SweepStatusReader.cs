using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Sweeps;
using Spectre.Console;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// Gathers what <see cref="SweepStatus"/> needs: Slurm's word on each submitted job (scontrol), the cache's (a unit's
/// outputs up to date, through a side-effect-free <see cref="PipelineRunner.IsUpToDate"/>), and the logs.
/// </summary>
internal static class SweepStatusReader
{
    public static IReadOnlyList<UnitStatus> Read(SweepRecord record, IAnsiConsole console)
    {
        var slurmIds = record.Submissions.Where(s => s.Executor == ExecutorKind.Slurm)
            .SelectMany(s => s.Jobs).Select(j => j.JobId).OfType<string>().ToList();
        IReadOnlyDictionary<string, IReadOnlyList<SlurmJobState>> slurm =
            new Dictionary<string, IReadOnlyList<SlurmJobState>>();
        if (slurmIds.Count > 0)
        {
            if (!SweepSlurm.Installed())
                console.MarkupLine("[yellow]scontrol is not on PATH: states come from the cache and the logs[/]");
            else if (SweepSlurm.Show(slurmIds) is { } known) slurm = known;
            else
                console.MarkupLine(
                    "[yellow]Slurm does not answer (scontrol show job failed): states come from the cache and the " +
                    "logs[/]");
        }
        var cache = new CacheView(record);
        return SweepStatus.Of(record, slurm, cache.Done, log => File.Exists(log) ? File.ReadAllText(log) : null);
    }

    /// <summary>Prints the status; returns the verdict.</summary>
    public static SweepVerdict Print(SweepRecord record, IAnsiConsole console)
    {
        var rows = Read(record, console);
        var text = SweepStatusText.Render(record, rows, path =>
            ConfigLocator.Display(path, Directory.GetCurrentDirectory()), File.Exists);
        // Plain text, unwrapped: paths and ids are not markup, and a log's error line stays one line.
        console.Profile.Out.Writer.Write(text);
        console.Profile.Out.Writer.Flush();
        return SweepStatusText.Verdict(rows);
    }

    /// <summary>
    /// The cache's answer for a unit: its outputs are up to date (a config that no longer loads: not known, so no).
    /// </summary>
    private sealed class CacheView(SweepRecord record)
    {
        private readonly PipelineRunner _runner = new(ArtifactLayout.At(record.Artifacts),
            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }));
        private readonly Dictionary<string, IdcConfig?> _configs = new(StringComparer.Ordinal);

        public bool Done(SweepSubmission submission, SubmittedJob job, SubmittedTask? task) => job.Kind switch
        {
            SweepJobKind.Train => task is not null && Run(task.Variant, task.Run) is { } run
                && _runner.IsUpToDate(Graph.Evaluate, run),
            SweepJobKind.Data =>
                job.Variants.All(v => Runs(v) is { } runs && runs.All(r => _runner.IsUpToDate(Graph.Undersample, r))),
            SweepJobKind.Report =>
                job.Variants.All(v => Runs(v) is { } runs && runs.All(r => _runner.IsUpToDate(Graph.Report, r))),
            _ => File.Exists(ComparePage)
                && File.GetLastWriteTimeUtc(ComparePage) >= submission.SubmittedUtc.UtcDateTime,
        };

        private string ComparePage => SweepCommand.ComparePage(ArtifactLayout.At(record.Artifacts), record.Id);

        private RunSpec? Run(string variant, string name) => Runs(variant)?.FirstOrDefault(r => r.Name == name);

        private IReadOnlyList<RunSpec>? Runs(string variant)
        {
            if (!_configs.TryGetValue(variant, out var config))
            {
                try
                {
                    config = ConfigLoader.Load(Path.Combine(record.WorkingDirectory, variant), record.Sets);
                }
                catch (ConfigException)
                {
                    config = null;
                }
                _configs[variant] = config;
            }
            return config is null ? null : RunSpec.Of(config);
        }
    }
}
