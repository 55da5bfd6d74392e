namespace IdcRepro.Reporting;

/// <summary>Where a test patch falls in the confusion matrix (IDC is the positive class).</summary>
public enum PatchOutcome { TruePositive, FalsePositive, FalseNegative, TrueNegative }
