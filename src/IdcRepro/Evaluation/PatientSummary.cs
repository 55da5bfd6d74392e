namespace IdcRepro.Evaluation;

/// <summary>
/// How the model did on one patient's patches: argmax accuracy, sensitivity (null without IDC patches),
/// specificity (null without non-IDC patches) and the mean P1.
/// </summary>
public sealed record PatientSummary(
    string Patient,
    int Patches,
    int Positives,
    double Accuracy,
    double? Sensitivity,
    double? Specificity,
    double MeanP1);
