using System.Text.Json;
using IdcRepro.Pipeline;

namespace IdcRepro.Evaluation;

/// <summary>
/// crossval.json, CrossValidate's typed output: for a patient k-fold, every fold run's metrics, and per training seed
/// the pooled out-of-fold metrics (every patient tested once) with patient-bootstrap intervals and the folds' mean ±
/// sd, both on every patch of the test patients (as the published patient-level results count) and on the undersampled
/// test sets (the blog's way); with several seeds, the mean ± sd over seeds of the pooled figures; and each external
/// set scored by the mean of the folds' models. For a config without folds it says so and holds nothing else.
/// </summary>
public sealed record CrossValidationResult
{
    public const string FileName = "crossval.json";

    /// <summary>
    /// False for a config without folds (split.strategy other than patient_kfold): nothing to combine.
    /// </summary>
    public required bool CrossValidated { get; init; }

    /// <summary>split.folds (null without folds) and the seeds (null without <c>seeds:</c>).</summary>
    public int? Folds { get; init; }

    public IReadOnlyList<int>? Seeds { get; init; }
    public required double Confidence { get; init; }
    public required int BootstrapResamples { get; init; }

    /// <summary>Every run of the family, fold-major (the order of <see cref="Config.IdcConfig.Runs"/>).</summary>
    public IReadOnlyList<FoldResult> Runs { get; init; } = [];

    /// <summary>One per seed, in the config's order (one, with seed null, without seeds).</summary>
    public IReadOnlyList<PooledResult> Pooled { get; init; } = [];

    /// <summary>
    /// With <c>seeds:</c>, each pooled metric's mean and sample sd over the seeds (all patches; undersampled).
    /// </summary>
    public IReadOnlyList<MetricSpread> PooledOverSeeds { get; init; } = [];

    public IReadOnlyList<MetricSpread> PooledUndersampledOverSeeds { get; init; } = [];

    /// <summary>Each external set scored by the mean of a seed's fold models, per seed and set.</summary>
    public IReadOnlyList<EnsembleResult> External { get; init; } = [];

    /// <summary>The pooled result of the seed <paramref name="seed"/> trains with (null: the only one).</summary>
    public PooledResult? PooledFor(int? seed) => Pooled.FirstOrDefault(p => p.Seed == seed) ?? Pooled.FirstOrDefault();

    public void Write(string path) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, EvaluationResult.Json));

    public static CrossValidationResult Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<CrossValidationResult>(File.ReadAllText(path), EvaluationResult.Json)
                ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new StageException(
                $"{path}: not a valid cross-validation file ({e.Message}). Rerun CrossValidate with --force.");
        }
    }
}

/// <summary>
/// One fold run: which fold and seed, its decision rule, its test patients, and its metrics on every patch of them and
/// on the undersampled set.
/// </summary>
public sealed record FoldResult(string Run, int Fold, int? Seed, string Decision, double? Threshold,
    IReadOnlyList<string> TestPatients, PatchMetrics All, PatchMetrics Undersampled);

/// <summary>Point metrics of a set of predictions (no intervals): what a fold's row shows.</summary>
public sealed record PatchMetrics(long Patches, int Patients, IReadOnlyDictionary<string, double?> Metrics,
    long[][] ConfusionMatrix)
{
    public static PatchMetrics Of(MetricSet set) =>
        new(set.Patches, set.Patients, set.Named().ToDictionary(m => m.Key, m => m.Value), set.Confusion.ToRows());

    public static PatchMetrics None { get; } = new(0, 0, new Dictionary<string, double?>(), [[0, 0], [0, 0]]);
}

/// <summary>
/// One seed's folds together: pooled out-of-fold metrics on every patch of the test patients and on the undersampled
/// sets.
/// </summary>
public sealed record PooledResult(int? Seed, PooledMetrics All, PooledMetrics Undersampled);

/// <summary>
/// The pooled out-of-fold metrics of one seed's folds with their patient-bootstrap intervals, and each metric's mean
/// and sample sd over the folds (<see cref="FoldSpread"/>). <see cref="FoldsPooled"/> says how many folds had
/// predictions.
/// </summary>
public sealed record PooledMetrics(
    long Patches, int Patients, int FoldsPooled,
    IReadOnlyDictionary<string, double?> Metrics, IReadOnlyDictionary<string, Interval> Intervals,
        long[][] ConfusionMatrix,
    IReadOnlyList<MetricSpread> FoldSpread)
{
    public static PooledMetrics Of(CrossValidationSummary summary, int folds) => new(
        summary.Pooled.Patches, summary.Pooled.Patients, folds,
        summary.Pooled.Named().ToDictionary(m => m.Key, m => m.Value), summary.PooledIntervals,
            summary.Pooled.Confusion.ToRows(),
        summary.Spread);

    /// <summary>A metric with its interval: "0.812 [0.700, 0.900]".</summary>
    public string Describe(string metric) => Metrics.TryGetValue(metric, out var v) && v is { } value
        ? $"{metric} {value:0.000}"
            + (Intervals.TryGetValue(metric, out var i) ? $" [{i.Lower:0.000}, {i.Upper:0.000}]" : "")
        : $"{metric} n/a";
}

/// <summary>
/// An external set scored by the mean of one seed's fold models (each patch's P0 and P1 averaged over the folds;
/// decided by argmax, or by the mean of the folds' validation-chosen thresholds), with each fold model's own metrics
/// beside.
/// </summary>
public sealed record EnsembleResult(int? Seed, string Set, string Decision, double? Threshold, EvaluationResult Metrics,
    IReadOnlyList<FoldExternal> Folds);

/// <summary>One fold model's metrics on an external set (Evaluate's external.json of that fold run).</summary>
public sealed record FoldExternal(string Run, int Fold, IReadOnlyDictionary<string, double?> Metrics,
    IReadOnlyDictionary<string, Interval> Intervals);
