namespace IdcRepro.Reporting.Pages;

/// <summary>A paragraph of plain text (no markup: renderers escape it).</summary>
public sealed record Paragraph(string Text, Tone Tone = Tone.Plain) : Block;
