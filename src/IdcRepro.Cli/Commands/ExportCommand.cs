using System.ComponentModel;
using IdcRepro.Config;
using IdcRepro.Export;
using IdcRepro.Pipeline;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// Writes the trained model of a config in another framework's format: <c>--format pytorch</c> gives model.pt (a
/// state_dict that torch.load reads), model.json, normalization.json and idc_model.py, by default in
/// runs/&lt;name&gt;/export/pytorch/.
/// </summary>
public sealed class ExportCommand : Command<ExportCommand.Settings>
{
    public sealed class Settings : StageSettings
    {
        [CommandOption("--format <FORMAT>")]
        [Description("The format to write: pytorch")]
        public string? Format { get; init; }

        [CommandOption("-o|--output <DIR>")]
        [Description("The folder to write (replaced whole). Default: <artifacts>/runs/<name>/export/<format>")]
        public string? Output { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Format != PyTorchExport.Format)
            throw new ConfigException(settings.Format is null
                ? $"export needs --format {PyTorchExport.Format}."
                : $"export: unknown --format '{settings.Format}'. Allowed: {PyTorchExport.Format}.");
        var config = ConfigArgument.Load(settings.Config, settings.Set);
        var runs = RunSpec.Select(config, settings.Run);
        if (settings.Output is not null && runs.Count > 1)
            throw new ConfigException(
                $"export -o writes one model, and {settings.Config} trains {runs.Count} " +
                $"({RunWords.Describe(config)}: {string.Join(", ", runs.Select(r => r.Name))}): " +
                $"add --run {runs[0].Name} for one of them, or leave out -o (each run goes to its own run folder).");
        var runner = new PipelineRunner(ArtifactLayout.At(settings.Artifacts), AnsiConsole.Console);
        foreach (var run in runs)
        {
            var folder = Path.GetFullPath(settings.Output ?? ModelExport.DefaultFolder(runner.Layout, run));
            var manifest = ModelExport.ToPyTorch(runner, run, folder);
            var where = Path.GetRelativePath(Directory.GetCurrentDirectory(), folder);
            var files = string.Join(", ", manifest.Files.Keys);
            AnsiConsole.MarkupLineInterpolated(
                $"export: {run.Name}, best epoch {manifest.BestEpoch} -> {where} ({files})");
        }
        return 0;
    }
}
