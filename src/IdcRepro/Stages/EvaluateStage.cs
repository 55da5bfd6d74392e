using IdcRepro.Config;
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
    public static EvaluationOutput Read(string directory) => new(directory,
        PredictionsCsv.Read(Path.Combine(directory, PredictionsCsv.FileName)),
        EvaluationResult.Read(Path.Combine(directory, EvaluationResult.FileName)));

    public static StageProducts Produce(StageRun run)
    {
        var section = run.Section<EvaluateSection>();
        var cache = run.Input(Graph.Preprocess, PreprocessStage.Read);
        var sets = run.Input(Graph.Undersample, UndersampleStage.Read).Sets;
        var model = run.Input(Graph.Train, TrainStage.Read);
        var runtime = TorchRuntime.EnsureLoaded();

        var images = CachedPatches.Gather(cache, sets.Test);
        IReadOnlyList<PatchProbability> scores;
        using (var predictor = Predictor.Load(model.Directory, section.Compute))
        {
            run.Console.MarkupLineInterpolated($"Evaluate: scoring {images.Count:N0} test patches on {predictor.Device.ToString()}, {runtime.Description}; CPU numerics: {runtime.CpuNumerics}");
            scores = predictor.Score(images);
        }

        var rows = sets.Test.Select((row, i) => Row(cache.Patches[row], scores[i])).ToList();
        PredictionsCsv.Write(Path.Combine(run.Work, PredictionsCsv.FileName), rows);
        var result = EvaluationResult.Compute(Predictions(rows), section.Evaluate.BootstrapResamples, section.Evaluate.BootstrapSeed);
        result.Write(Path.Combine(run.Work, EvaluationResult.FileName));
        Print(run.Console, result);
        return new StageProducts(new Dictionary<string, object> { ["metrics"] = result.Metrics, ["confusion_matrix"] = result.ConfusionMatrix });
    }

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

/// <summary>
/// What Evaluate reads of the config: its own section, and where and how to compute the scores (train.device,
/// train.threads, train.deterministic, train.cpu_kernels), which decide their last digits.
/// </summary>
public sealed record EvaluateSection(EvaluateConfig Evaluate, ComputeSettings Compute)
{
    public static EvaluateSection Of(IdcConfig config) => new(config.Evaluate, config.Train.Compute());
}

/// <summary>Evaluate's output: every scored test patch and the metrics.</summary>
public sealed record EvaluationOutput(string Directory, IReadOnlyList<PredictionRow> Rows, EvaluationResult Result);
