namespace IdcRepro.Evaluation;

/// <summary>
/// One cross-validation fold's test predictions and the decision rule its confusion counts use (e.g. its own
/// validation-chosen threshold).
/// </summary>
public sealed record FoldPredictions(IReadOnlyList<Prediction> Predictions, DecisionRule Decision = default);
