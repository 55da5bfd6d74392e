using IdcRepro.Data;

namespace IdcRepro.Reporting;

/// <summary>
/// One patch of a patient's whole region: the patch, and the model's P1 when the patch was held out and scored (a test
/// or external patch), null when the model trained (or validated) on it (a random patch split's training patches).
/// </summary>
public sealed record RegionPatch(Patch Patch, double? P1);

/// <summary>
/// A held-out patient's whole region for a tissue map: every patch of the patient the data holds (rebuilt from x and
/// y), with ground truth and, where held out, P1; its pixels by position in <see cref="Patches"/>; where the patient
/// comes from (the test set, an external set); and the patient's own ROC AUC and balanced accuracy over its scored
/// patches (null when it has patches of one class only).
/// </summary>
public sealed record PatientRegion(
    string Patient,
    string Source,
    IReadOnlyList<RegionPatch> Patches,
    IPatchPixels Pixels,
    double? RocAuc,
    double? BalancedAccuracy)
{
    /// <summary>How many of the region's patches were held out and scored.</summary>
    public int Scored => Patches.Count(p => p.P1 is not null);

    public int Idc => Patches.Count(p => p.Patch.Label == 1);
}
