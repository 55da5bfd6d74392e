using System.Text;
using System.Text.RegularExpressions;

namespace IdcRepro.Reporting.Pages;

/// <summary>
/// A <see cref="ReportDocument"/> as GitHub-flavoured Markdown, its images referenced as files in
/// <c>imageFolder</c> beside the page (the same images the HTML page embeds).
/// </summary>
public static partial class MarkdownRenderer
{
    public static string Render(ReportDocument document, string imageFolder)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(document.Title)).Append("\n\n");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case Heading h:
                    md.Append(new string('#', h.Level)).Append(' ').Append(Escape(h.Text)).Append("\n\n");
                    break;
                case Paragraph p:
                    var text = Escape(p.Text);
                    md.Append(p.Tone switch
                    {
                        Tone.Lead => $"**{text}**",
                        Tone.Note => $"> {text}",
                        Tone.Holds => $"> ✅ {text}",
                        Tone.Fails => $"> ⚠️ {text}",
                        _ => text,
                    }).Append("\n\n");
                    break;
                case BulletList list:
                    foreach (var item in list.Items) md.Append("- ").Append(Escape(item)).Append('\n');
                    md.Append('\n');
                    break;
                case Table table:
                    AppendTable(md, table);
                    break;
                case Figure figure:
                    md.AppendJoin(' ', figure.Images.Select(i => $"![{Escape(i.AltText)}]({imageFolder}/{i.FileName})"))
                        .Append("\n\n");
                    md.Append('*').Append(Escape(figure.Caption)).Append("*\n\n");
                    break;
                case Preformatted pre:
                    var fence = new string('`', Math.Max(3, LongestBacktickRun(pre.Text) + 1));
                    md.Append(fence).Append('\n').Append(pre.Text.TrimEnd('\n')).Append('\n').Append(fence)
                        .Append("\n\n");
                    break;
                default:
                    throw new ArgumentException($"Unknown block {block.GetType().Name}.", nameof(document));
            }
        }
        return md.ToString();
    }

    private static void AppendTable(StringBuilder md, Table table)
    {
        md.Append("| ").AppendJoin(" | ", table.Header.Select(Cell)).Append(" |\n|");
        for (var c = 0; c < table.Header.Count; c++)
            md.Append(c < table.Numeric.Count && table.Numeric[c] ? " ---: |" : " --- |");
        md.Append('\n');
        foreach (var row in table.Rows) md.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        md.Append('\n');
        if (table.Caption is { } caption) md.Append('*').Append(Escape(caption)).Append("*\n\n");
    }

    private static string Cell(string text) =>
        Escape(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>
    /// Backslash-escapes the characters Markdown would read as markup here: emphasis, code, HTML, and a '#' that
    /// starts a line. Brackets are left alone: without a following '(' or a reference definition they make no link.
    /// </summary>
    public static string Escape(string text) => LeadingHash().Replace(MarkupCharacter().Replace(text, @"\$0"), @"\#");

    private static int LongestBacktickRun(string text) =>
        Backticks().Matches(text).Select(m => m.Length).DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"[\\`*_<>]")]
    private static partial Regex MarkupCharacter();

    [GeneratedRegex(@"^#", RegexOptions.Multiline)]
    private static partial Regex LeadingHash();

    [GeneratedRegex("`+")]
    private static partial Regex Backticks();
}
