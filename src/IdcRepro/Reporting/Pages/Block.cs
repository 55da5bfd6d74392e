namespace IdcRepro.Reporting.Pages;

/// <summary>One piece of a report page; <see cref="HtmlRenderer"/> and <see cref="MarkdownRenderer"/> render every kind alike.</summary>
public abstract record Block;
