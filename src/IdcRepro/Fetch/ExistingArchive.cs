namespace IdcRepro.Fetch;

/// <summary>
/// What <see cref="ArchiveHash.CheckExisting"/> found: the archive's SHA-256 when it can be used, else why it was
/// deleted.
/// </summary>
public sealed record ExistingArchive(string? Sha256, string? Damage);
