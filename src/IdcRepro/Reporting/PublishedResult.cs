namespace IdcRepro.Reporting;

/// <summary>
/// A published figure to set a run beside: who reported it, on what split and test set, and its metrics by
/// <see cref="Evaluation.MetricNames"/> name (fractions, not percentages).
/// </summary>
public sealed record PublishedResult(string Source, string Model, string Split, string TestSet,
    IReadOnlyDictionary<string, double> Metrics);
