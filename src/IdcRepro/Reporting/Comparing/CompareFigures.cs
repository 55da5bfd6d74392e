namespace IdcRepro.Reporting.Comparing;

/// <summary>
/// The figures a variant is compared on: for a patient k-fold, its pooled out-of-fold figures on the undersampled test
/// sets (counted as the other variants' test sets are); otherwise its own test set's; null without a test set.
/// </summary>
public static class CompareFigures
{
    public static HeldOutFigures? Headline(RunReport report) =>
        report.CrossValidation is { } cv ? cv.Undersampled.Pooled
        : report.HasTestSet ? HeldOutFigures.Of(report.Metrics, report.Intervals)
        : null;
}
