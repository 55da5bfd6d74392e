namespace IdcRepro.Reporting.Pages;

/// <summary>A section heading (level 2 or 3); level-2 headings make the page's table of contents, linked by <see cref="Id"/>.</summary>
public sealed record Heading(int Level, string Text, string Id) : Block;
