namespace IdcRepro.Reporting.Pages;

/// <summary>Text shown verbatim in a monospaced block (the resolved config).</summary>
public sealed record Preformatted(string Text) : Block;
