namespace IdcRepro.Evaluation;

/// <summary>The Evaluate stage's metrics of a set of test predictions (pure: no I/O, no randomness).</summary>
public static class Metrics
{
    /// <summary>
    /// Every metric of <paramref name="predictions"/>: the argmax confusion matrix and its rates, ROC AUC and
    /// average precision of P1, Keras' binary accuracy. Undefined metrics are null (see <see cref="MetricSet"/>).
    /// </summary>
    /// <exception cref="ArgumentException">No predictions, a label other than 0/1, or a non-finite output.</exception>
    public static MetricSet Compute(IReadOnlyList<Prediction> predictions)
    {
        var ranked = RankedPredictions.Of(predictions);
        return ranked.Evaluate(ranked.Unweighted());
    }
}
