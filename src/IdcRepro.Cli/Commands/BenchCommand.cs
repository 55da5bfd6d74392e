using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using IdcRepro.Benchmarks;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Torch;
using IdcRepro.Training;
using Spectre.Console;
using Spectre.Console.Cli;
using TorchSharp;

namespace IdcRepro.Cli.Commands;

/// <summary>
/// Measures this machine: Preprocess decoding, training (bare step, epoch with augmentation), evaluation, peak host
/// and device memory, and the time of one epoch over the full dataset's 277,524 patches, with the config's preprocess
/// and train sections; prints one table and writes JSON to compare machines or commits.
/// </summary>
public sealed class BenchCommand : Command<BenchCommand.Settings>
{
    /// <summary>Patches in IDC_regular_ps50_idx5.</summary>
    public const int FullDatasetPatches = 277_524;

    /// <summary>
    /// Training patches on a CPU by default: a full-size epoch there takes about 15 minutes on 2 cores.
    /// </summary>
    private const int CpuDefaultPatches = 2_000;

    public sealed class Settings : StageSettings
    {
        [CommandOption("--patches <N>")]
        [Description(
            "Random patches in the training benchmark's set. Default: 277,524 (the full dataset) on a GPU, 2,000 on " +
            "a CPU, whose full-size epoch time is then projected")]
        public int? Patches { get; init; }

        [CommandOption("--preprocess-patches <N>")]
        [Description("Synthetic PNG patches the Preprocess benchmark decodes (default 20,000; 0 skips it)")]
        [DefaultValue(20_000)]
        public int PreprocessPatches { get; init; } = 20_000;

        [CommandOption("--json <FILE>")]
        [Description("Where the JSON goes. Default: <artifacts>/bench/bench-<device>.json")]
        public string? Json { get; init; }

        public override ValidationResult Validate() =>
            Patches is < 1 ? ValidationResult.Error($"bench --patches must be at least 1, not {Patches}.")
            : PreprocessPatches < 0
                ? ValidationResult.Error(
                $"bench --preprocess-patches must be 0 (skip) or more, not {PreprocessPatches}.")
            : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var location = ConfigArgument.Locate(settings.Config);
        var config = ConfigLoader.Load(location.Path, settings.Set);
        if (config.Train.CpuKernels == CpuKernels.Avx2) CpuNumerics.Pin();   // before libtorch loads
        var runtime = TorchRuntime.EnsureLoaded();
        var layout = ArtifactLayout.At(settings.Artifacts);
        AnsiConsole.MarkupLineInterpolated($"bench: {runtime.Description}");
        using var deviceMemory = DeviceMemorySampler.TryStart();
        var onGpu = TrainingDevice.Select(config.Train.Compute()).type == DeviceType.CUDA;
        var patches = settings.Patches ?? (onGpu ? FullDatasetPatches : CpuDefaultPatches);

        PreprocessBenchmarkResult? preprocess = null;
        if (settings.PreprocessPatches > 0)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"bench: Preprocess on {settings.PreprocessPatches:N0} synthetic PNG patches");
            preprocess = PreprocessBenchmark.Run(config.Preprocess, settings.PreprocessPatches,
                Path.Combine(layout.Root, "bench", "work"));
        }
        AnsiConsole.MarkupLineInterpolated($"bench: training on {patches:N0} random patches");
        var training = TrainingBenchmark.Run(config.Train, patches, bareSteps: onGpu ? 50 : 5);
        var peakHostMegabytes = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
        var peakDeviceMegabytes = deviceMemory?.PeakBytes / 1e6;
        var fullSizeMeasured = training.Patches == FullDatasetPatches;
        var fullSizeEpochSeconds = fullSizeMeasured ? training.EpochSeconds
            : FullDatasetPatches / training.TrainingPatchesPerSecond;

        var cpuModel = CpuModel.Read();
        var gpuName = deviceMemory?.GpuName;

        var table = new Table().AddColumns("figure", "value");
        table.AddRow("device",
            Markup.Escape(
            $"{training.Device} ({(training.Threads > 0 ? $"{training.Threads} threads" : runtime.Description)})"));
        table.AddRow("CPU", Markup.Escape($"{cpuModel} ({Environment.ProcessorCount} cores)"));
        table.AddRow("GPU", Markup.Escape(gpuName ?? "none (no NVIDIA GPU seen through NVML)"));
        if (preprocess is not null)
            table.AddRow("Preprocess",
                $"{preprocess.PatchesPerSecond:N0} patches/s ({preprocess.Patches:N0} PNGs, {preprocess.Threads} " +
                "threads)");
        table.AddRow("bare training step",
            $"{training.BareStepPatchesPerSecond:N0} patches/s at batch {training.BatchSize} (best " +
            $"step {training.BestBareStepPatchesPerSecond:N0})");
        table.AddRow("training with augmentation",
            $"{training.TrainingPatchesPerSecond:N0} patches/s " +
            $"({training.TrainingPatchesPerSecond / training.BareStepPatchesPerSecond:P0} of the bare step)");
        table.AddRow("share of epoch outside the steps", $"{training.ShareOutsideSteps:P1}");
        table.AddRow("evaluation", $"{training.EvaluationPatchesPerSecond:N0} patches/s");
        if (!fullSizeMeasured) table.AddRow($"epoch of {training.Patches:N0} patches", $"{training.EpochSeconds:N2} s");
        table.AddRow($"epoch of {FullDatasetPatches:N0} patches", fullSizeMeasured
            ? $"{fullSizeEpochSeconds:N2} s (measured)"
            : $"{fullSizeEpochSeconds:N0} s (projected from the rate above)");
        table.AddRow("peak host memory", $"{peakHostMegabytes:N0} MB");
        table.AddRow("peak device memory", peakDeviceMegabytes is { } mb
            ? $"{mb:N0} MB in use on GPU 0 (NVML; {deviceMemory!.BaselineBytes / 1e6:N0} MB before)"
            : "n/a (no NVIDIA GPU)");
        AnsiConsole.Write(table);

        var path = settings.Json ?? Path.Combine(layout.Root, "bench", $"bench-{training.Device.Split(':')[0]}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(new
        {
            measured_utc = DateTimeOffset.UtcNow,
            machine = $"{Environment.ProcessorCount} cores, {Environment.OSVersion}",
            cpu_model = cpuModel,
            gpu_name = gpuName,
            backend = runtime.Description,
            code_version = CodeVersion.Current,
            config = Path.GetFileName(location.Path),
            preprocess,
            result = training,
            full_size_epoch_seconds = Math.Round(fullSizeEpochSeconds, 2),
            full_size_epoch_measured = fullSizeMeasured,
            peak_host_megabytes = Math.Round(peakHostMegabytes),
            peak_device_megabytes = peakDeviceMegabytes is { } d ? Math.Round(d) : (double?)null,
            device_baseline_megabytes = deviceMemory is null ? (double?)null
                : Math.Round(deviceMemory.BaselineBytes / 1e6),
        }, Stamp.Json));
        AnsiConsole.MarkupLineInterpolated($"bench: {path}");
        return 0;
    }
}
