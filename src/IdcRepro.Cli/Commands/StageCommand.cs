using System.Globalization;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Stages;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>A thin shell around one stage: load the config, run or skip the stage, say which, link it into the run.</summary>
public abstract class StageCommand : Command<StageSettings>
{
    protected abstract string StageName { get; }

    protected abstract StageResult Run(RunContext context);

    public override int Execute(CommandContext context, StageSettings settings, CancellationToken cancellationToken)
    {
        var config = ConfigArgument.Load(settings.Config, settings.Set);
        // Ctrl+C asks long stages to stop at a safe point (training saves its last complete epoch first).
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; interrupt.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            // A multi-seed config is one run per seed; the data stages they share are simply up to date after the first.
            foreach (var seedRun in config.SeedRuns())
            {
                var run = new RunContext(seedRun, ArtifactLayout.At(settings.Artifacts), AnsiConsole.Console, settings.Force, interrupt.Token);
                var result = Run(run);
                run.Record(result);
                var where = Path.GetRelativePath(Directory.GetCurrentDirectory(), result.Directory);
                var label = config.Seeds is null ? StageName : $"{StageName} ({seedRun.Name})";
                if (result.Ran)
                    AnsiConsole.MarkupLineInterpolated($"[green]{label}: done[/] in {result.Stamp.Seconds.ToString("0.0", CultureInfo.InvariantCulture)} s -> {where}");
                else
                    AnsiConsole.MarkupLineInterpolated($"{label}: up to date ({where})");
            }
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            Console.Error.WriteLine($"{StageName}: interrupted; rerun the same command to continue.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        return 0;
    }
}
