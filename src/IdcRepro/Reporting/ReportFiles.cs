namespace IdcRepro.Reporting;

/// <summary>
/// What a writer wrote: the HTML page, its Markdown twin, and the folder of the Markdown page's images.
/// </summary>
public sealed record ReportFiles(string Html, string Markdown, string ImageFolder);
