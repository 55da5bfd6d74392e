namespace IdcRepro.Reporting.Pages;

/// <summary>
/// A table of plain-text cells ('\n' in a cell breaks the line). Columns flagged in <see cref="Numeric"/> are
/// right-aligned; <see cref="Caption"/> says what the table shows.
/// </summary>
public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> Numeric, string? Caption = null) : Block
{
    /// <summary>A table whose first column is text and every other column numeric.</summary>
    public static Table WithNumbers(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, string? caption = null) =>
        new(header, rows, header.Select((_, i) => i > 0).ToArray(), caption);
}
