namespace IdcRepro.Reporting.Sections;

/// <summary>How the report describes a run's split and test set in words.</summary>
internal static class SplitWords
{
    public static string Strategy(string strategy) => strategy.ToLowerInvariant() switch
    {
        "random" => "random patch split",
        "patient" => "patient-level split",
        "lists" => "patient-level split (given lists)",
        _ => strategy,
    };

    public static bool IsPatchLevel(string strategy) => strategy.Equals("random", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether undersampling changed the test set.</summary>
    public static bool TestUndersampled(Provenance provenance) =>
        provenance.Undersampling.Any(u => u.Set.Equals("test", StringComparison.OrdinalIgnoreCase) && u.Before != u.After);

    public static string TestSet(RunReport report) =>
        $"{Format.Count(report.Metrics.Patches)} patches of {report.Metrics.Patients} patients, " +
        (TestUndersampled(report.Provenance) ? "undersampled" : "not undersampled");
}
