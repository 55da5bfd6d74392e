namespace IdcRepro.Reporting.Sections;

/// <summary>How the report describes a run's split and test set in words.</summary>
internal static class SplitWords
{
    public static string Strategy(string strategy) => strategy.ToLowerInvariant() switch
    {
        "random" => "random patch split",
        "patient" => "patient-level split",
        "lists" => "patient-level split (given lists)",
        "patient_kfold" => "patient k-fold (one fold held out)",
        _ => strategy,
    };

    /// <summary>What the test-set sections say for a run without a test set.</summary>
    public const string NoTestSet =
        "This run has no test set (split.test_fraction 0): every patient but the validation set trained the model, " +
        "so there are no test figures; see the external sets, if any, for figures on new patients.";

    public static bool IsPatchLevel(string strategy) => strategy.Equals("random", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether undersampling changed the test set.</summary>
    public static bool TestUndersampled(Provenance provenance) =>
        provenance.Undersampling.Any(u => u.Set.Equals("test", StringComparison.OrdinalIgnoreCase)
            && u.Before != u.After);

    public static string TestSet(RunReport report) =>
        $"{Format.Count(report.Metrics.Patches)} patches of {report.Metrics.Patients} patients, " +
        (TestUndersampled(report.Provenance) ? "undersampled" : "not undersampled");
}
