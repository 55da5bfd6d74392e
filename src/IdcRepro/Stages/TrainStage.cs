using System.Text.Json;
using IdcRepro.Pipeline;
using IdcRepro.Torch;
using IdcRepro.Training;
using Spectre.Console;

namespace IdcRepro.Stages;

/// <summary>
/// Train: fits the CNN on the (undersampled) training rows. Without a validation set the test set serves as
/// validation, as in the blog (its validation_data was the test set). Resumable: an interrupted run continues
/// after its last completed epoch. Writes best.pt, the last checkpoint, history.csv, normalization.json, model.json
/// and train.json (how it ended).
/// </summary>
public static class TrainStage
{
    public const string Name = "Train";
    public const int Version = 2;
    public const string SummaryFile = "train.json";

    /// <summary>Every epoch's record with its wall-clock seconds (history.csv leaves the seconds out so it stays bit-identical run to run).</summary>
    public const string EpochsFile = "epochs.json";

    public static StageKey KeyFor(RunContext ctx) => ctx.Key(Name, () => StageKey.For(Name, Version, ctx.Config.Train, new Dictionary<string, string>
    {
        ["preprocess"] = ctx.Require(PreprocessStage.KeyFor(ctx)).Stamp.OutputHash,
        ["undersample"] = ctx.Require(UndersampleStage.KeyFor(ctx)).Stamp.OutputHash,
    }));

    public static StageResult Run(RunContext ctx) => ctx.Cache.GetOrRun(KeyFor(ctx), ctx.Force, work =>
    {
        var (cache, _) = PreprocessStage.Require(ctx);
        var labels = PreprocessStage.Labels(cache);
        var (_, sets) = UndersampleStage.Require(ctx);
        var usesTest = sets.Validation.Count == 0;
        var validationRows = usesTest ? sets.Test : sets.Validation;
        if (usesTest)
            ctx.Console.MarkupLine("Train: no validation set, so the test set serves as validation (model selection on the test set, as in the blog).");

        var runtime = TorchRuntime.EnsureLoaded();
        ctx.Console.MarkupLineInterpolated($"Train: {runtime.Description}");
        ctx.Console.MarkupLineInterpolated($"Train: CPU numerics: {runtime.CpuNumerics}{(ctx.Config.Train.Deterministic ? " (train.deterministic)" : "")}");
        var train = new TrainingData(CachedPatches.Gather(cache, sets.Train), sets.Train.Select(r => labels[r]).ToList());
        var validation = new TrainingData(CachedPatches.Gather(cache, validationRows), validationRows.Select(r => labels[r]).ToList());
        ctx.Console.MarkupLineInterpolated($"Train: {train.Count:N0} training and {validation.Count:N0} validation patches");

        var outcome = ctx.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(p => Trainer.Run(ctx.Config.Train, train, validation, work, new TrainingConsole(ctx.Console, p), ctx.Cancellation));

        var summary = new TrainingSummary(outcome.BestEpoch, outcome.History.Count, outcome.StopReason.ToString(), outcome.Device,
            usesTest ? "test" : "validation", train.Count, validation.Count, runtime.Description,
            Math.Round(outcome.History.Sum(h => h.Seconds), 1), ctx.Config.Train.Deterministic, runtime.CpuNumerics);
        AtomicFile.WriteAllText(Path.Combine(work, SummaryFile), JsonSerializer.Serialize(summary, Stamp.Json));
        AtomicFile.WriteAllText(Path.Combine(work, EpochsFile), JsonSerializer.Serialize(outcome.History, Stamp.Json));
        ctx.Console.MarkupLineInterpolated($"Train: best epoch {outcome.BestEpoch} (val_loss {outcome.Best.ValLoss:0.0000}, val_acc {outcome.Best.ValAccuracy:0.0000}); {summary.StopReason} after epoch {summary.EpochsRun}");
        return new StageProducts(new Dictionary<string, object> { ["summary"] = summary });
    }, resumable: true);

    /// <summary>The folder of the training an earlier Train made for this config.</summary>
    public static string Require(RunContext ctx) => ctx.Require(KeyFor(ctx)).Directory;

    public static IReadOnlyList<EpochRecord> Epochs(string trainDirectory) =>
        JsonSerializer.Deserialize<List<EpochRecord>>(File.ReadAllText(Path.Combine(trainDirectory, EpochsFile)), Stamp.Json)!;

    public static TrainingSummary Summary(string trainDirectory) =>
        JsonSerializer.Deserialize<TrainingSummary>(File.ReadAllText(Path.Combine(trainDirectory, SummaryFile)), Stamp.Json)!;
}

/// <summary>How a training run ended (train.json), and how its numerics were chosen (<see cref="CpuNumerics"/>).</summary>
public sealed record TrainingSummary(
    int BestEpoch, int EpochsRun, string StopReason, string Device, string ValidationSet,
    int TrainPatches, int ValidationPatches, string Backend, double TrainingSeconds,
    bool Deterministic = false, string CpuNumerics = "not recorded");
