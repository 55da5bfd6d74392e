using IdcRepro.Data;

namespace IdcRepro.Reporting;

/// <summary>
/// One test patch with the model's verdict: <see cref="P1"/>, the IDC output, and the argmax class
/// <see cref="Predicted"/> (0 non-IDC, 1 IDC). The true class is <c>Patch.Label</c>.
/// </summary>
public sealed record ScoredPatch(Patch Patch, double P1, int Predicted)
{
    public int Label => Patch.Label;

    public PatchOutcome Outcome => (Label, Predicted) switch
    {
        (1, 1) => PatchOutcome.TruePositive,
        (0, 1) => PatchOutcome.FalsePositive,
        (1, _) => PatchOutcome.FalseNegative,
        _ => PatchOutcome.TrueNegative,
    };
}
