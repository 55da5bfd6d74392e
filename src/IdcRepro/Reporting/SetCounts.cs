namespace IdcRepro.Reporting;

/// <summary>One set of a split ("train", "validation", "test"): its patients and its patches by class.</summary>
public sealed record SetCounts(string Set, int Patients, ClassCounts Patches);
