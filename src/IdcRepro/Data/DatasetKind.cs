namespace IdcRepro.Data;

public enum DatasetKind { Zip, Directory }

/// <summary>
/// What Fetch hands on: a zip or folder in the original archive's layout, and the hash of its content.
/// </summary>
public sealed record DatasetLocation(DatasetKind Kind, string Path, string Sha256);
