namespace IdcRepro.Synthetic;

/// <summary>What <see cref="SyntheticDataset.WriteZip"/> wrote: how many patients and patches, and how many of each class.</summary>
public sealed record SyntheticSummary(int Patients, int Patches, int Class0, int Class1);
