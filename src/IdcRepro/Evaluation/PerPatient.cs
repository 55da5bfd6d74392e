namespace IdcRepro.Evaluation;

/// <summary>Per-patient results, to see whether a few patients carry the overall numbers.</summary>
public static class PerPatient
{
    /// <summary>
    /// One summary per patient, ordinal order of patient id; accuracy, recall and specificity of
    /// <paramref name="decision"/> (default: argmax).
    /// </summary>
    public static IReadOnlyList<PatientSummary> Compute(IReadOnlyList<Prediction> predictions, DecisionRule decision =
        default)
    {
        var ranked = RankedPredictions.Of(predictions, _ => decision);
        var summaries = new PatientSummary[ranked.Patients.Length];
        for (var p = 0; p < summaries.Length; p++)
        {
            var start = ranked.PatientStart[p];
            var count = ranked.PatientStart[p + 1] - start;
            var confusion = ranked.PatientConfusion[p];
            // Summed in the canonical order (by P1), so the mean does not depend on input order.
            var sumP1 = 0.0;
            for (var i = start; i < start + count; i++) sumP1 += ranked.Items[i].P1;
            summaries[p] = new PatientSummary(
                ranked.Patients[p],
                count,
                (int)confusion.Positives,
                confusion.Accuracy!.Value,
                confusion.Recall,
                confusion.Specificity,
                sumP1 / count);
        }
        return summaries;
    }
}
