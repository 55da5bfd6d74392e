namespace IdcRepro.Indexing;

/// <summary>
/// A file of the dataset as listed by its source: path inside it ('/'-separated), size and, for zips, the CRC-32.
/// </summary>
public sealed record DatasetEntry(string Path, long Length, uint? Crc32 = null);
