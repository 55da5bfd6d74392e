using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Torch;
using IdcRepro.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// Measures training speed on this machine (bare step, full epoch with augmentation, evaluation, share of time outside
/// the steps, peak memory) with the config's train section, prints one table and writes JSON to compare machines or commits.
/// </summary>
public sealed class BenchCommand : Command<BenchCommand.Settings>
{
    public sealed class Settings : StageSettings
    {
        [CommandOption("--patches <N>")]
        [Description("Random patches in the benchmark's training set (default 2000)")]
        [DefaultValue(2000)]
        public int Patches { get; init; } = 2000;

        [CommandOption("--json <FILE>")]
        [Description("Where the JSON goes. Default: <artifacts>/bench/bench-<device>.json")]
        public string? Json { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var config = ConfigLoader.Load(settings.Config, settings.Set);
        var runtime = TorchRuntime.EnsureLoaded();
        AnsiConsole.MarkupLineInterpolated($"bench: {runtime.Description}");
        var result = TrainingBenchmark.Run(config.Train, settings.Patches);
        var peakHostMegabytes = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;

        var table = new Table().AddColumns("figure", "value");
        table.AddRow("device", $"{result.Device} ({result.Threads} threads)");
        table.AddRow("batch size", $"{result.BatchSize}");
        table.AddRow("bare training step", $"{result.BareStepPatchesPerSecond:N0} patches/s (best step {result.BestBareStepPatchesPerSecond:N0})");
        table.AddRow("training with augmentation", $"{result.TrainingPatchesPerSecond:N0} patches/s (best batch {result.BestTrainingBatchPatchesPerSecond:N0})");
        table.AddRow("share of epoch outside the steps", $"{result.ShareOutsideSteps:P1}");
        table.AddRow("evaluation", $"{result.EvaluationPatchesPerSecond:N0} patches/s");
        table.AddRow("peak host memory", $"{peakHostMegabytes:N0} MB");
        AnsiConsole.Write(table);

        var path = settings.Json ?? Path.Combine(ArtifactLayout.At(settings.Artifacts).Root, "bench", $"bench-{result.Device.Split(':')[0]}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(new
        {
            measured_utc = DateTimeOffset.UtcNow,
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
            backend = runtime.Description,
            code_version = CodeVersion.Current,
            result,
            peak_host_megabytes = Math.Round(peakHostMegabytes),
        }, Stamp.Json));
        AnsiConsole.MarkupLineInterpolated($"bench: {path}");
        return 0;
    }
}
