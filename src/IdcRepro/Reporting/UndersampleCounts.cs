namespace IdcRepro.Reporting;

/// <summary>One set's patches by class before and after undersampling the majority class.</summary>
public sealed record UndersampleCounts(string Set, ClassCounts Before, ClassCounts After);
