using IdcRepro.Config;
using IdcRepro.Pipeline;
using IdcRepro.Preprocess;
using IdcRepro.Sampling;
using IdcRepro.Torch;
using IdcRepro.Training;
using Spectre.Console;

namespace IdcRepro.Evaluation;

/// <summary>
/// Evaluate: scores the run's held-out patches with the best checkpoint. predictions.csv and metrics.json: the test set
/// as Undersample left it (the blog's figure); predictions-all.csv and metrics-all.json: every patch of the test
/// patients (the Split's test rows before undersampling, as the published patient-level results count); external.csv
/// and external.json: every patch of each <c>evaluate.external</c> set; decision.json: the decision rule (argmax, or
/// the threshold chosen on the validation patients) and whether test-time augmentation scored the patches. Metrics
/// carry patient-bootstrap intervals and per-patient figures. A run without a test set (split.test_fraction 0) writes
/// empty test outputs and says so.
/// </summary>
public static class EvaluateStage
{
    public const string AllPredictionsFile = "predictions-all.csv";
    public const string AllMetricsFile = "metrics-all.json";

    /// <summary>Every file Evaluate writes.</summary>
    public static IReadOnlyList<string> Outputs { get; } =
    [
        PredictionsCsv.FileName, EvaluationResult.FileName, AllPredictionsFile, AllMetricsFile,
            EvaluationDecision.FileName,
        ExternalFiles.PredictionsFile, ExternalFiles.ResultsFile,
    ];

    public static EvaluationOutput Read(string directory) => new(directory,
        PredictionsCsv.Read(Path.Combine(directory, PredictionsCsv.FileName)),
        EvaluationResult.Read(Path.Combine(directory, EvaluationResult.FileName)),
        PredictionsCsv.Read(Path.Combine(directory, AllPredictionsFile)),
        EvaluationResult.Read(Path.Combine(directory, AllMetricsFile)),
        EvaluationDecision.Read(Path.Combine(directory, EvaluationDecision.FileName)),
        ExternalFiles.ReadResults(directory),
        ExternalFiles.ReadPredictions(directory));

    public static StageProducts Produce(StageRun run)
    {
        var section = run.Section<EvaluateSection>();
        var settings = section.Evaluate;
        var cache = run.Input(Graph.Preprocess, PreprocessStage.Read);
        var split = run.Input(Graph.Split, SplitStage.Read).Sets;
        var sets = run.Input(Graph.Undersample, UndersampleStage.Read).Sets;
        var model = run.Input(Graph.Train, TrainStage.Read);
        var runtime = TorchRuntime.EnsureLoaded();
        var (resamples, seed, tta) = (settings.BootstrapResamples, settings.BootstrapSeed, settings.Tta);

        using var predictor = Predictor.Load(model.Directory, section.Compute);
        IReadOnlyList<PredictionRow> Score(IReadOnlyList<int> rows, DecisionRule rule) =>
            rows.Count == 0 ? [] : Rows(cache, rows, predictor.Score(CachedPatches.Gather(cache, rows), tta), rule);

        var views = tta ? "; test-time augmentation: the mean of 8 views a patch" : "";
        var scoring =
            $"scoring {sets.Test.Count:N0} test patches on {predictor.Device.ToString()}, {runtime.Description}";
        run.Console.MarkupLineInterpolated($"Evaluate: {scoring}; CPU numerics: {runtime.CpuNumerics}{views}");
        var decision = settings.Threshold == ThresholdRule.Fixed
            ? EvaluationDecision.Fixed(tta)
            : EvaluationDecision.ChosenOn(Predictions(Score(split.Validation, default)), tta);
        run.Console.MarkupLineInterpolated($"Evaluate: decision: {decision.Describe()}");
        var rule = decision.DecisionRule;

        var rows = Score(sets.Test, rule);
        PredictionsCsv.Write(Path.Combine(run.Work, PredictionsCsv.FileName), rows);
        var result = EvaluationResult.Of(Predictions(rows), resamples, seed, rule);
        result.Write(Path.Combine(run.Work, EvaluationResult.FileName));

        var allRows = Score(split.Test, rule);
        PredictionsCsv.Write(Path.Combine(run.Work, AllPredictionsFile), allRows);
        var all = EvaluationResult.Of(Predictions(allRows), resamples, seed, rule);
        all.Write(Path.Combine(run.Work, AllMetricsFile));
        decision.Write(Path.Combine(run.Work, EvaluationDecision.FileName));

        var seen = split.Train.Concat(split.Validation).Select(r => cache.Patches[r].Patient)
            .ToHashSet(StringComparer.Ordinal);
        var external = ExternalScoring.Score(run, section, predictor, rule, seen);

        if (result.Scored)
        {
            Print(run.Console, result);
            run.Console.WriteLine($"Evaluate: every patch of the test patients: {Line(all)}");
        }
        else
        {
            run.Console.WriteLine(settings.External.Count == 0
                ? "Evaluate: no test set (split.test_fraction 0) and no evaluate.external sets: nothing to score; " +
                    "the test outputs hold no predictions."
                : "Evaluate: no test set (split.test_fraction 0): only the evaluate.external sets are scored.");
        }
        foreach (var set in external) run.Console.WriteLine($"Evaluate: external set {set.Set}: {Line(set.Metrics)}");

        return new StageProducts(new Dictionary<string, object>
        {
            ["metrics"] = result.Metrics,
            ["confusion_matrix"] = result.ConfusionMatrix,
            ["metrics_all_patches"] = all.Metrics,
            ["decision"] = decision.Description,
            ["tta"] = tta,
            ["external"] = external.Select(e => e.Set).ToList(),
        });
    }

