namespace IdcRepro.Evaluation;

/// <summary>
/// Counts of a binary decision, laid out like sklearn's <c>confusion_matrix</c> with rows the true class and
/// columns the predicted class: [[TN, FP], [FN, TP]], class 1 (IDC) positive.
/// </summary>
/// <remarks>
/// A rate whose denominator is zero is <c>null</c> rather than NaN or sklearn's warned 0, so an undefined value
/// can never pass for a measured one (e.g. <see cref="Precision"/> when nothing was predicted positive).
/// </remarks>
public sealed record ConfusionMatrix(long TrueNegatives, long FalsePositives, long FalseNegatives, long TruePositives)
{
    /// <summary>The counts of argmax decisions over <paramref name="predictions"/>.</summary>
    /// <exception cref="ArgumentException">A label other than 0 or 1.</exception>
    public static ConfusionMatrix Of(IEnumerable<Prediction> predictions) => Of(predictions, DecisionRule.Argmax);

    /// <summary>The counts of <paramref name="decision"/>'s decisions over <paramref name="predictions"/>.</summary>
    /// <exception cref="ArgumentException">A label other than 0 or 1.</exception>
    public static ConfusionMatrix Of(IEnumerable<Prediction> predictions, DecisionRule decision)
    {
        long tn = 0, fp = 0, fn = 0, tp = 0;
        foreach (var p in predictions)
        {
            if (p.Label is not (0 or 1))
                throw new ArgumentException(
                    $"Prediction for patient {p.Patient} has label {p.Label}; labels are 0 or 1.", nameof(predictions));
            var predicted = decision.Classify(p);
            if (p.Label == 1)
            {
                if (predicted == 1) tp++;
                else fn++;
            }
            else
            {
                if (predicted == 1) fp++;
                else tn++;
            }
        }
        return new ConfusionMatrix(tn, fp, fn, tp);
    }

    public long Total => TrueNegatives + FalsePositives + FalseNegatives + TruePositives;

    /// <summary>Patches whose true class is 1 (IDC).</summary>
    public long Positives => FalseNegatives + TruePositives;

    /// <summary>Patches whose true class is 0.</summary>
    public long Negatives => TrueNegatives + FalsePositives;

    public long PredictedPositives => TruePositives + FalsePositives;

    /// <summary>(TN + TP) / total; null when empty.</summary>
    public double? Accuracy => Ratio(TrueNegatives + TruePositives, Total);

    /// <summary>Sensitivity, TP / (TP + FN); null without class-1 patches.</summary>
    public double? Recall => Ratio(TruePositives, Positives);

    /// <summary>TN / (TN + FP); null without true class-0 patches.</summary>
    public double? Specificity => Ratio(TrueNegatives, Negatives);

    /// <summary>TP / (TP + FP); null when nothing was predicted positive (sklearn warns and reports 0).</summary>
    public double? Precision => Ratio(TruePositives, PredictedPositives);

    /// <summary>
    /// Mean of recall and specificity; null unless both classes are present (sklearn would average the recall of
    /// the classes present instead).
    /// </summary>
    public double? BalancedAccuracy => Recall is { } r && Specificity is { } s ? (r + s) / 2 : null;

    /// <summary>
    /// 2TP / (2TP + FP + FN), sklearn's formula, which is 0 (not undefined) when precision alone is undefined;
    /// null only when there is no positive patch and no positive prediction.
    /// </summary>
    public double? F1 => Ratio(2 * TruePositives, 2 * TruePositives + FalsePositives + FalseNegatives);

    /// <summary>sklearn's layout: [[TN, FP], [FN, TP]].</summary>
    public long[][] ToRows() => [[TrueNegatives, FalsePositives], [FalseNegatives, TruePositives]];

    private static double? Ratio(long numerator, long denominator) => denominator == 0 ? null
        : (double)numerator / denominator;
}
