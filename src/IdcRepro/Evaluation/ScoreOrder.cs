namespace IdcRepro.Evaluation;

/// <summary>
/// Patches sorted once by score (P1), highest first, in groups of equal score (one group per distinct threshold),
/// each patch reduced to its patient and label. A weighting of patients (all ones, or a bootstrap resample's
/// multiplicities) is then ranked in one pass, exactly as if the weighted patches had been pooled and sorted.
/// </summary>
internal sealed class ScoreOrder
{
    private readonly int[] _groupStart;
    private readonly int[] _patient;
    private readonly long[] _label;
    private readonly bool[] _lastInGroup;

    private ScoreOrder(double[] thresholds, int[] groupStart, int[] patient, long[] label)
    {
        Thresholds = thresholds;
        _groupStart = groupStart;
        _patient = patient;
        _label = label;
        _lastInGroup = new bool[patient.Length];
        foreach (var end in groupStart.Skip(1)) _lastInGroup[end - 1] = true;
    }

    /// <summary>Distinct scores, highest first.</summary>
    public double[] Thresholds { get; }

    /// <param name="items">Predictions in a canonical order (ties keep it, so the layout never depends on input
    /// order).</param>
    /// <param name="patientOf">Each item's patient index.</param>
    public static ScoreOrder Of(IReadOnlyList<Prediction> items, IReadOnlyList<int> patientOf)
    {
        var order = Enumerable.Range(0, items.Count).OrderByDescending(i => items[i].Score).ToArray(); // stable
        var patient = new int[order.Length];
        var label = new long[order.Length];
        var thresholds = new List<double>();
        var groupStart = new List<int>();
        for (var k = 0; k < order.Length; k++)
        {
            var item = items[order[k]];
            if (k == 0 || item.Score != thresholds[^1])
            {
                thresholds.Add(item.Score);
                groupStart.Add(k);
            }
            patient[k] = patientOf[order[k]];
            label[k] = item.Label;
        }
        groupStart.Add(order.Length);
        return new ScoreOrder(thresholds.ToArray(), groupStart.ToArray(), patient, label);
    }

    /// <summary>Weighted class-1 and class-0 counts at each distinct score, highest first.</summary>
    public (long[] Positives, long[] Negatives) CountByThreshold(ReadOnlySpan<int> weights)
    {
        var positives = new long[Thresholds.Length];
        var negatives = new long[Thresholds.Length];
        for (var g = 0; g < Thresholds.Length; g++)
        {
            for (var i = _groupStart[g]; i < _groupStart[g + 1]; i++)
            {
                long w = weights[_patient[i]];
                positives[g] += w * _label[i];
                negatives[g] += w * (1 - _label[i]);
            }
        }
        return (positives, negatives);
    }

    /// <summary>
    /// ROC AUC and average precision of the weighted patches, given their class totals.
    /// ROC AUC is the Mann-Whitney U / (P N) with ties counted 1/2, kept exact in integers (2U) and divided once; it
    /// equals the trapezoidal area under the ROC curve (sklearn's <c>roc_auc_score</c>); null unless both classes
    /// are present. Average precision is sum_n (R_n - R_{n-1}) P_n over distinct thresholds, highest first
    /// (sklearn's <c>average_precision_score</c>), summed as sum_n TP-gain_n P_n / P; null without class 1.
    /// </summary>
    public (double? RocAuc, double? AveragePrecision) Rank(ReadOnlySpan<int> weights, long positives, long negatives)
    {
        if (positives == 0) return (null, null);
        var patient = _patient;
        var label = _label;
        var lastInGroup = _lastInGroup;
        long tp = 0, fp = 0, twiceU = 0, groupPositives = 0, groupNegatives = 0;
        var precisionSum = 0.0;
        for (var i = 0; i < patient.Length; i++)
        {
            long w = weights[patient[i]];
            var positive = w & -label[i]; // label 1: w, label 0: 0
            groupPositives += positive;
            groupNegatives += w - positive;
            if (!lastInGroup[i]) continue;
            // Each class-0 patch in this group ranks below every class-1 patch above it and ties with those beside it.
            twiceU += groupNegatives * (2 * tp + groupPositives);
            tp += groupPositives;
            fp += groupNegatives;
            // Recall rises by groupPositives / P at this threshold (no term where it does not rise).
            if (groupPositives != 0) precisionSum += groupPositives * ((double)tp / (tp + fp));
            groupPositives = 0;
            groupNegatives = 0;
        }
        double? rocAuc = negatives == 0 ? null : twiceU / (2.0 * positives * negatives);
        return (rocAuc, precisionSum / positives);
    }
}
