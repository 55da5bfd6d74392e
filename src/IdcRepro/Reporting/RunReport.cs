using IdcRepro.Evaluation;

namespace IdcRepro.Reporting;

/// <summary>
/// Everything the report of one run shows. Built by the Report stage's shell from the run's artifacts.
/// </summary>
public sealed record RunReport
{
    /// <summary>The run's name (the config's <c>name</c>).</summary>
    public required string Name { get; init; }

    /// <summary>One line on what the run is for (the config's <c>description</c>).</summary>
    public string Description { get; init; } = "";

    /// <summary>The resolved config as YAML, shown verbatim.</summary>
    public required string ConfigYaml { get; init; }

    public required TrainingHistory History { get; init; }

    /// <summary>Point metrics on the test set.</summary>
    public required MetricSet Metrics { get; init; }

    /// <summary>Patient-bootstrap intervals by <see cref="MetricNames"/> name, at <see cref="Confidence"/>.</summary>
    public required IReadOnlyDictionary<string, Interval> Intervals { get; init; }

    /// <summary>Coverage of <see cref="Intervals"/> (0.95 for 95% intervals).</summary>
    public double Confidence { get; init; } = 0.95;

    public required IReadOnlyList<RocPoint> Roc { get; init; }

    public required IReadOnlyList<PrecisionRecallPoint> PrecisionRecall { get; init; }

    /// <summary>Every test patch with its score; an index into this list is a prediction index.</summary>
    public required IReadOnlyList<ScoredPatch> Predictions { get; init; }

    public required IReadOnlyList<PatientSummary> Patients { get; init; }

    /// <summary>The test patches' pixels; without them the report has no example patches and no tissue maps.</summary>
    public IPatchPixels? Pixels { get; init; }

    public required Provenance Provenance { get; init; }

    /// <summary>Per-seed test metrics of a multi-seed run (empty for a single run).</summary>
    public IReadOnlyList<SeedResult> Seeds { get; init; } = [];

    /// <summary>
    /// False for a run without a test set (split.test_fraction 0): <see cref="Metrics"/> then counts nothing and the
    /// test-set sections say so instead of showing figures.
    /// </summary>
    public bool HasTestSet { get; init; } = true;

    /// <summary>
    /// Every patch of the test patients (not undersampled), with intervals; null when it is the test set itself or
    /// unknown.
    /// </summary>
    public HeldOutFigures? AllPatches { get; init; }

    /// <summary>
    /// How probabilities became classes, in words (argmax, or the threshold chosen on the validation patients), and
    /// whether test-time augmentation scored them.
    /// </summary>
    public string Decision { get; init; } = Evaluation.DecisionRule.Argmax.ToString();

    /// <summary>Whether the decision is a threshold other than argmax.</summary>
    public bool Thresholded { get; init; }

    /// <summary>Whether every patch was scored as the mean of its 8 rotations and mirror images.</summary>
    public bool Tta { get; init; }

    /// <summary>The patient k-fold this run belongs to, combined; null for a run without folds.</summary>
    public CrossValidationFigures? CrossValidation { get; init; }

    /// <summary>The external test sets, in config order.</summary>
    public IReadOnlyList<ExternalFigures> External { get; init; } = [];

    /// <summary>
    /// The held-out patients' whole regions for tissue maps: the test patients, then each external set's patients.
    /// </summary>
    public IReadOnlyList<PatientRegion> Regions { get; init; } = [];
}
