namespace IdcRepro.Reporting.Panels;

/// <summary>
/// Chooses example patches for each outcome, deterministically: the most confident first (highest P1 where IDC was
/// predicted, lowest P1 where non-IDC was), ties by prediction index. So the TP row shows the clearest IDC, and
/// the FP and FN rows the model's most confident mistakes.
/// </summary>
public static class ExamplePicker
{
    /// <summary>The outcomes in the order the grid shows them.</summary>
    public static IReadOnlyList<PatchOutcome> Order { get; } =
        [PatchOutcome.TruePositive, PatchOutcome.FalsePositive, PatchOutcome.FalseNegative, PatchOutcome.TrueNegative];

    public static IReadOnlyList<ExampleRow> Pick(IReadOnlyList<ScoredPatch> predictions, int perOutcome = 8)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perOutcome);
        return Order.Select(outcome =>
        {
            var matching =
                Enumerable.Range(0, predictions.Count).Where(i => predictions[i].Outcome == outcome).ToList();
            var predictedIdc = outcome is PatchOutcome.TruePositive or PatchOutcome.FalsePositive;
            var ordered = predictedIdc
                ? matching.OrderByDescending(i => predictions[i].P1).ThenBy(i => i)
                : matching.OrderBy(i => predictions[i].P1).ThenBy(i => i);
            return new ExampleRow(outcome, ordered.Take(perOutcome).ToList(), matching.Count);
        }).ToList();
    }
}
