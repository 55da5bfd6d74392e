namespace IdcRepro.Evaluation;

/// <summary>
/// One point of a ROC curve: the rates of calling IDC every patch with score &gt;= <see cref="Threshold"/>.
/// The first point of a curve is (0, 0) at threshold +infinity, as in sklearn 1.3 and later (a JSON writer needs
/// to be told how to write it).
/// </summary>
public sealed record RocPoint(double FalsePositiveRate, double TruePositiveRate, double Threshold);
