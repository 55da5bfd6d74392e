using IdcRepro.Cli.Commands;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Torch;
using IdcRepro.Training;
using Spectre.Console.Cli;

namespace IdcRepro.Cli;

/// <summary>
/// The <c>idc</c> program: its commands, and the one place where what went wrong becomes one plain line on stderr
/// (where, what, what to do) and exit code 1, never a stack trace.
/// </summary>
public static class IdcApp
{
    /// <summary>Runs one command line; problems go to <paramref name="error"/> as <c>error: ...</c> lines.</summary>
    public static int Run(string[] args, TextWriter error)
    {
        try
        {
            return Create().Run(args);
        }
        catch (CommandAppException e)
        {
            error.WriteLine($"error: {e.Message} (see idc --help)");
            return 2;
        }
        catch (Exception e) when (ErrorLine(e) is { } line)
        {
            error.WriteLine($"error: {line}");
            return 1;
        }
    }

    /// <summary>What to say about a failure the user can act on; null for a bug, which keeps its stack trace.</summary>
    public static string? ErrorLine(Exception e) => e switch
    {
        // Their messages already say where and what to do.
        ConfigException or StageException or TrainingCheckpointException or TorchRuntimeException
            or WriteFailedException => e.Message,
        IOException when WriteFailure.IsDiskFull(e) =>
            $"no space left on the disk ({e.Message.TrimEnd('.')}). Free some space or give --artifacts a folder on " +
            "a disk with room, then rerun.",
        IOException or UnauthorizedAccessException =>
            $"{e.Message.TrimEnd('.')}. Check that the path exists and can be read and written (permissions, free " +
            "space), then rerun.",
        _ => null,
    };

    private static CommandApp Create()
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("idc");
            config.PropagateExceptions();
            config.Settings.StrictParsing = true;
            foreach (var stage in Graph.Stages)
                config.AddCommand<StageCommand>(stage.Name.ToLowerInvariant()).WithData(stage)
                    .WithDescription(stage.Summary);
            config.AddCommand<GraphCommand>("graph")
                .WithDescription(
                "Print the graph: each stage, its version, the config section and the outputs it reads, the files " +
                "it writes.");
            config.AddCommand<CompareCommand>("compare")
                .WithDescription("One page comparing finished runs (--config a.yaml --config b.yaml ...).");
            config.AddCommand<PredictCommand>("predict")
                .WithDescription(
                "Score a folder or zip of patches with a trained model (metrics too when names carry labels).");
            config.AddCommand<ExportCommand>("export")
                .WithDescription(
                "Write a trained model for another framework: --format pytorch (state_dict, architecture, " +
                "normalisation, idc_model.py).");
            config.AddCommand<BenchCacheCommand>("bench-cache")
                .WithDescription(
                "Measure what the cache's checks cost at full size: a 277,524-patch images.npy and a folder of as " +
                "many files.");
            config.AddCommand<BenchCommand>("bench")
                .WithDescription(
                "Measure this machine: Preprocess, training, evaluation, memory, a full-size epoch; prints a table " +
                "and writes JSON.");
            config.AddCommand<SweepCommand>("sweep")
                .WithDescription(
                "Every run of variants x seeds (x folds) as jobs: --profile local (a pool of workers) or slurm " +
                "(sbatch). `idc sweep status <id>` shows each job's state and log.");
            config.AddCommand<VariantsCommand>("variants")
                .WithDescription("List the config files that --config names and folders stand for, one per line.");
            config.AddCommand<ConfigCommand>("config")
                .WithDescription("Print the resolved config (after extends and --set).");
            config.AddCommand<CleanCommand>("clean")
                .WithDescription("Remove run outputs; keeps downloaded datasets unless --downloads.");
        });
        return app;
    }
}
