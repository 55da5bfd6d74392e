using IdcRepro.Evaluation;
using IdcRepro.Pipeline;
using IdcRepro.Torch;
using IdcRepro.Training;
using Spectre.Console;

namespace IdcRepro.Stages;

/// <summary>
/// Evaluate: scores the test rows with the best checkpoint and writes predictions.csv (path, patient, x, y, label,
/// p0, p1, predicted) and metrics.json (metrics with patient-bootstrap intervals, confusion matrix, curves, per patient).
/// </summary>
public static class EvaluateStage
{
    public const string Name = "Evaluate";
    public const int Version = 1;

    public static StageKey KeyFor(RunContext ctx) => ctx.Key(Name, () => StageKey.For(Name, Version, ctx.Config.Evaluate, new Dictionary<string, string>
    {
        ["train"] = ctx.Require(TrainStage.KeyFor(ctx)).Stamp.OutputHash,
        ["undersample"] = ctx.Require(UndersampleStage.KeyFor(ctx)).Stamp.OutputHash,
        ["preprocess"] = ctx.Require(PreprocessStage.KeyFor(ctx)).Stamp.OutputHash,
    }));

    public static StageResult Run(RunContext ctx) => ctx.Cache.GetOrRun(KeyFor(ctx), ctx.Force, work =>
    {
        var (cache, patches) = PreprocessStage.Require(ctx);
        var (_, sets) = UndersampleStage.Require(ctx);
        var trainDirectory = TrainStage.Require(ctx);
        var runtime = TorchRuntime.EnsureLoaded();

        var images = CachedPatches.Gather(cache, sets.Test);
        IReadOnlyList<PatchProbability> scores;
        using (var predictor = Predictor.Load(trainDirectory, ctx.Config.Train.Device, ctx.Config.Train.Threads, ctx.Config.Train.Deterministic))
        {
            ctx.Console.MarkupLineInterpolated($"Evaluate: scoring {images.Count:N0} test patches on {predictor.Device.ToString()}, {runtime.Description}; CPU numerics: {runtime.CpuNumerics}");
            scores = predictor.Score(images);
        }

        var rows = sets.Test.Select((row, i) => Row(patches[row], scores[i])).ToList();
        PredictionsCsv.Write(Path.Combine(work, PredictionsCsv.FileName), rows);
        var result = EvaluationResult.Compute(Predictions(rows), ctx.Config.Evaluate.BootstrapResamples, ctx.Config.Evaluate.BootstrapSeed);
        result.Write(Path.Combine(work, EvaluationResult.FileName));
        Print(ctx.Console, result);
        return new StageProducts(new Dictionary<string, object> { ["metrics"] = result.Metrics, ["confusion_matrix"] = result.ConfusionMatrix });
    });

    public static string Require(RunContext ctx) => ctx.Require(KeyFor(ctx)).Directory;

    public static PredictionRow Row(Data.Patch patch, PatchProbability p) =>
        new(patch.Path, patch.Patient, patch.X, patch.Y, patch.Label, p.P0, p.P1, p.P1 > p.P0 ? 1 : 0);

    public static IReadOnlyList<Prediction> Predictions(IEnumerable<PredictionRow> rows) =>
        rows.Select(r => new Prediction(r.Label, r.P0, r.P1, r.Patient)).ToList();

    public static void Print(IAnsiConsole console, EvaluationResult result)
    {
        var m = result.ConfusionMatrix;
        console.WriteLine($"Evaluate: {result.TestPatches:N0} test patches from {result.TestPatients} patients; confusion matrix [[{m[0][0]}, {m[0][1]}], [{m[1][0]}, {m[1][1]}]] (rows: true 0, 1)");
        foreach (var metric in new[] { MetricNames.Accuracy, MetricNames.BalancedAccuracy, MetricNames.F1, MetricNames.RocAuc, MetricNames.KerasBinaryAccuracy })
            console.WriteLine($"Evaluate: {result.Describe(metric)}");
    }
}
