using IdcRepro.Pipeline;
using IdcRepro.Reporting.Pages;

namespace IdcRepro.Reporting;

/// <summary>
/// The one place a page touches the disk: <c>&lt;name&gt;_files/*.png</c>, then <c>&lt;name&gt;.md</c>, then
/// <c>&lt;name&gt;.html</c>, each written atomically; PNGs left in the image folder by an earlier page are removed.
/// </summary>
internal static class DocumentWriter
{
    public static ReportFiles Write(string directory, string name, ReportDocument document)
    {
        var folderName = $"{name}_files";
        var folder = Path.Combine(directory, folderName);
        Directory.CreateDirectory(folder);
        var images = document.Images;
        var duplicate = images.GroupBy(i => i.FileName, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two images of the page are named {duplicate.Key}.");

        foreach (var image in images) AtomicFile.WriteAllBytes(Path.Combine(folder, image.FileName), image.Png);
        var current = images.Select(i => i.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(folder, "*.png")
            .Where(f => !current.Contains(Path.GetFileName(f))))
            File.Delete(stale);

        var markdown = Path.Combine(directory, $"{name}.md");
        var html = Path.Combine(directory, $"{name}.html");
        AtomicFile.WriteAllText(markdown, MarkdownRenderer.Render(document, folderName));
        AtomicFile.WriteAllText(html, HtmlRenderer.Render(document));
        return new ReportFiles(html, markdown, folder);
    }
}
