namespace IdcRepro.Reporting.Comparing;

/// <summary>
/// One key that differs between two flattened configs: its baseline value (null when added) and its value (null when
/// removed).
/// </summary>
public sealed record ConfigChange(string Key, ChangeKind Kind, string? Before, string? After);
