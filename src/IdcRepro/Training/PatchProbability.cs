namespace IdcRepro.Training;

/// <summary>
/// A patch's predicted probabilities of class 0 (non-IDC) and class 1 (IDC); for bce models they need not sum to 1.
/// </summary>
public readonly record struct PatchProbability(float P0, float P1);
