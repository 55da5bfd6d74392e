namespace IdcRepro.Evaluation;

/// <summary>
/// Predictions checked and laid out once for repeated evaluation (the point estimate, the curves and every
/// bootstrap resample): patients in ordinal order with each patient's patches contiguous and sorted by
/// (P1, P0, label), so no result depends on input order; each patient's counts, so a resample only has to weight
/// them; and the patches in score order for the ranking metrics.
/// </summary>
internal sealed class RankedPredictions
{
    private RankedPredictions(Prediction[] items, string[] patients, int[] patientStart,
        ConfusionMatrix[] patientConfusion,
        long[] patientKerasMatches, ScoreOrder scores)
    {
        Items = items;
        Patients = patients;
        PatientStart = patientStart;
        PatientConfusion = patientConfusion;
        PatientKerasMatches = patientKerasMatches;
        Scores = scores;
    }

    /// <summary>The predictions in canonical order: patient (ordinal), then P1, P0, label.</summary>
    public Prediction[] Items { get; }

    /// <summary>Distinct patients, ordinal order.</summary>
    public string[] Patients { get; }

    /// <summary>Patient p's patches are <c>Items[PatientStart[p]..PatientStart[p + 1]]</c>.</summary>
    public int[] PatientStart { get; }

    public ConfusionMatrix[] PatientConfusion { get; }

    /// <summary>Per patient: outputs (two per patch) that Keras' binary accuracy counts as right.</summary>
    public long[] PatientKerasMatches { get; }

    public ScoreOrder Scores { get; }

    /// <param name="predictions">The predictions, in any order.</param>
    /// <param name="decisionOf">Each patient's decision rule for the confusion counts (null: argmax for all).</param>
    public static RankedPredictions Of(IReadOnlyList<Prediction> predictions, Func<string, DecisionRule>? decisionOf =
        null)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        if (predictions.Count == 0)
            throw new ArgumentException("There are no predictions to evaluate.", nameof(predictions));
        foreach (var p in predictions) Check(p);

        var items = predictions.ToArray();
        Array.Sort(items, CanonicalOrder);

        var patients = new List<string>();
        var starts = new List<int>();
        var patientOf = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            if (i == 0 || !string.Equals(items[i].Patient, items[i - 1].Patient, StringComparison.Ordinal))
            {
                patients.Add(items[i].Patient);
                starts.Add(i);
            }
            patientOf[i] = patients.Count - 1;
        }
        starts.Add(items.Length);

        var confusion = new ConfusionMatrix[patients.Count];
        var keras = new long[patients.Count];
        for (var p = 0; p < patients.Count; p++)
        {
            var own = new ArraySegment<Prediction>(items, starts[p], starts[p + 1] - starts[p]);
            confusion[p] = ConfusionMatrix.Of(own, decisionOf?.Invoke(patients[p]) ?? DecisionRule.Argmax);
            keras[p] = own.Sum(KerasMatches);
        }
        return new RankedPredictions(items, patients.ToArray(), starts.ToArray(), confusion, keras,
            ScoreOrder.Of(items, patientOf));
    }

    /// <summary>
    /// The metrics of the pool in which patient p appears <c>weights[p]</c> times (all ones: the predictions as given).
    /// </summary>
    public MetricSet Evaluate(ReadOnlySpan<int> weights)
    {
        long tn = 0, fp = 0, fn = 0, tp = 0, kerasMatches = 0, drawn = 0;
        for (var p = 0; p < Patients.Length; p++)
        {
            long w = weights[p];
            if (w == 0) continue;
            var c = PatientConfusion[p];
            tn += w * c.TrueNegatives;
            fp += w * c.FalsePositives;
            fn += w * c.FalseNegatives;
            tp += w * c.TruePositives;
            kerasMatches += w * PatientKerasMatches[p];
            drawn += w;
        }
        var confusion = new ConfusionMatrix(tn, fp, fn, tp);
        var (rocAuc, averagePrecision) = Scores.Rank(weights, confusion.Positives, confusion.Negatives);
        return new MetricSet(confusion, (int)drawn, rocAuc, averagePrecision, kerasMatches / (2.0 * confusion.Total));
    }

    /// <summary>Weights of one for every patient: the predictions as given.</summary>
    public int[] Unweighted()
    {
        var weights = new int[Patients.Length];
        Array.Fill(weights, 1);
        return weights;
    }

    /// <summary>
    /// Outputs of one patch that Keras' binary accuracy counts as right: (p_k &gt; 0.5) == one-hot_k, k = 0, 1.
    /// </summary>
    public static int KerasMatches(Prediction p) =>
        ((p.P0 > 0.5) == (p.Label == 0) ? 1 : 0) + ((p.P1 > 0.5) == (p.Label == 1) ? 1 : 0);

    private static void Check(Prediction p)
    {
        if (p is null) throw new ArgumentException("A prediction is null.");
        if (p.Label is not (0 or 1))
            throw new ArgumentException($"Prediction for patient {p.Patient} has label {p.Label}; labels are 0 or 1.");
        if (!double.IsFinite(p.P0) || !double.IsFinite(p.P1))
            throw new ArgumentException(
                $"Prediction for patient {p.Patient} has a non-finite output (p0 {p.P0}, p1 {p.P1}).");
        if (p.Patient is null) throw new ArgumentException("A prediction has no patient id.");
    }

    private static int CanonicalOrder(Prediction a, Prediction b)
    {
        var c = string.CompareOrdinal(a.Patient, b.Patient);
        if (c != 0) return c;
        c = a.P1.CompareTo(b.P1);
        if (c != 0) return c;
        c = a.P0.CompareTo(b.P0);
        return c != 0 ? c : a.Label.CompareTo(b.Label);
    }
}
