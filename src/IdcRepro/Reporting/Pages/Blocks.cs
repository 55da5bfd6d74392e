namespace IdcRepro.Reporting.Pages;

// The closed set of blocks a report page is made of: HtmlRenderer and MarkdownRenderer each render all of them in
// one switch, so they are read (and extended) together here.

/// <summary>
/// One piece of a report page; <see cref="HtmlRenderer"/> and <see cref="MarkdownRenderer"/> render every kind alike.
/// </summary>
public abstract record Block;

/// <summary>
/// A section heading (level 2 or 3); level-2 headings make the page's table of contents, linked by <see cref="Id"/>.
/// </summary>
public sealed record Heading(int Level, string Text, string Id) : Block;

/// <summary>A paragraph of plain text (no markup: renderers escape it).</summary>
public sealed record Paragraph(string Text, Tone Tone = Tone.Plain) : Block;

/// <summary>
/// How a paragraph stands out: plain text, the page's lead line, a note, or a verdict that holds or fails.
/// </summary>
public enum Tone { Plain, Lead, Note, Holds, Fails }

/// <summary>An unordered list of plain-text items.</summary>
public sealed record BulletList(IReadOnlyList<string> Items) : Block;

/// <summary>
/// A table of plain-text cells ('\n' in a cell breaks the line). Columns flagged in <see cref="Numeric"/> are
/// right-aligned; <see cref="Caption"/> says what the table shows.
/// </summary>
public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<bool> Numeric, string? Caption = null) : Block
{
    /// <summary>A table whose first column is text and every other column numeric.</summary>
    public static Table WithNumbers(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows,
        string? caption = null) =>
        new(header, rows, header.Select((_, i) => i > 0).ToArray(), caption);
}

/// <summary>One or more images side by side, with a caption beneath.</summary>
public sealed record Figure(IReadOnlyList<ReportImage> Images, string Caption) : Block;

/// <summary>
/// A PNG image of a page: its file name beside the Markdown page, its bytes, and its alternative text.
/// </summary>
public sealed record ReportImage(string FileName, byte[] Png, string AltText);

/// <summary>Text shown verbatim in a monospaced block (the resolved config).</summary>
public sealed record Preformatted(string Text) : Block;
