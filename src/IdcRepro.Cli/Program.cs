using IdcRepro.Cli.Commands;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Stages;
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
    foreach (var stage in Graph.Stages)
        config.AddCommand<StageCommand>(stage.Name.ToLowerInvariant()).WithData(stage).WithDescription(stage.Summary);
    config.AddCommand<GraphCommand>("graph").WithDescription("Print the graph: each stage, its version, the config section and the outputs it reads, the files it writes.");
    config.AddCommand<CompareCommand>("compare").WithDescription("One page comparing finished runs (--config a.yaml --config b.yaml ...).");
    config.AddCommand<PredictCommand>("predict").WithDescription("Score a folder or zip of patches with a trained model (metrics too when names carry labels).");
    config.AddCommand<ExportCommand>("export").WithDescription("Write a trained model for another framework: --format pytorch (state_dict, architecture, normalisation, idc_model.py).");
    config.AddCommand<BenchCommand>("bench").WithDescription("Measure this machine: Preprocess, training, evaluation, memory, a full-size epoch; prints a table and writes JSON.");
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
