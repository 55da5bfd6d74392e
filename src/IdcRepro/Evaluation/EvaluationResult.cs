using System.Text.Json;
using System.Text.Json.Serialization;
using IdcRepro.Pipeline;

namespace IdcRepro.Evaluation;

/// <summary>
/// metrics.json: point metrics, their patient-bootstrap intervals, the confusion matrix (rows true class 0, 1),
/// curves and per-patient figures. Written by Evaluate and by <c>idc predict</c> on labelled patches.
/// </summary>
public sealed record EvaluationResult
{
    public const string FileName = "metrics.json";

    public required long TestPatches { get; init; }
    public required int TestPatients { get; init; }
    public required IReadOnlyDictionary<string, double?> Metrics { get; init; }
    public required double Confidence { get; init; }
    public required int BootstrapResamples { get; init; }
    public required IReadOnlyDictionary<string, Interval> Intervals { get; init; }
    public required long[][] ConfusionMatrix { get; init; }
    public required IReadOnlyList<RocPoint> Roc { get; init; }
    public required IReadOnlyList<PrecisionRecallPoint> PrecisionRecall { get; init; }
    public required IReadOnlyList<PatientSummary> PerPatient { get; init; }

    /// <summary>
    /// Named floating-point literals allowed: the first ROC point's threshold is +infinity, as in sklearn.
    /// </summary>
    public static readonly JsonSerializerOptions Json =
        new(Stamp.Json) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <param name="decision">How a prediction becomes a class for the confusion matrix, its rates and the per-patient
    /// figures (default: argmax).</param>
    public static EvaluationResult Compute(IReadOnlyList<Prediction> predictions, int resamples, int seed,
        DecisionRule decision = default)
    {
        var metrics = Evaluation.Metrics.Compute(predictions, decision);
        return new EvaluationResult
        {
            TestPatches = metrics.Patches,
            TestPatients = metrics.Patients,
            Metrics = metrics.Named().ToDictionary(m => m.Key, m => m.Value),
            Confidence = 0.95,
            BootstrapResamples = resamples,
            Intervals = resamples > 0 ? PatientBootstrap.Intervals(predictions, resamples, seed, decision: decision)
                : new Dictionary<string, Interval>(),
            ConfusionMatrix = metrics.Confusion.ToRows(),
            Roc = Curves.Roc(predictions),
            PrecisionRecall = Curves.PrecisionRecall(predictions),
            PerPatient = Evaluation.PerPatient.Compute(predictions, decision),
        };
    }

    /// <summary>
    /// The metrics of no predictions (a run without a test set): nothing counted, no metric, no curve.
    /// </summary>
    public static EvaluationResult Empty(int resamples) => new()
    {
        TestPatches = 0,
        TestPatients = 0,
        Metrics = new Dictionary<string, double?>(),
        Confidence = 0.95,
        BootstrapResamples = resamples,
        Intervals = new Dictionary<string, Interval>(),
        ConfusionMatrix = [[0, 0], [0, 0]],
        Roc = [],
        PrecisionRecall = [],
        PerPatient = [],
    };

    /// <summary>Whether any prediction was scored (false for <see cref="Empty"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Scored => TestPatches > 0;

    /// <summary><see cref="Compute"/>, or <see cref="Empty"/> for no predictions.</summary>
    public static EvaluationResult Of(IReadOnlyList<Prediction> predictions, int resamples, int seed,
        DecisionRule decision = default) =>
        predictions.Count == 0 ? Empty(resamples) : Compute(predictions, resamples, seed, decision);

    public void Write(string path) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static EvaluationResult Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<EvaluationResult>(File.ReadAllText(path), Json)
                   ?? throw new JsonException("empty");
        }
        catch (JsonException e)
        {
            throw new StageException($"{path}: not a valid metrics file ({e.Message}). Rerun Evaluate with --force.");
        }
    }

    /// <summary>"accuracy 0.789 [0.770, 0.808]".</summary>
    public string Describe(string metric) => Metrics.TryGetValue(metric, out var v) && v is { } value
        ? $"{metric} {value:0.000}"
            + (Intervals.TryGetValue(metric, out var i) ? $" [{i.Lower:0.000}, {i.Upper:0.000}]" : "")
        : $"{metric} n/a";
}
