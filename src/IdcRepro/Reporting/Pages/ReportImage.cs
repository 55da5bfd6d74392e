namespace IdcRepro.Reporting.Pages;

/// <summary>A PNG image of a page: its file name beside the Markdown page, its bytes, and its alternative text.</summary>
public sealed record ReportImage(string FileName, byte[] Png, string AltText);
