namespace IdcRepro.Evaluation;

/// <summary>
/// One point of a precision-recall curve: calling IDC every patch with score &gt;= <see cref="Threshold"/>.
/// The last point of a curve is (recall 0, precision 1), which sklearn gives no threshold; here it has +infinity.
/// </summary>
public sealed record PrecisionRecallPoint(double Recall, double Precision, double Threshold);
