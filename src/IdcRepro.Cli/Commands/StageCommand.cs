using System.Runtime.InteropServices;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Sweeps;
using IdcRepro.Torch;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// One stage of the graph (registered once per <see cref="Graph.Stages"/> entry, the stage as the command's data): load
/// the config, then make the stage's output for every run the config stands for, running what it reads first where that
/// is missing or damaged. Ctrl+C and SIGTERM (Slurm's scancel and time limit) stop it at a safe point.
/// </summary>
public sealed class StageCommand : Command<StageSettings>
{
    public override int Execute(CommandContext context, StageSettings settings, CancellationToken cancellationToken)
    {
        var stage = (StageDefinition)context.Data!;
        var config = ConfigArgument.Load(settings.Config, settings.Set);
        // Before anything loads libtorch: its CPU kernels are picked once per process.
        if (config.Train.CpuKernels == CpuKernels.Avx2) CpuNumerics.Pin();
        // A Slurm job (a sweep's training) must have the CPUs its train.threads asks for: the threads are in the cache
        // key.
        if ((stage == Graph.Train || stage == Graph.Evaluate)
            && JobCpus.Shortfall(config.Train.Threads, Environment.GetEnvironmentVariable(JobCpus.SlurmVariable),
                Environment.ProcessorCount) is { } shortfall)
            throw new StageException(shortfall);
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; interrupt.Cancel(); };
        Console.CancelKeyPress += onCancel;
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
            { signal.Cancel = true; interrupt.Cancel(); });
        try
        {
            var runner =
                new PipelineRunner(ArtifactLayout.At(settings.Artifacts), AnsiConsole.Console, interrupt.Token);
            foreach (var run in RunSpec.Select(config, settings.Run)) runner.Run(stage, run, settings.Force);
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            Console.Error.WriteLine($"{stage.Name}: interrupted; rerun the same command to continue.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        return 0;
    }
}
