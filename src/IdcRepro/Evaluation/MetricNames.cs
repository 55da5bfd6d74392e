namespace IdcRepro.Evaluation;

/// <summary>
/// The names under which metrics are reported and bootstrapped (snake_case, as in sklearn and the metrics file).
/// </summary>
public static class MetricNames
{
    public const string Accuracy = "accuracy";
    public const string BalancedAccuracy = "balanced_accuracy";
    public const string Precision = "precision";
    public const string Recall = "recall";
    public const string Specificity = "specificity";
    public const string F1 = "f1";
    public const string RocAuc = "roc_auc";
    public const string AveragePrecision = "average_precision";
    public const string KerasBinaryAccuracy = "keras_binary_accuracy";
}
