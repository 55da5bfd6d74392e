namespace IdcRepro.Reporting;

/// <summary>How much the report shows of the test patches themselves.</summary>
public sealed record ReportOptions
{
    /// <summary>Example patches per outcome (TP, FP, FN, TN).</summary>
    public int ExamplesPerOutcome { get; init; } = 8;

    /// <summary>Patients given a tissue map (those with the most test patches).</summary>
    public int TissueMapPatients { get; init; } = 3;

    /// <summary>
    /// Widest (and tallest) a tissue-map panel may be, in pixels: 360 lets the three panels side by side fit the
    /// page's width (about 1,140 px) without being scaled down, so their labels stay legible.
    /// </summary>
    public int TissueMapMaxPanelSize { get; init; } = 360;

    public static ReportOptions Default { get; } = new();
}
