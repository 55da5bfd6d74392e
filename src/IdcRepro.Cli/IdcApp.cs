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
        ConfigException or StageException or TrainingCheckpointException or TorchRuntimeException or WriteFailedException => e.Message,
        IOException when WriteFailure.IsDiskFull(e) =>
            $"no space left on the disk ({e.Message.TrimEnd('.')}). Free some space or give --artifacts a folder on a disk with room, then rerun.",
        IOException or UnauthorizedAccessException =>
            $"{e.Message.TrimEnd('.')}. Check that the path exists and can be read and written (permissions, free space), then rerun.",
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
            config.AddCommand<FetchCommand>("fetch").WithDescription("Fetch the dataset (synthetic, zip, directory or url) and record its hash.");
            config.AddCommand<IndexCommand>("index").WithDescription("Index every patch: patient, x, y, class; sorted; duplicates dropped.");
            config.AddCommand<PreprocessCommand>("preprocess").WithDescription("Decode patches into the uint8 .npy cache (images.npy, labels.npy).");
            config.AddCommand<SplitCommand>("split").WithDescription("Split into train / validation / test with a fixed seed.");
            config.AddCommand<UndersampleCommand>("undersample").WithDescription("Undersample the majority class in the configured sets.");
            config.AddCommand<TrainCommand>("train").WithDescription("Train the CNN (resumes an interrupted run).");
            config.AddCommand<EvaluateCommand>("evaluate").WithDescription("Score the test set with the best checkpoint: predictions.csv and metrics.json.");
            config.AddCommand<ReportCommand>("report").WithDescription("Render the run's report: report.html (self-contained) and report.md.");
            config.AddCommand<CompareCommand>("compare").WithDescription("One page comparing finished runs (--config a.yaml --config b.yaml ...).");
            config.AddCommand<PredictCommand>("predict").WithDescription("Score a folder or zip of patches with a trained model (metrics too when names carry labels).");
            config.AddCommand<BenchCommand>("bench").WithDescription("Measure this machine: Preprocess, training, evaluation, memory, a full-size epoch; prints a table and writes JSON.");
            config.AddCommand<VariantsCommand>("variants").WithDescription("List the config files that --config names and folders stand for, one per line.");
            config.AddCommand<ConfigCommand>("config").WithDescription("Print the resolved config (after extends and --set).");
            config.AddCommand<CleanCommand>("clean").WithDescription("Remove run outputs; keeps downloaded datasets unless --downloads.");
        });
        return app;
    }
}
