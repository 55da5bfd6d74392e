namespace IdcRepro.Reporting.Pages;

/// <summary>One or more images side by side, with a caption beneath.</summary>
public sealed record Figure(IReadOnlyList<ReportImage> Images, string Caption) : Block;
