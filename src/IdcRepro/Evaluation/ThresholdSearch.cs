namespace IdcRepro.Evaluation;

/// <summary>
/// Picks a decision threshold on P1 from predictions of patients the model was not tested on (the validation set), for
/// <c>evaluate.threshold: validation_balanced</c>. Pure: no I/O, no randomness, independent of input order.
/// </summary>
public static class ThresholdSearch
{
    /// <summary>
    /// The threshold t (class 1 when P1 &gt; t) that maximises balanced accuracy on <paramref name="predictions"/>.
    /// Candidates are the midpoints between consecutive distinct P1 values (every distinct decision that splits the
    /// scores); balanced accuracies are compared exactly (as TP x N + TN x P in integers); among equal ones the
    /// candidate closest to 0.5 wins, then the lower. With a single distinct score no candidate exists and 0.5 is kept.
    /// </summary>
    /// <exception cref="ArgumentException">No predictions, only one class (balanced accuracy is undefined), a label
    /// other than 0/1, or a non-finite P1.</exception>
    public static ChosenThreshold MaximiseBalancedAccuracy(IReadOnlyList<Prediction> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        foreach (var p in predictions)
        {
            if (p.Label is not (0 or 1))
                throw new ArgumentException(
                    $"Prediction for patient {p.Patient} has label {p.Label}; labels are 0 or 1.", nameof(predictions));
            if (!double.IsFinite(p.P1))
                throw new ArgumentException($"Prediction for patient {p.Patient} has a non-finite p1 ({p.P1}).",
                    nameof(predictions));
        }
        long positives = predictions.Count(p => p.Label == 1), negatives = predictions.Count - positives;
        if (positives == 0 || negatives == 0)
            throw new ArgumentException(
                $"Choosing a threshold by balanced accuracy needs both classes; these {predictions.Count} " +
                $"predictions have {positives} IDC and {negatives} non-IDC patches.", nameof(predictions));

        var sorted = predictions.Select(p => (p.P1, p.Label)).OrderBy(x => x.P1).ThenBy(x => x.Label).ToArray();
        var best = Evaluate(0.5, predictions);
        var candidates = 0;
        long positivesAtOrBelow = 0, negativesAtOrBelow = 0;
        long bestScore = -1;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (sorted[i].Label == 1) positivesAtOrBelow++;
            else negativesAtOrBelow++;
            if (i + 1 == sorted.Length || sorted[i + 1].P1 == sorted[i].P1) continue;
            // Between this score and the next: everything up to here is class 0, everything above class 1.
            candidates++;
            var (low, high) = (sorted[i].P1, sorted[i + 1].P1);
            var threshold = low + (high - low) / 2;
            if (!(threshold < high)) threshold = low; // adjacent doubles: the midpoint rounded up; low decides the same
            var truePositives = positives - positivesAtOrBelow;
            var score = truePositives * negatives + negativesAtOrBelow * positives;
            if (score > bestScore || (score == bestScore && Closer(threshold, best.Threshold)))
            {
                bestScore = score;
                var confusion = new ConfusionMatrix(negativesAtOrBelow, negatives - negativesAtOrBelow,
                    positivesAtOrBelow, truePositives);
                best = new ChosenThreshold(threshold, confusion.BalancedAccuracy!.Value, 0);
            }
        }
        return best with { Candidates = candidates };
    }

    /// <summary>
    /// Is <paramref name="candidate"/> nearer 0.5 than <paramref name="incumbent"/> (equally near: the lower)?
    /// </summary>
    private static bool Closer(double candidate, double incumbent)
    {
        var (c, i) = (Math.Abs(candidate - 0.5), Math.Abs(incumbent - 0.5));
        return c < i || (c == i && candidate < incumbent);
    }

    private static ChosenThreshold Evaluate(double threshold, IReadOnlyList<Prediction> predictions) =>
        new(threshold, ConfusionMatrix.Of(predictions, DecisionRule.AtThreshold(threshold)).BalancedAccuracy!.Value, 0);
}
