using IdcRepro.Evaluation;

namespace IdcRepro.Reporting;

/// <summary>
/// An external test set as a report shows it: which model scored it (this run's, or the mean of the folds' models), its
/// figures over every patch with intervals, per patient, each fold model's own figures beside the mean (a k-fold), and
/// the patients it shares with training (which make it less than external).
/// </summary>
public sealed record ExternalFigures(
    string Set,
    string Model,
    HeldOutFigures Figures,
    IReadOnlyList<PatientSummary> PerPatient,
    IReadOnlyList<(string Run, IReadOnlyDictionary<string, double?> Metrics)> PerFold,
    IReadOnlyList<string> SharedPatients);
