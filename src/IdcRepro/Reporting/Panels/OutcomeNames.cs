namespace IdcRepro.Reporting.Panels;

/// <summary>How the report names each outcome.</summary>
public static class OutcomeNames
{
    public static string Title(PatchOutcome outcome) => outcome switch
    {
        PatchOutcome.TruePositive => "True positives",
        PatchOutcome.FalsePositive => "False positives",
        PatchOutcome.FalseNegative => "False negatives",
        _ => "True negatives",
    };

    public static string Meaning(PatchOutcome outcome) => outcome switch
    {
        PatchOutcome.TruePositive => "IDC called IDC",
        PatchOutcome.FalsePositive => "non-IDC called IDC",
        PatchOutcome.FalseNegative => "IDC called non-IDC",
        _ => "non-IDC called non-IDC",
    };
}
