using System.Text;

namespace IdcRepro.Reporting.Pages;

/// <summary>
/// A <see cref="ReportDocument"/> as one self-contained HTML page: inline CSS, every image a data: URI, no script,
/// no font or anything else fetched, so it opens from disk anywhere.
/// </summary>
public static class HtmlRenderer
{
    public static string Render(ReportDocument document)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Encode(document.Title)).Append("</title>\n<style>\n")
            .Append(PageStyle.Css).Append("\n</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(Encode(document.Title)).Append("</h1>\n");

        var sections = document.Blocks.OfType<Heading>().Where(h => h.Level == 2).ToList();
        if (sections.Count > 1)
        {
            html.Append("<nav class=\"toc\">");
            foreach (var h in sections)
                html.Append("<a href=\"#").Append(Encode(h.Id)).Append("\">").Append(Encode(h.Text)).Append("</a>");
            html.Append("</nav>\n");
        }
        foreach (var block in document.Blocks) Append(html, block);
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Append(StringBuilder html, Block block)
    {
        switch (block)
        {
            case Heading h:
                html.Append($"<h{h.Level} id=\"").Append(Encode(h.Id)).Append("\">").Append(Encode(h.Text))
                    .Append($"</h{h.Level}>\n");
                break;
            case Paragraph p:
                html.Append(p.Tone == Tone.Plain ? "<p>" : $"<p class=\"{p.Tone.ToString().ToLowerInvariant()}\">")
                    .Append(Encode(p.Text)).Append("</p>\n");
                break;
            case BulletList list:
                html.Append("<ul>\n");
                foreach (var item in list.Items) html.Append("<li>").Append(Encode(item)).Append("</li>\n");
                html.Append("</ul>\n");
                break;
            case Table table:
                AppendTable(html, table);
                break;
            case Figure figure:
                html.Append("<figure>\n<div class=\"row\">\n");
                foreach (var image in figure.Images)
                {
                    var (width, height) = PngSize.Of(image.Png);
                    html.Append("<div><img src=\"data:image/png;base64,").Append(Convert.ToBase64String(image.Png))
                        .Append("\" alt=\"").Append(Encode(image.AltText))
                            .Append($"\" width=\"{width}\" height=\"{height}\"></div>\n");
                }
                html.Append("</div>\n<figcaption>").Append(Encode(figure.Caption)).Append("</figcaption>\n</figure>\n");
                break;
            case Preformatted pre:
                html.Append("<pre>").Append(Encode(pre.Text)).Append("</pre>\n");
                break;
            default:
                throw new ArgumentException($"Unknown block {block.GetType().Name}.", nameof(block));
        }
    }

    private static void AppendTable(StringBuilder html, Table table)
    {
        string Class(int column) => column < table.Numeric.Count && table.Numeric[column] ? " class=\"num\"" : "";
        html.Append("<div class=\"table-wrap\"><table>\n<thead><tr>");
        for (var c = 0; c < table.Header.Count; c++)
            html.Append($"<th{Class(c)}>").Append(Cell(table.Header[c])).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var c = 0; c < row.Count; c++) html.Append($"<td{Class(c)}>").Append(Cell(row[c])).Append("</td>");
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n");
        if (table.Caption is { } caption) html.Append("<p class=\"caption\">").Append(Encode(caption)).Append("</p>\n");
    }

    private static string Cell(string text) => Encode(text).Replace("\n", "<br>", StringComparison.Ordinal);

    /// <summary>Escapes the five characters HTML gives meaning to; everything else is written as UTF-8 text.</summary>
    private static string Encode(string text)
    {
        var encoded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return encoded.ToString();
    }
}