    /// <summary>The rows of scored cache patches, each decided by <paramref name="rule"/>.</summary>
    private static IReadOnlyList<PredictionRow> Rows(PatchCache cache, IReadOnlyList<int> rows,
        IReadOnlyList<PatchProbability> scores, DecisionRule rule) =>
        rows.Select((row, i) => Row(cache.Patches[row], scores[i], rule)).ToList();

    /// <summary>
    /// A scored patch as predictions.csv holds it: <c>predicted</c> is the class <paramref name="rule"/> gives (argmax,
    /// p1 &gt; p0, by default).
    /// </summary>
    public static PredictionRow Row(Data.Patch patch, PatchProbability p, DecisionRule rule = default) =>
        new(patch.Path, patch.Patient, patch.X, patch.Y, patch.Label, p.P0, p.P1,
            rule.Classify(new Prediction(patch.Label, p.P0, p.P1, patch.Patient)));

    public static IReadOnlyList<Prediction> Predictions(IEnumerable<PredictionRow> rows) =>
        rows.Select(r => new Prediction(r.Label, r.P0, r.P1, r.Patient)).ToList();

    public static void Print(IAnsiConsole console, EvaluationResult result)
    {
        var m = result.ConfusionMatrix;
        console.WriteLine(
            $"Evaluate: {result.TestPatches:N0} test patches from {result.TestPatients} patients; confusion matrix " +
            $"[[{m[0][0]}, {m[0][1]}], [{m[1][0]}, {m[1][1]}]] (rows: true 0, 1)");
        foreach (var metric in new[] { MetricNames.Accuracy, MetricNames.BalancedAccuracy, MetricNames.F1,
            MetricNames.RocAuc, MetricNames.KerasBinaryAccuracy })
            console.WriteLine($"Evaluate: {result.Describe(metric)}");
    }

    /// <summary>"1,234 patches of 5 patients; balanced_accuracy 0.812 [0.700, 0.900], roc_auc ...".</summary>
    public static string Line(EvaluationResult result) =>
        $"{result.TestPatches:N0} patches of {result.TestPatients} patients; " +
        string.Join(", ",
            new[] { MetricNames.BalancedAccuracy, MetricNames.F1, MetricNames.RocAuc }.Select(result.Describe));
}

/// <summary>
/// What Evaluate reads of the config: its own section; where and how to compute the scores (train.device,
/// train.threads, train.deterministic, train.cpu_kernels), which decide their last digits; and how odd-sized patches of
/// an external set are brought to the model's size (preprocess.resize, as Preprocess did for the dataset).
/// </summary>
public sealed record EvaluateSection(EvaluateConfig Evaluate, ComputeSettings Compute, ResizeMode Resize)
{
    public static EvaluateSection Of(IdcConfig config) =>
        new(config.Evaluate, config.Train.Compute(), config.Preprocess.Resize);
}

/// <summary>
/// Evaluate's output: the undersampled test set's predictions and metrics, every test patient's patches' predictions
/// and metrics, the decision rule, and each external set's results and predictions.
/// </summary>
public sealed record EvaluationOutput(
    string Directory,
    IReadOnlyList<PredictionRow> Rows,
    EvaluationResult Result,
    IReadOnlyList<PredictionRow> AllRows,
    EvaluationResult AllResult,
    EvaluationDecision Decision,
    IReadOnlyList<ExternalResult> External,
    IReadOnlyList<ExternalPredictionRow> ExternalRows);
