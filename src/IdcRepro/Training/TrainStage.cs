using System.Text.Json;
using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Preprocess;
using IdcRepro.Sampling;
using IdcRepro.Torch;
using Spectre.Console;

namespace IdcRepro.Training;

/// <summary>
/// Train: fits the CNN on the (undersampled) training rows. Without a validation set the test set serves as
/// validation, as in the blog (its validation_data was the test set). Resumable: an interrupted run continues
/// after its last completed epoch (<c>--force</c> starts it over). Writes best.pt, the last checkpoint, history.csv,
/// normalization.json, model.json and train.json (how it ended).
/// </summary>
public static class TrainStage
{
    public const string SummaryFile = "train.json";

    /// <summary>
    /// Every epoch's record with its wall-clock seconds (history.csv leaves the seconds out so it stays bit-identical
    /// run to run).
    /// </summary>
    public const string EpochsFile = "epochs.json";

    public static TrainedModel Read(string directory) => new(directory,
        JsonSerializer.Deserialize<TrainingSummary>(File.ReadAllText(Path.Combine(directory, SummaryFile)),
            Stamp.Json)!,
        JsonSerializer.Deserialize<List<EpochRecord>>(File.ReadAllText(Path.Combine(directory, EpochsFile)),
            Stamp.Json)!);

    public static StageProducts Produce(StageRun run)
    {
        var config = run.Section<TrainConfig>();
        var cache = run.Input(Graph.Preprocess, PreprocessStage.Read);
        var labels = cache.Labels();
        var sets = run.Input(Graph.Undersample, UndersampleStage.Read).Sets;
        var usesTest = sets.Validation.Count == 0;
        var validationRows = usesTest ? sets.Test : sets.Validation;
        if (usesTest)
            run.Console.MarkupLine(
                "Train: no validation set, so the test set serves as validation (model selection on the test set, " +
                "as in the blog).");

        var runtime = TorchRuntime.EnsureLoaded();
        run.Console.MarkupLineInterpolated($"Train: {runtime.Description}");
        run.Console.MarkupLineInterpolated(
            $"Train: CPU numerics: {runtime.CpuNumerics}{(config.Deterministic ? " (train.deterministic)" : "")}");
        var train =
            new TrainingData(CachedPatches.Gather(cache, sets.Train), sets.Train.Select(r => labels[r]).ToList());
        var validation = new TrainingData(CachedPatches.Gather(cache, validationRows),
            validationRows.Select(r => labels[r]).ToList());
        run.Console.MarkupLineInterpolated(
            $"Train: {train.Count:N0} training and {validation.Count:N0} validation patches");

        var outcome = run.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn())
            .Start(p =>
                Trainer.Run(config, train, validation, run.Work, new TrainingConsole(run.Console, p),
                run.Cancellation));

        var summary =
            new TrainingSummary(outcome.BestEpoch, outcome.History.Count, outcome.StopReason.ToString(), outcome.Device,
            usesTest ? "test" : "validation", train.Count, validation.Count, runtime.Description,
            Math.Round(outcome.History.Sum(h => h.Seconds), 1), config.Deterministic, runtime.CpuNumerics);
        AtomicFile.WriteAllText(Path.Combine(run.Work, SummaryFile), JsonSerializer.Serialize(summary, Stamp.Json));
        AtomicFile.WriteAllText(Path.Combine(run.Work, EpochsFile),
            JsonSerializer.Serialize(outcome.History, Stamp.Json));
        var best = $"best epoch {outcome.BestEpoch} (val_loss {outcome.Best.ValLoss:0.0000}, " +
            $"val_acc {outcome.Best.ValAccuracy:0.0000})";
        run.Console.MarkupLineInterpolated($"Train: {best}; {summary.StopReason} after epoch {summary.EpochsRun}");
        return new StageProducts(new Dictionary<string, object> { ["summary"] = summary });
    }
}

/// <summary>
/// How a training run ended (train.json), and how its numerics were chosen (<see cref="CpuNumerics"/>).
/// </summary>
public sealed record TrainingSummary(
    int BestEpoch, int EpochsRun, string StopReason, string Device, string ValidationSet,
    int TrainPatches, int ValidationPatches, string Backend, double TrainingSeconds,
    bool Deterministic = false, string CpuNumerics = "not recorded");

/// <summary>
/// Train's output: the folder (best.pt, model.json, normalization.json, checkpoints), how it ended, every epoch.
/// </summary>
public sealed record TrainedModel(string Directory, TrainingSummary Summary, IReadOnlyList<EpochRecord> Epochs);
