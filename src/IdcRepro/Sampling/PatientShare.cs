using IdcRepro.Data;

namespace IdcRepro.Sampling;

/// <summary>
/// A patient and the share of its patches that are IDC (class 1): what patient-level splits stratify by.
/// </summary>
public sealed record PatientShare(string Patient, double IdcShare)
{
    /// <summary>
    /// Every patient of <paramref name="patches"/> with its IDC share, in ordinal order of patient id.
    /// </summary>
    public static IReadOnlyList<PatientShare> Of(IEnumerable<Patch> patches) => patches
        .GroupBy(p => p.Patient, StringComparer.Ordinal)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new PatientShare(g.Key, g.Average(p => p.Label)))
        .ToList();
}
