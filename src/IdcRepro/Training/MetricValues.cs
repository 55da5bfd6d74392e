namespace IdcRepro.Training;

/// <summary>
/// Loss and accuracies over a set: <see cref="Accuracy"/> is the share whose larger output is the true class;
/// <see cref="BinaryAccuracy"/> is Keras' binary accuracy, the share of both outputs that round to their one-hot
/// target.
/// </summary>
public sealed record MetricValues(double Loss, double Accuracy, double BinaryAccuracy);
