namespace IdcRepro.Reporting.Panels;

/// <summary>Which patients get a tissue map: those with the most test patches, ties by patient id (ordinal).</summary>
public static class TissueMapPicker
{
    public static IReadOnlyList<string> Pick(IReadOnlyList<ScoredPatch> predictions, int count = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return predictions.GroupBy(p => p.Patch.Patient, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(count).Select(g => g.Key).ToList();
    }
}
