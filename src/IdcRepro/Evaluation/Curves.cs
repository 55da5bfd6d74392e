namespace IdcRepro.Evaluation;

/// <summary>
/// The points of the ROC and precision-recall curves of <see cref="Prediction.Score"/> (P1), one per distinct
/// score, with sklearn's conventions (<c>roc_curve(drop_intermediate=False)</c>, <c>precision_recall_curve</c>).
/// Where a curve is undefined (sklearn fills it with NaN) it is empty here.
/// </summary>
public static class Curves
{
    /// <summary>
    /// (FPR, TPR, threshold) from (0, 0, +inf) through each distinct score, highest first, to (1, 1, lowest score).
    /// Empty unless both classes are present.
    /// </summary>
    public static IReadOnlyList<RocPoint> Roc(IReadOnlyList<Prediction> predictions)
    {
        var (ranked, positives, negatives) = Counts(predictions);
        var totalPositives = positives.Sum();
        var totalNegatives = negatives.Sum();
        if (totalPositives == 0 || totalNegatives == 0) return [];
        var points = new List<RocPoint>(positives.Length + 1) { new(0, 0, double.PositiveInfinity) };
        long tp = 0, fp = 0;
        for (var g = 0; g < positives.Length; g++)
        {
            tp += positives[g];
            fp += negatives[g];
            points.Add(
                new RocPoint((double)fp / totalNegatives, (double)tp / totalPositives, ranked.Scores.Thresholds[g]));
        }
        return points;
    }

    /// <summary>
    /// (recall, precision, threshold) for each distinct score, lowest first (recall decreasing, as sklearn returns
    /// them), then (0, 1, +inf). Empty without class-1 patches (sklearn warns and sets recall to 1).
    /// </summary>
    public static IReadOnlyList<PrecisionRecallPoint> PrecisionRecall(IReadOnlyList<Prediction> predictions)
    {
        var (ranked, positives, negatives) = Counts(predictions);
        var totalPositives = positives.Sum();
        if (totalPositives == 0) return [];
        var points = new PrecisionRecallPoint[positives.Length + 1];
        long tp = 0, fp = 0;
        for (var g = 0; g < positives.Length; g++)
        {
            tp += positives[g];
            fp += negatives[g];
            points[positives.Length - 1 - g] = new PrecisionRecallPoint((double)tp / totalPositives,
                (double)tp / (tp + fp), ranked.Scores.Thresholds[g]);
        }
        points[^1] = new PrecisionRecallPoint(0, 1, double.PositiveInfinity);
        return points;
    }

    private static (RankedPredictions Ranked, long[] Positives,
        long[] Negatives) Counts(IReadOnlyList<Prediction> predictions)
    {
        var ranked = RankedPredictions.Of(predictions);
        var (positives, negatives) = ranked.Scores.CountByThreshold(ranked.Unweighted());
        return (ranked, positives, negatives);
    }
}
