namespace IdcRepro.Reporting;

/// <summary>How much the report shows of the test patches themselves.</summary>
public sealed record ReportOptions
{
    /// <summary>Example patches per outcome (TP, FP, FN, TN).</summary>
    public int ExamplesPerOutcome { get; init; } = 8;

    /// <summary>
    /// Held-out patients given a whole-region tissue map, per set (the test set, each external set): those with the
    /// most scored patches. 6 maps every test patient of a 5-fold on the 28-patient sample; each map is a PNG of about
    /// 0.3 MB (its panels are capped at <see cref="TissueMapMaxPanelSize"/>), so the page stays a few megabytes.
    /// </summary>
    public int TissueMapPatients { get; init; } = 6;

    /// <summary>
    /// Widest (and tallest) a tissue-map panel may be, in pixels: 360 lets the three panels side by side fit the
    /// page's width (about 1,140 px) without being scaled down, so their labels stay legible.
    /// </summary>
    public int TissueMapMaxPanelSize { get; init; } = 360;

    public static ReportOptions Default { get; } = new();
}
