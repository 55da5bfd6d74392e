using IdcRepro.Evaluation;

namespace IdcRepro.Reporting;

/// <summary>The words a reader sees for each <see cref="MetricNames"/> name.</summary>
public static class MetricLabels
{
    public static string Of(string metric) => metric switch
    {
        MetricNames.Accuracy => "Accuracy",
        MetricNames.BalancedAccuracy => "Balanced accuracy",
        MetricNames.Precision => "Precision (PPV)",
        MetricNames.Recall => "Recall (sensitivity)",
        MetricNames.Specificity => "Specificity",
        MetricNames.F1 => "F1 (F-measure)",
        MetricNames.RocAuc => "ROC AUC",
        MetricNames.AveragePrecision => "Average precision",
        MetricNames.KerasBinaryAccuracy => "Keras binary accuracy",
        _ => metric,
    };
}
