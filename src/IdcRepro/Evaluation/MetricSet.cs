namespace IdcRepro.Evaluation;

/// <summary>
/// Every metric of one set of predictions. A metric that is undefined for these predictions is <c>null</c>
/// (see <see cref="ConfusionMatrix"/> for the threshold metrics; the ranking metrics below).
/// </summary>
/// <param name="Confusion">Counts of the argmax decisions, [[TN, FP], [FN, TP]].</param>
/// <param name="Patients">Distinct patients among the predictions (in a bootstrap resample: patients drawn, repeats
/// counted).</param>
/// <param name="RocAuc">
/// Area under the ROC curve of <see cref="Prediction.Score"/>, equal to sklearn's <c>roc_auc_score</c>: the
/// Mann-Whitney probability that a random IDC patch outscores a random non-IDC one, ties counted 1/2 (the same as
/// the trapezoidal area over distinct thresholds). Null unless both classes are present.
/// </param>
/// <param name="AveragePrecision">
/// sklearn's <c>average_precision_score</c>: the sum over distinct thresholds of (R_n - R_{n-1}) P_n, not
/// interpolated. Null without class-1 patches (sklearn warns and reports 0).
/// </param>
/// <param name="KerasBinaryAccuracy">
/// What Keras' <c>binary_accuracy</c> (and <c>metrics=['accuracy']</c> with binary cross-entropy) reports for the
/// two-output head: the share of the 2N outputs with (p_k &gt; 0.5) equal to the one-hot label k.
/// </param>
public sealed record MetricSet(
    ConfusionMatrix Confusion,
    int Patients,
    double? RocAuc,
    double? AveragePrecision,
    double KerasBinaryAccuracy)
{
    public long Patches => Confusion.Total;
    public double? Accuracy => Confusion.Accuracy;
    public double? BalancedAccuracy => Confusion.BalancedAccuracy;
    public double? Precision => Confusion.Precision;
    public double? Recall => Confusion.Recall;
    public double? Specificity => Confusion.Specificity;
    public double? F1 => Confusion.F1;

    /// <summary>Every metric under its <see cref="MetricNames"/> name, in a fixed order.</summary>
    public IReadOnlyList<KeyValuePair<string, double?>> Named() =>
    [
        new(MetricNames.Accuracy, Accuracy),
        new(MetricNames.BalancedAccuracy, BalancedAccuracy),
        new(MetricNames.Precision, Precision),
        new(MetricNames.Recall, Recall),
        new(MetricNames.Specificity, Specificity),
        new(MetricNames.F1, F1),
        new(MetricNames.RocAuc, RocAuc),
        new(MetricNames.AveragePrecision, AveragePrecision),
        new(MetricNames.KerasBinaryAccuracy, KerasBinaryAccuracy),
    ];
}
