namespace IdcRepro.Reporting.Pages;

/// <summary>An unordered list of plain-text items.</summary>
public sealed record BulletList(IReadOnlyList<string> Items) : Block;
