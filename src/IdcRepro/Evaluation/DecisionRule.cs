namespace IdcRepro.Evaluation;

/// <summary>
/// How a prediction becomes a class for the confusion matrix and its rates: argmax (P1 &gt; P0, ties to class 0: the
/// blog's rule and the default, <c>default(DecisionRule)</c>), or P1 above a threshold (e.g. one chosen on validation
/// patients by <see cref="ThresholdSearch"/>). The ranking metrics (ROC AUC, average precision) and Keras' binary
/// accuracy (each output against 0.5) do not depend on it.
/// </summary>
public readonly record struct DecisionRule
{
    private DecisionRule(double threshold) => Threshold = threshold;

    /// <summary>The threshold on P1 (class 1 when P1 &gt; threshold); null for argmax.</summary>
    public double? Threshold { get; }

    /// <summary>argmax(P0, P1), ties to class 0: <see cref="Prediction.PredictedClass"/>.</summary>
    public static DecisionRule Argmax => default;

    /// <summary>Class 1 when P1 &gt; <paramref name="threshold"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A threshold that is not a finite number.</exception>
    public static DecisionRule AtThreshold(double threshold) => double.IsFinite(threshold)
        ? new DecisionRule(threshold)
        : throw new ArgumentOutOfRangeException(nameof(threshold), threshold,
            "A decision threshold is a finite number.");

    public int Classify(Prediction prediction) => Threshold is { } t ? (prediction.P1 > t ? 1 : 0)
        : prediction.PredictedClass;

    public override string ToString() => Threshold is { } t
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"p1 > {t:R}")
        : "argmax (p1 > p0)";
}
