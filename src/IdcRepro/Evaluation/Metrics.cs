namespace IdcRepro.Evaluation;

/// <summary>The Evaluate stage's metrics of a set of test predictions (pure: no I/O, no randomness).</summary>
public static class Metrics
{
    /// <summary>
    /// Every metric of <paramref name="predictions"/>: the confusion matrix (argmax unless <paramref name="decision"/>
    /// says otherwise) and its rates, ROC AUC and average precision of P1, Keras' binary accuracy. Undefined metrics
    /// are null (see <see cref="MetricSet"/>).
    /// </summary>
    /// <param name="predictions">The predictions, in any order.</param>
    /// <param name="decision">How a prediction becomes a class for the confusion matrix and its rates (default:
    /// argmax).</param>
    /// <exception cref="ArgumentException">No predictions, a label other than 0/1, or a non-finite output.</exception>
    public static MetricSet Compute(IReadOnlyList<Prediction> predictions, DecisionRule decision = default)
    {
        var ranked = RankedPredictions.Of(predictions, _ => decision);
        return ranked.Evaluate(ranked.Unweighted());
    }
}
