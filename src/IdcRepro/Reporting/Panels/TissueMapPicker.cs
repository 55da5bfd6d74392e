namespace IdcRepro.Reporting.Panels;

/// <summary>
/// Which held-out patients get a tissue map: in each source (the test set, each external set, in the report's order)
/// the <c>perSource</c> patients with the most scored patches, ties by patient id (ordinal).
/// </summary>
public static class TissueMapPicker
{
    public static IReadOnlyList<PatientRegion> Pick(IReadOnlyList<PatientRegion> regions, int perSource = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perSource);
        return regions.GroupBy(r => r.Source, StringComparer.Ordinal)
            .SelectMany(g =>
                g.OrderByDescending(r => r.Scored).ThenBy(r => r.Patient, StringComparer.Ordinal).Take(perSource))
            .ToList();
    }
}
