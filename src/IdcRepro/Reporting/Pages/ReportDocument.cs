namespace IdcRepro.Reporting.Pages;

/// <summary>A whole page: its title and blocks, rendered to HTML and Markdown alike.</summary>
public sealed record ReportDocument(string Title, IReadOnlyList<Block> Blocks)
{
    /// <summary>Every image of the page's figures, in page order.</summary>
    public IReadOnlyList<ReportImage> Images => Blocks.OfType<Figure>().SelectMany(f => f.Images).ToList();
}
