using IdcRepro.Cli.Commands;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

// Logs (CI, Cake, a file) should not wrap at Spectre's default 80 columns.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 200;

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

try
{
    return app.Run(args);
}
catch (Exception e) when (e is ConfigException or StageException or IdcRepro.Training.TrainingCheckpointException or IdcRepro.Torch.TorchRuntimeException)
{
    // One plain line (or a few) on stderr, unwrapped, no stack trace: the message says where and what to do.
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (CommandAppException e)
{
    Console.Error.WriteLine($"error: {e.Message} (see idc --help)");
    return 2;
}
